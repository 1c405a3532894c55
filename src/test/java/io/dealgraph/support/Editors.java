package io.dealgraph.support;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The API as each kind of caller sees it. */
public final class Editors {

	private Editors() {
	}

	public static HttpGraphQlTester as(HttpGraphQlTester tester, String bearer) {
		return tester.mutate().header("Authorization", "Bearer " + bearer).build();
	}

	public static HttpGraphQlTester editor(HttpGraphQlTester tester) {
		return as(tester, TestCredentials.EDITOR_KEY);
	}

	public static HttpGraphQlTester admin(HttpGraphQlTester tester) {
		return as(tester, TestCredentials.ADMIN_KEY);
	}

	/** A valid deal input between two seed organizations, with one source. */
	public static Map<String, Object> supplyDeal(String from, String to) {
		return Map.of("type", "SUPPLY", "from", from, "to", to, "announcedOn", "2026-11", "status", "ANNOUNCED",
				"amount", Map.of("amount", 5_000_000, "currency", "USD"), "sources",
				List.of(Map.of("url", "https://example.org/deal", "confidence", "HIGH")));
	}

	public static final String RECORD_DEAL = """
			mutation($input: DealInput!, $key: String) {
			  recordDeal(input: $input, idempotencyKey: $key) { key version type from { key } to { key } status sources { url } }
			}
			""";

}

package io.dealgraph.editing;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Editors;
import io.dealgraph.support.Graph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each input rule: a failing case that names its field and writes nothing, and the
 * passing case.
 */
@RunsDealgraph
@RemovesItsWrites
class ValidationTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	static Stream<Arguments> brokenRules() {
		return Stream.of(
				Arguments.of("an unknown organization", Map.of("from", "no-such-company"), "NOT_FOUND", "input.from"),
				Arguments.of("a regulator supplying", Map.of("from", "sec"), "BAD_REQUEST", "input.from"),
				Arguments.of("a regulatory action by a miner",
						Map.of("type", "REGULATORY_ACTION", "from", "hut-8", "to", "robinhood"), "BAD_REQUEST",
						"input.from"),
				Arguments.of("a deal with itself", Map.of("to", "nvidia"), "BAD_REQUEST", "input.to"),
				Arguments.of("a negative amount", Map.of("amount", Map.of("amount", -1, "currency", "USD")),
						"BAD_REQUEST", "input.amount.amount"),
				Arguments.of("a made-up currency", Map.of("amount", Map.of("amount", 1, "currency", "ABC")),
						"BAD_REQUEST", "input.amount.currency"),
				Arguments.of("a currency in lower case", Map.of("amount", Map.of("amount", 1, "currency", "usd")),
						"BAD_REQUEST", "input.amount.currency"),
				Arguments.of("no source", Map.of("sources", List.of()), "BAD_REQUEST", "input.sources"),
				Arguments.of("a source that is not a web address",
						Map.of("sources", List.of(Map.of("url", "javascript:alert(1)", "confidence", "LOW"))),
						"BAD_REQUEST", "input.sources[0].url"),
				Arguments.of("a description over its cap", Map.of("description", "x".repeat(2001)), "BAD_REQUEST",
						"input.description"),
				Arguments.of("more sources than the cap",
						Map.of("sources",
								Collections.nCopies(21, Map.of("url", "https://example.org", "confidence", "LOW"))),
						"BAD_REQUEST", "input.sources"),
				Arguments.of("an instrument on a supply", Map.of("instrument", "DEBT"), "BAD_REQUEST",
						"input.instrument"),
				Arguments.of("a stake over 100 percent",
						Map.of("type", "FINANCING", "from", "coatue", "stakePercent", 120), "BAD_REQUEST",
						"input.stakePercent"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void aBrokenRuleNamesItsFieldAndWritesNothing(String rule, Map<String, Object> change, String code, String field) {
		Map<String, Object> input = new HashMap<>(Editors.supplyDeal("nvidia", "hut-8"));
		input.putAll(change);
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", input)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("field", field);
				assertThat(error.getMessage()).contains(field);
			}));
		assertThat(graph.counts()).isEqualTo(before);
	}

	@Test
	void dateShapesOtherThanYearMonthDayAreRefused() {
		for (String date : List.of("2024-13", "24-06-01", "June 2024", "2024-02-30", "2024/06")) {
			Map<String, Object> input = new HashMap<>(Editors.supplyDeal("nvidia", "hut-8"));
			input.put("announcedOn", date);
			Editors.editor(this.graphQl)
				.document(Editors.RECORD_DEAL)
				.variable("input", input)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		}
	}

	@Test
	void aDealThatKeepsEveryRuleIsRecordedWithItsSource() {
		Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", Editors.supplyDeal("nvidia", "hut-8"))
			.execute()
			.path("recordDeal.sources[0].url")
			.entity(String.class)
			.isEqualTo("https://example.org/deal");
	}

	@Test
	void organizationsAreCheckedToo() {
		for (var input : List.of(Map.of("id", "Not A Slug", "name", "X", "kind", "OTHER"),
				Map.of("id", "test-long", "name", "x".repeat(201), "kind", "OTHER"),
				Map.of("id", "test-aliases", "name", "X", "kind", "OTHER", "aliases", Collections.nCopies(51, "a")),
				Map.of("id", "test-country", "name", "X", "kind", "OTHER", "country", "USA"))) {
			Editors.editor(this.graphQl)
				.document("mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { key } }")
				.variable("i", input)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		}
	}

}

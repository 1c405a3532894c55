package io.dealgraph.limits;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Http;
import io.dealgraph.support.TestCredentials;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that spends its budget is turned away with 429 and told when to come back;
 * others are not.
 */
@RunsDealgraph
@TestPropertySource(properties = { "dealgraph.rate-limit.capacity=1000", "dealgraph.rate-limit.period=1h",
		"server.forward-headers-strategy=native" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void costlyQueriesSpendTheBudgetThen429WithRetryAfter() {
		Http http = new Http(this.port);
		String costly = "{ organizations(first: 100) { edges { node { id } } } }";
		int served = 0;
		var response = http.graphQl(costly);
		while (response.statusCode() == 200 && served < 20) {
			served++;
			response = http.graphQl(costly);
		}
		assertThat(served).as("a cost of about 300 each fits three times in 1000").isBetween(3, 5);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(Http.code(response)).isEqualTo("RATE_LIMITED");
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		// An editor is counted by key, not by address: still served.
		assertThat(http.graphQl("{ __typename }", "Authorization", "Bearer " + TestCredentials.EDITOR_KEY).statusCode())
			.isEqualTo(200);
	}

	@Test
	void behindAReverseProxyEachClientIsCountedByItsForwardedAddress() {
		Http http = new Http(this.port);
		String costly = "{ organizations(first: 100) { edges { node { id } } } }";
		var response = http.graphQl(costly, "X-Forwarded-For", "203.0.113.7");
		for (int i = 0; i < 20 && response.statusCode() == 200; i++) {
			response = http.graphQl(costly, "X-Forwarded-For", "203.0.113.7");
		}
		assertThat(response.statusCode()).as("one client behind the proxy spent its budget").isEqualTo(429);
		assertThat(http.graphQl(costly, "X-Forwarded-For", "203.0.113.8").statusCode())
			.as("another client behind the same proxy is served")
			.isEqualTo(200);
		// The client forged a header of its own; the proxy appended the address it saw.
		assertThat(http.graphQl(costly, "X-Forwarded-For", "198.51.100.1, 203.0.113.7").statusCode())
			.as("a forged address before the proxy's own changes nothing")
			.isEqualTo(429);
	}

	@Test
	void mutationsWeighMoreThanQueries() {
		Http http = new Http(this.port);
		String bearer = "Bearer " + TestCredentials.ADMIN_KEY;
		int served = 0;
		var response = http.graphQl("mutation { retractDeal(id: \"no-such-deal\", reason: \"x\") { id } }",
				"Authorization", bearer);
		while (response.statusCode() == 200 && served < 500) {
			served++;
			response = http.graphQl("mutation { retractDeal(id: \"no-such-deal\", reason: \"x\") { id } }",
					"Authorization", bearer);
		}
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(served).as("each mutation costs ten units").isLessThanOrEqualTo(101);
	}

}

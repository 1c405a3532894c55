package io.dealgraph.graphql;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document sent again with other variables selects what those variables say, not what
 * the first request's did: the selection kept for one set of variables never answers
 * another. Over HTTP, on the seed graph.
 */
@RunsDealgraph
class KeptOperationsTests {

	private static final String DOCUMENT = """
			query($withName: Boolean!, $n: Int!) {
			  organization(id: "hut-8") {
			    key
			    name @include(if: $withName)
			    deals(first: $n) { edges { node { key } } }
			  }
			}""";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void eachRequestSelectsWhatItsOwnVariablesSay() {
		for (int round = 0; round < 2; round++) {
			JsonNode withNameAndOne = organization(true, 1);
			assertThat(withNameAndOne.path("name").asString()).isEqualTo("Hut 8");
			assertThat(withNameAndOne.path("deals").path("edges")).hasSize(1);
			JsonNode withoutNameAndThree = organization(false, 3);
			assertThat(withoutNameAndThree.has("name")).isFalse();
			assertThat(withoutNameAndThree.path("deals").path("edges")).hasSize(3);
		}
	}

	@Test
	void variablesTooLargeToKeepAreStillAnswered() {
		// 100 ids of over 192 characters each: over the budget, so worked out for this
		// request alone.
		List<String> ids = IntStream.range(0, 100)
			.mapToObj((i) -> (i == 0) ? "hut-8" : "no-such-organization-" + i + "-" + "x".repeat(192))
			.toList();
		assertThat(KeptOperations.isSmall(Map.of("ids", ids), new int[] { KeptOperations.SMALL_VARIABLES })).isFalse();
		String body = JsonMapper.shared()
			.writeValueAsString(Map.of("query", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "variables",
					Map.of("ids", ids)));
		HttpResponse<String> response = this.http.post("/graphql", body, "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"Organization:hut-8\"").doesNotContain("errors");
	}

	@Test
	void aBudgetCountsValuesAndLongTextAndStopsWhenSpent() {
		assertThat(KeptOperations.isSmall(Map.of("id", "hut-8", "first", 10), new int[] { 5 })).isTrue();
		assertThat(KeptOperations.isSmall(Map.of("ids", List.of("a", "b", "c", "d", "e")), new int[] { 5 })).isFalse();
		assertThat(KeptOperations.isSmall(Map.of("text", "x".repeat(64 * 10)), new int[] { 5 })).isFalse();
	}

	private JsonNode organization(boolean withName, int n) {
		String body = JsonMapper.shared()
			.writeValueAsString(Map.of("query", DOCUMENT, "variables", Map.of("withName", withName, "n", n)));
		HttpResponse<String> response = this.http.post("/graphql", body, "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("errors");
		return JsonMapper.shared().readTree(response.body()).path("data").path("organization");
	}

}

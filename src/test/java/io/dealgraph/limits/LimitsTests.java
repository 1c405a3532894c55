package io.dealgraph.limits;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.TestCredentials;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit and HTTP rule, each with the code, the HTTP status and the graph unchanged:
 * the corpus a public endpoint must hold against.
 */
@RunsDealgraph
class LimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	CypherExecutor cypher;

	Http http;

	Graph graph;

	List<Long> before;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
		this.graph = new Graph(this.cypher);
		this.before = this.graph.counts();
	}

	@Test
	void aQueryDeeperThanFifteenLevelsIsRefusedWithTheNumbers() {
		String query = "{ organization(id: \"hut-8\") { " + "customers { ".repeat(15) + "id" + " }".repeat(15) + " } }";
		assertRefused(this.http.graphQl(query), 400, "LIMIT_EXCEEDED", "depth 17 > 15");
	}

	@Test
	void aQueryThatMayReturnTooManyResultNodesIsRefusedWithItsCost() {
		String query = "{ organizations(first: 100) { edges { node { customers { customers { customers { key } } } } } } }";
		assertRefused(this.http.graphQl(query), 400, "LIMIT_EXCEEDED", "> 10000000");
	}

	@Test
	void theSameDocumentIsMeasuredAgainForEachRequestsVariables() {
		// The document is parsed and validated once and then cached; its cost depends on
		// $n. Each measure is kept for its variables: asked again, each answers as
		// before.
		for (int round = 0; round < 2; round++) {
			var cheap = firstNCustomersThreeDeep(1);
			assertThat(cheap.statusCode()).isEqualTo(200);
			assertThat(cheap.body()).doesNotContain("errors");
			assertRefused(firstNCustomersThreeDeep(100), 400, "LIMIT_EXCEEDED", "> 10000000");
		}
	}

	private HttpResponse<String> firstNCustomersThreeDeep(int n) {
		String query = "query($n: Int) { organizations(first: $n) { edges { node { customers { customers { customers { key } } } } } } }";
		return this.http.post("/graphql", "{\"query\": \"" + query + "\", \"variables\": {\"n\": " + n + "}}",
				"application/json");
	}

	@Test
	void tooManyAliasesAreRefused() {
		String query = IntStream.range(0, 31)
			.mapToObj((i) -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
		assertRefused(this.http.graphQl(query), 400, "LIMIT_EXCEEDED", "aliases 31 > 30");
	}

	@Test
	void aDocumentOfTooManyTokensIsRefusedBeforeItIsParsedWhole() {
		String query = "{" + " __typename".repeat(16_000) + " }";
		assertRefused(this.http.graphQl(query), 400, "LIMIT_EXCEEDED", "tokens");
	}

	@Test
	void aBodyOverItsSizeIsRefused() {
		String body = "{\"query\": \"{ __typename }\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}";
		assertRefused(this.http.post("/graphql", body, "application/json"), 413, "LIMIT_EXCEEDED", "bytes");
	}

	@Test
	void tooLargeABatchOfDealsIsRefused() {
		String deals = IntStream.range(0, 1001)
			.mapToObj((
					i) -> "{type: SUPPLY, from: \"nvidia\", to: \"hut-8\", status: ANNOUNCED, sources: [{url: \"https://example.org\", confidence: LOW}]}")
			.collect(Collectors.joining(",", "[", "]"));
		var response = this.http.graphQl("mutation { importDeals(input: " + deals + ") { count } }", "Authorization",
				"Bearer " + TestCredentials.EDITOR_KEY);
		assertThat(Http.code(response)).isIn("LIMIT_EXCEEDED");
	}

	@Test
	void aMutationOverGetIsRefusedWith405() {
		var response = this.http.get("/graphql?query=mutation%7BretractDeal(id:%22E001%22,reason:%22x%22)%7Bid%7D%7D");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(this.graph.counts()).isEqualTo(this.before);
	}

	@Test
	void formsAndPlainTextAreRefusedWith415() {
		// Refused before any GraphQL runs, so a cross-site form can never post a
		// mutation.
		for (String type : List.of("application/x-www-form-urlencoded", "text/plain",
				"multipart/form-data; boundary=x")) {
			var response = this.http.post("/graphql", "query=mutation{retractDeal(id:\"E001\",reason:\"x\"){key}}",
					type);
			assertThat(response.statusCode()).isEqualTo(415);
		}
		assertThat(this.graph.counts()).isEqualTo(this.before);
	}

	@Test
	void aBatchArrayOrABodyThatIsNoJsonIsABadRequest() {
		for (String body : List.of("[{\"query\": \"{ __typename }\"}]", "not json", "{\"query\": 5}")) {
			assertRefused(this.http.post("/graphql", body, "application/json"), 400, "BAD_REQUEST", "");
		}
	}

	@Test
	void noResponseCarriesAStackTraceClassNameOrCypher() {
		for (String query : List.of("{ organization(id: \"hut-8\") { deals(after: \"%%%\") { totalCount } } }",
				"{ organizations(where: {name: \"'}) MATCH (n) DETACH DELETE n //\"}) { totalCount } }",
				"{ network(around: \"hut-8\", depth: 9) { truncated } }", "{ deals(first: 1000) { totalCount } }")) {
			var response = this.http.graphQl(query);
			assertThat(response.body()).doesNotContain("Exception", "io.dealgraph", "MATCH (", "at org.", "java.");
		}
	}

	private void assertRefused(HttpResponse<String> response, int status, String code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(Http.code(response)).isEqualTo(code);
		assertThat(response.body()).contains(message).doesNotContain("Exception", "io.dealgraph");
		assertThat(this.graph.counts()).isEqualTo(this.before);
	}

}

package io.dealgraph.errors;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's mistake never answers 5xx: a mistyped address is 404, a wrong method 405,
 * each with the one error body and a stable code, on every family of endpoints: the
 * GraphQL endpoint, the export, the actuator and the pages.
 */
@RunsDealgraph
class ClientMistakesTests {

	/** One or more addresses of every endpoint family, real and mistyped. */
	private static final List<String> PATHS = List.of("/", "/graphql", "/graphql/x", "/export/network",
			"/export/network?around=hut-8", "/export/nope", "/actuator", "/actuator/health",
			"/actuator/health/readiness", "/actuator/env", "/actuator/heapdump", "/actuator/prometheus", "/livez",
			"/readyz", "/startupz", "/graphiql", "/graphiql/examples", "/graphiql/nope", "/explorer/nope.js",
			"/no-such-page", "/error", "/login", "/logout");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
			"TRACE");

	@LocalServerPort
	int port;

	@Autowired
	CypherExecutor cypher;

	// "/login" and "/logout" are a web framework's defaults: with no session there is
	// nothing to log into or out of, so they are addresses like any other that is not
	// here.
	@ParameterizedTest
	@ValueSource(strings = { "/no-such-page", "/graphql/x", "/export/nope", "/actuator/env", "/actuator/heapdump",
			"/graphiql/nope", "/explorer/nope.js", "/error", "/login", "/logout" })
	void aMistypedAddressIsNotFoundWithItsCode(String path) {
		HttpResponse<String> response = new Http(this.port).get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(Http.code(response)).isEqualTo("NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE", "PATCH" })
	void theGraphQlEndpointTakesPostOnly(String method) {
		HttpResponse<String> response = new Http(this.port).send(method, "/graphql", "application/json");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(Http.code(response)).isEqualTo("BAD_REQUEST");
	}

	@Test
	void otherEndpointsRefuseAWrongMethodWith405AndACode() {
		Http http = new Http(this.port);
		for (String path : List.of("/export/network?around=hut-8", "/actuator/health", "/graphiql")) {
			HttpResponse<String> response = http.send("PUT", path, "application/json");
			assertThat(response.statusCode()).as(path).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).as(path).isPresent();
			assertThat(Http.code(response)).as(path).isEqualTo("BAD_REQUEST");
		}
	}

	@Test
	void aBrowserAskingForAPageGetsAPlainHtmlNotFound() {
		HttpResponse<String> response = new Http(this.port).send("GET", "/no-such-page",
				"text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<h1>404 Not Found</h1>", "Nothing is at /no-such-page.")
			.doesNotContain("Exception");
	}

	@Test
	void noMethodOnAnyAddressAnswers5xxAndEveryRefusalCarriesACode() {
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		Http http = new Http(this.port);
		List<String> wrong = new ArrayList<>();
		for (String path : PATHS) {
			for (String method : METHODS) {
				HttpResponse<String> response = http.send(method, path, "application/json");
				String what = method + " " + path + " -> " + response.statusCode() + " " + response.body();
				if (response.statusCode() >= 500) {
					wrong.add(what);
				}
				else if (response.statusCode() >= 400 && !method.equals("HEAD") && codeOf(response) == null) {
					wrong.add(what + " (no code)");
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(graph.counts()).isEqualTo(before);
	}

	private static String codeOf(HttpResponse<String> response) {
		try {
			Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
			return (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) ? Http.code(response) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

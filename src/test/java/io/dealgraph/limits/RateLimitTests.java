package io.dealgraph.limits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.TestCredentials;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A client that spends its budget is turned away with 429 and told when to come back;
 * others are not.
 */
@RunsDealgraph
// Its own application, with its own embedded Neo4j: closed after the class, so that the
// JVM does not stop
// one Neo4j after another at exit, past Surefire's 30 s for the fork to end.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = { "dealgraph.rate-limit.capacity=1000", "dealgraph.rate-limit.period=1h",
		"server.forward-headers-strategy=native" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	CypherExecutor cypher;

	@Test
	void costlyQueriesSpendTheBudgetThen429WithRetryAfter() {
		Http http = new Http(this.port);
		String costly = "{ organizations(first: 100) { edges { node { key } } } }";
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
		String costly = "{ organizations(first: 100) { edges { node { key } } } }";
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
	void aWebSocketClientFloodingCostlyQueriesIsRateLimitedToo() {
		List<Long> before = new Graph(this.cypher).counts();
		var socket = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.header("X-Forwarded-For", "203.0.113.20")
			.build();
		try {
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < 20 && !codes.contains("RATE_LIMITED"); i++) {
				var response = socket.document("{ organizations(first: 100) { edges { node { key } } } }")
					.execute()
					.block(Duration.ofSeconds(30));
				codes.add(response.getErrors().isEmpty() ? "OK"
						: String.valueOf(response.getErrors().getFirst().getExtensions().get("code")));
			}
			assertThat(codes).as("the socket's client spent the same budget as over HTTP")
				.startsWith("OK", "OK", "OK")
				.endsWith("RATE_LIMITED")
				.hasSizeLessThanOrEqualTo(6);
		}
		finally {
			socket.stop().block(Duration.ofSeconds(5));
		}
		// The same client cannot open a new socket either: the upgrade is an HTTP
		// request.
		assertThat(handshakeStatus(socket("203.0.113.20"))).isEqualTo(429);
	}

	@Test
	void exportsSpendTheSameBudgetByTheSizeOfTheirAnswer() {
		Http http = new Http(this.port);
		var first = http.send("GET", "/export/network?around=core-scientific&depth=2&format=json", "application/json",
				"X-Forwarded-For", "203.0.113.60");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body().length()).as("an answer worth more than the whole budget of 1000 units")
			.isGreaterThan(1000 * 32);
		var second = http.send("GET", "/export/network?around=hut-8&format=csv", "application/json", "X-Forwarded-For",
				"203.0.113.60");
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(Http.code(second)).isEqualTo("RATE_LIMITED");
	}

	@Test
	void citablePagesSpendTheSameBudgetByTheSizeOfTheirAnswer() {
		Http http = new Http(this.port);
		int served = 0;
		HttpResponse<String> response = http.send("GET", "/org/hut-8", "text/html", "X-Forwarded-For", "203.0.113.70");
		while (response.statusCode() == 200 && served < 100) {
			served++;
			response = http.send("GET", "/org/hut-8", "text/html", "X-Forwarded-For", "203.0.113.70");
		}
		assertThat(served).as("pages of about 20 kB against a budget of 1000 units of 32 bytes").isBetween(1, 10);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aRequestRefusedForItsCostIsChargedAsTheLargestAllowed() {
		List<Long> before = new Graph(this.cypher).counts();
		Http http = new Http(this.port);
		String bomb = "{ organizations(first: 100) { edges { node { customers { customers { customers { key } } } } } } }";
		var refused = http.graphQl(bomb, "X-Forwarded-For", "203.0.113.30");
		assertThat(Http.code(refused)).isEqualTo("LIMIT_EXCEEDED");
		assertThat(http.graphQl("{ __typename }", "X-Forwarded-For", "203.0.113.30").statusCode())
			.as("the refusal spent the client's budget")
			.isEqualTo(429);
		assertThat(new Graph(this.cypher).counts()).isEqualTo(before);
	}

	@Test
	void aSocketThatNeverInitialisesIsClosedWithinSeconds() throws Exception {
		var closed = new CompletableFuture<Integer>();
		HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.header("X-Forwarded-For", "203.0.113.40")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					closed.complete(statusCode);
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		// connection_init never sent: Spring GraphQL closes it with 4408 after the 5 s
		// the configuration allows.
		assertThat(closed.get(30, TimeUnit.SECONDS)).isEqualTo(4408);
	}

	@Test
	void aClientMayHoldOnlySoManySocketsAtOnce() throws Exception {
		List<WebSocket> open = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				open.add(socket("203.0.113.50").get(10, TimeUnit.SECONDS));
			}
			assertThat(handshakeStatus(socket("203.0.113.50"))).as("the eleventh upgrade is refused").isEqualTo(429);
			assertThat(socket("203.0.113.51").get(10, TimeUnit.SECONDS)).as("another client is not").isNotNull();
		}
		finally {
			open.forEach((socket) -> socket.abort());
		}
	}

	/** A GraphQL socket for a client behind the proxy, opened and left uninitialised. */
	private CompletableFuture<WebSocket> socket(String client) {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.header("X-Forwarded-For", client)
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), new WebSocket.Listener() {
			});
	}

	/** The HTTP status that refused a socket's upgrade. */
	private static int handshakeStatus(CompletableFuture<WebSocket> socket) {
		Throwable failure = catchThrowable(() -> socket.get(10, TimeUnit.SECONDS));
		assertThat(failure).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(WebSocketHandshakeException.class);
		return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
	}

	@Test
	void mutationsWeighMoreThanQueries() {
		Http http = new Http(this.port);
		String bearer = "Bearer " + TestCredentials.ADMIN_KEY;
		int served = 0;
		var response = http.graphQl("mutation { retractDeal(id: \"no-such-deal\", reason: \"x\") { key } }",
				"Authorization", bearer);
		while (response.statusCode() == 200 && served < 500) {
			served++;
			response = http.graphQl("mutation { retractDeal(id: \"no-such-deal\", reason: \"x\") { key } }",
					"Authorization", bearer);
		}
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(served).as("each mutation costs ten units").isLessThanOrEqualTo(101);
	}

}

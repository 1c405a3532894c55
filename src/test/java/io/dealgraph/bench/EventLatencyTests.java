package io.dealgraph.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.events.DealFeed;
import io.dealgraph.support.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * How long a committed deal takes to reach a subscriber, and what the events cost the
 * database, with 1 and with 100 subscribers over WebSocket, each with its own filter
 * (issue 22): each deal is recorded through the API, and its latency is the time from the
 * mutation's answer (after the commit) to the event. Prints p50 and p99 and the
 * statements per event, beside what the earlier design cost (one filter statement per
 * event per filtered subscriber): {@code ./mvnw -Pbench verify -Dtest=EventLatencyTests}.
 */
@Tag("bench")
class EventLatencyTests {

	private static final String KEY = "bench-editor-key";

	private static final int DEALS = 100;

	@Test
	void eventLatencyAndStatements() throws Exception {
		Path work = Files.createTempDirectory("dealgraph-events-");
		ConfigurableApplicationContext app = SpringApplication.run(DealgraphApplication.class,
				"--dealgraph.embedded.data-directory=" + work.resolve("store"), "--server.port=0",
				"--dealgraph.rate-limit.capacity=1000000000", "--dealgraph.security.editor-keys=" + KEY,
				"--logging.level.root=WARN");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			System.out.printf("%n== events: %d deals recorded one by one, poll interval 200 ms%n", DEALS);
			System.out.printf("%-12s %9s %9s %9s %22s %26s%n", "subscribers", "p50 ms", "p99 ms", "max ms",
					"statements per event", "per event before (1/sub)");
			for (int subscribers : new int[] { 1, 100 }) {
				run(app, port, subscribers);
			}
		}
		finally {
			app.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private static void run(ConfigurableApplicationContext app, int port, int subscribers) throws Exception {
		DealFeed feed = app.getBean(DealFeed.class);
		var client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
			.build();
		Map<String, Long> arrived = new ConcurrentHashMap<>();
		List<Disposable> subscriptions = new ArrayList<>();
		int listening = feed.subscribers();
		for (int i = 0; i < subscribers; i++) {
			// The first watches the deals recorded here; the others filter on
			// organizations no
			// deal here goes to, so each costs a filter and receives nothing.
			String to = (i == 0) ? "hut-8" : "bench-nobody-" + i;
			subscriptions.add(client
				.document("subscription { dealRecorded(where: {type: SUPPLY, to: {idIn: [\"" + to + "\"]}}) { key } }")
				.retrieveSubscription("dealRecorded")
				.toEntity(Map.class)
				.subscribe((event) -> arrived.put((String) event.get("key"), System.nanoTime())));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (feed.subscribers() < listening + subscribers && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long feedStatementsBefore = feed.statements();
		Map<String, Long> answered = new ConcurrentHashMap<>();
		Http http = new Http(port);
		for (int i = 0; i < DEALS; i++) {
			var response = http.graphQl("""
					mutation { recordDeal(input: {type: SUPPLY, from: "nvidia", to: "hut-8", announcedOn: "2026-11",
					  status: ANNOUNCED, sources: [{url: "https://example.org/bench", confidence: HIGH}]}) { key } }
					""", "Authorization", "Bearer " + KEY);
			long at = System.nanoTime();
			String key = JsonMapper.shared().readTree(response.body()).at("/data/recordDeal/key").asString();
			answered.put(key, at);
			Thread.sleep(20);
		}
		deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (arrived.size() < DEALS && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long feedStatements = feed.statements() - feedStatementsBefore;
		List<Double> latencies = answered.entrySet()
			.stream()
			.filter((entry) -> arrived.containsKey(entry.getKey()))
			.map((entry) -> (arrived.get(entry.getKey()) - entry.getValue()) / 1e6)
			.sorted()
			.toList();
		System.out.printf("%-12d %9.0f %9.0f %9.0f %22.2f %26d   (%d of %d events)%n", subscribers,
				percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.getLast(),
				(double) feedStatements / DEALS, subscribers, latencies.size(), DEALS);
		subscriptions.forEach(Disposable::dispose);
		client.stop().block(Duration.ofSeconds(5));
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

}

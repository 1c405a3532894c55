package io.dealgraph.events;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.deal.Deal;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.neo4j.EmbeddedNeo4j;
import io.dealgraph.support.Editors;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Subscribers see every write, wherever it was made, in the order it committed, and can
 * resume without a gap: over GraphQL over WebSocket, with a second instance of the
 * application and the command-line import in a process of its own writing to the same
 * Neo4j. A subscriber may fall 4 events behind here before it is closed.
 */
@RunsDealgraph
@RemovesItsWrites
@TestPropertySource(properties = { "dealgraph.events.buffer=4", "dealgraph.events.poll-interval=50ms" })
class EventsTests {

	private static final String SUPPLY_TO_HUT_8 = "where: {type: SUPPLY, to: {idIn: [\"hut-8\"]}}";

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	DealFeed feed;

	@Autowired
	Environment environment;

	@Autowired
	ObjectProvider<EmbeddedNeo4j> embedded;

	@Test
	void aSubscriberSeesDealsRecordedThroughAnotherInstanceAndTheCliImportThenAnUpdateAndARetractionInOrder(
			@TempDir Path folder) throws Exception {
		var client = webSocket();
		var recorded = new CopyOnWriteArrayList<Map<String, Object>>();
		var updated = new CopyOnWriteArrayList<Map<String, Object>>();
		var retracted = new CopyOnWriteArrayList<Map<String, Object>>();
		int listening = this.feed.subscribers();
		var subscriptions = List.of(subscribe(client, "dealRecorded", SUPPLY_TO_HUT_8, recorded),
				subscribe(client, "dealUpdated", SUPPLY_TO_HUT_8, updated),
				subscribe(client, "dealRetracted", SUPPLY_TO_HUT_8, retracted));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.failFast("a subscription failed", () -> assertThat(this.failures).isEmpty())
			.until(() -> this.feed.subscribers() >= listening + 3);
		try (ConfigurableApplicationContext other = otherInstance()) {
			int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
			String key = recordThrough(otherPort);
			importByTheCommandLine(folder);
			mutateThrough(otherPort, TestCredentials.EDITOR_KEY,
					"""
							mutation { updateDeal(id: "%s", expectedVersion: 1, input: {type: SUPPLY, from: "nvidia", to: "hut-8",
							  announcedOn: "2026-11", status: ANNOUNCED, description: "corrected", sources: [{url: "https://example.org/events", confidence: HIGH}]}) { key } }
							"""
						.formatted(key));
			mutateThrough(otherPort, TestCredentials.ADMIN_KEY,
					"mutation { retractDeal(id: \"%s\", reason: \"a test\") { key } }".formatted(key));

			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> recorded.size() >= 2 && updated.size() >= 1 && retracted.size() >= 1);
			assertThat(recorded).extracting((event) -> event.get("key")).containsExactly(key, "D-EVENTS-CLI");
			assertThat(updated).extracting((event) -> event.get("key"), (event) -> event.get("description"))
				.containsExactly(tuple(key, "corrected"));
			assertThat(retracted).singleElement()
				.satisfies((event) -> assertThat(event.get("key")).isEqualTo(key))
				.satisfies((event) -> assertThat(event.get("retraction")).isEqualTo(Map.of("reason", "a test")));
			List<Long> order = new ArrayList<>();
			recorded.forEach((event) -> order.add(((Number) event.get("lastChange")).longValue()));
			order.add(((Number) updated.getFirst().get("lastChange")).longValue());
			order.add(((Number) retracted.getFirst().get("lastChange")).longValue());
			assertThat(order).as("the log's numbers, in the order the writes committed")
				.isSorted()
				.doesNotHaveDuplicates();
		}
		finally {
			subscriptions.forEach((subscription) -> subscription.dispose());
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void aClientThatReconnectsWithAfterGetsWhatItMissedOnceAndThenWhatComes() throws Exception {
		var client = webSocket();
		try {
			var first = new CopyOnWriteArrayList<Map<String, Object>>();
			int listening = this.feed.subscribers();
			var subscription = subscribe(client, "dealRecorded", SUPPLY_TO_HUT_8, first);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() > listening);
			String seen = record();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !first.isEmpty());
			subscription.dispose();
			long lastSeen = ((Number) first.getFirst().get("lastChange")).longValue();
			assertThat(first.getFirst().get("key")).isEqualTo(seen);

			String missed1 = record();
			String missed2 = record();
			var resumed = new CopyOnWriteArrayList<Map<String, Object>>();
			var again = subscribe(client, "dealRecorded", SUPPLY_TO_HUT_8 + ", after: " + lastSeen, resumed);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() >= 2);
			String next = record();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() >= 3);
			TimeUnit.MILLISECONDS.sleep(300);
			assertThat(resumed).extracting((event) -> event.get("key")).containsExactly(missed1, missed2, next);
			again.dispose();
		}
		finally {
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void aBatchOfEventsCostsTwoStatementsHoweverManySubscribersFilterIt() {
		List<Flux<Deal>> streams = new ArrayList<>();
		List<List<Deal>> received = new ArrayList<>();
		List<Disposable> subscriptions = new ArrayList<>();
		for (String organization : List.of("hut-8", "iren", "core-scientific", "cipher-mining", "terawulf", "bitfarms",
				"riot-platforms", "cleanspark", "galaxy-digital", "applied-digital")) {
			List<Deal> events = new CopyOnWriteArrayList<>();
			received.add(events);
			streams.add(this.feed.subscribe(DealEventKind.RECORDED, to(organization), null));
			subscriptions.add(streams.getLast().subscribe(events::add));
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() >= 10);
		long statements = this.feed.statements();
		long batches = this.feed.batches();
		List<Map<String, Object>> deals = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			deals.add(Editors.supplyDeal("nvidia", (i % 2 == 0) ? "hut-8" : "iren"));
		}
		Editors.editor(this.graphQl)
			.document("mutation($input: [DealInput!]!) { importDeals(input: $input) { count } }")
			.variable("input", deals)
			.execute()
			.path("importDeals.count")
			.entity(Integer.class)
			.isEqualTo(8);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> received.get(0).size() == 4 && received.get(1).size() == 4);
		long batchesRead = this.feed.batches() - batches;
		assertThat(batchesRead).isPositive();
		assertThat(this.feed.statements() - statements).as("a read of the log and one filter statement per batch")
			.isLessThanOrEqualTo(2 * batchesRead);
		assertThat(received.subList(2, 10)).allSatisfy((events) -> assertThat(events).isEmpty());
		subscriptions.forEach(Disposable::dispose);
	}

	@Test
	void aSubscriberThatFallsBehindItsBufferIsClosedWithWhereToResume() {
		AtomicReference<Throwable> closedWith = new AtomicReference<>();
		List<Deal> taken = new CopyOnWriteArrayList<>();
		var slow = new BaseSubscriber<Deal>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				request(1);
			}

			@Override
			protected void hookOnNext(Deal deal) {
				taken.add(deal);
			}

			@Override
			protected void hookOnError(Throwable failure) {
				closedWith.set(failure);
			}

		};
		int listening = this.feed.subscribers();
		this.feed.subscribe(DealEventKind.RECORDED, to("hut-8"), null).subscribe(slow);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() > listening);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			keys.add(record());
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() == listening);
		slow.request(Long.MAX_VALUE);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closedWith.get() != null);
		assertThat(taken).as("the one it took, the four it had buffered and at most one on its way")
			.hasSizeBetween(5, 6);
		assertThat(closedWith.get()).isInstanceOf(SubscriberBehind.class)
			.hasMessageContaining("fell more than 4 events behind");
		long resumeAfter = (Long) ((SubscriberBehind) closedWith.get()).extensions().get("resumeAfter");
		assertThat(resumeAfter).isEqualTo(taken.getLast().lastChange());

		List<Deal> rest = this.feed.subscribe(DealEventKind.RECORDED, to("hut-8"), resumeAfter)
			.take(keys.size() - taken.size())
			.collectList()
			.block(Duration.ofSeconds(30));
		List<String> all = new ArrayList<>(taken.stream().map(Deal::id).toList());
		all.addAll(rest.stream().map(Deal::id).toList());
		assertThat(all).as("every event once, in order, across the close").isEqualTo(keys);
	}

	/** Supply deals to one organization, as the API reads the filter. */
	private static DealWhere to(String organization) {
		return JsonMapper.shared()
			.convertValue(Map.of("type", "SUPPLY", "to", Map.of("idIn", List.of(organization))), DealWhere.class);
	}

	private String record() {
		return Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", Editors.supplyDeal("nvidia", "hut-8"))
			.execute()
			.path("recordDeal.key")
			.entity(String.class)
			.get();
	}

	private WebSocketGraphQlClient webSocket() {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.build();
	}

	/** A subscription's failures, to say why an event never came. */
	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private Disposable subscribe(WebSocketGraphQlClient client, String field, String arguments,
			List<Map<String, Object>> into) {
		return client
			.document("subscription { %s(%s) { key description lastChange retraction { reason } } }".formatted(field,
					arguments))
			.retrieveSubscription(field)
			.toEntity(Map.class)
			.subscribe((event) -> into.add(typed(event)), this.failures::add);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> typed(Map<?, ?> event) {
		return new HashMap<>((Map<String, Object>) event);
	}

	/** A second instance of the application on the same Neo4j, as a cluster runs it. */
	private ConfigurableApplicationContext otherInstance() {
		return new SpringApplicationBuilder(DealgraphApplication.class).run("--server.port=0",
				"--spring.neo4j.uri=" + boltUri(), "--spring.neo4j.authentication.password=",
				"--dealgraph.seed.mode=NEVER", "--dealgraph.security.editor-keys=" + TestCredentials.EDITOR_KEY,
				"--dealgraph.security.admin-keys=" + TestCredentials.ADMIN_KEY, "--logging.level.root=WARN");
	}

	private String recordThrough(int port) {
		var response = mutateThrough(port, TestCredentials.EDITOR_KEY, """
				mutation { recordDeal(input: {type: SUPPLY, from: "nvidia", to: "hut-8", announcedOn: "2026-11",
				  status: ANNOUNCED, sources: [{url: "https://example.org/events", confidence: HIGH}]}) { key } }
				""");
		return JsonMapper.shared().readTree(response).at("/data/recordDeal/key").asString();
	}

	private String mutateThrough(int port, String key, String mutation) {
		var response = new Http(port).graphQl(mutation, "Authorization", "Bearer " + key);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("\"errors\"");
		return response.body();
	}

	/** The command-line import, in a process of its own, of one deal to Hut 8. */
	private void importByTheCommandLine(Path folder) throws Exception {
		Path file = folder.resolve("deals.csv");
		Files.write(file, List.of("id,type,from,to,announced_on,status,description,source_url,source_confidence",
				"D-EVENTS-CLI,SUPPLY,nvidia,hut-8,2026,ANNOUNCED,from the command line,https://example.org/cli,LOW"));
		String java = ProcessHandle.current().info().command().orElse("java");
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DealgraphApplication.class.getName(), "import", file.toString(), "--spring.neo4j.uri=" + boltUri(),
				"--spring.neo4j.authentication.password=", "--dealgraph.seed.mode=NEVER", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("import.log").toFile())
			.start();
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(child.exitValue()).as(Files.readString(folder.resolve("import.log"))).isZero();
	}

	private String boltUri() {
		EmbeddedNeo4j neo4j = this.embedded.getIfAvailable();
		return (neo4j != null) ? neo4j.boltUri().toString() : this.environment.getProperty("spring.neo4j.uri");
	}

}

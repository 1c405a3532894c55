import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load check of a running Dealgraph: a fixed rate of a fixed query mix for a fixed time, on
 * loopback only. Every 30 s it prints requests, errors by kind, and the server's heap (from the actuator),
 * so a leak shows as a rising line. 429s are counted apart: one client at a high rate is what the rate limit
 * is for, so run the app with a raised DEALGRAPH_RATE_LIMIT to measure stability.
 * Run: java bench/LoadCheck.java [baseUrl] [seconds] [requestsPerSecond]
 */
public class LoadCheck {

	static final List<String> MIX = List.of(
			"{ organization(id: \"hut-8\") { name deals(first: 10) { totalCount edges { node { id amount { amount } sources { url } } } } } }",
			"{ organizations(where: {kind: AI_FIRM, customerOf: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}}}) { totalCount edges { node { id } } } }",
			"{ search(text: \"core scientfic\") { id } }",
			"{ connections(from: \"coatue\", to: \"anthropic\") { length deals { id } } }",
			"{ network(around: \"core-scientific\", depth: 2) { truncated deals { id } } }",
			"{ dealStats(groupBy: [TYPE, YEAR]) { count totals { currency amount } } }");

	public static void main(String[] args) throws Exception {
		String base = (args.length > 0) ? args[0] : "http://127.0.0.1:8080";
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1\\]")) {
			throw new IllegalArgumentException("Loopback only: " + base);
		}
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		int rate = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong sent = new AtomicLong();
		AtomicLong ok = new AtomicLong();
		AtomicLong httpErrors = new AtomicLong();
		AtomicLong limited = new AtomicLong();
		AtomicLong graphQlErrors = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
		var workers = Executors.newVirtualThreadPerTaskExecutor();
		Instant end = Instant.now().plusSeconds(seconds);
		clock.scheduleAtFixedRate(() -> {
			if (Instant.now().isAfter(end)) {
				return;
			}
			String query = MIX.get((int) (sent.getAndIncrement() % MIX.size()));
			workers.submit(() -> {
				try {
					var response = client.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 429) {
						limited.incrementAndGet();
					}
					else if (response.statusCode() != 200) {
						httpErrors.incrementAndGet();
					}
					else if (response.body().contains("\"errors\"")) {
						graphQlErrors.incrementAndGet();
					}
					else {
						ok.incrementAndGet();
					}
				}
				catch (Exception ex) {
					failures.incrementAndGet();
				}
			});
		}, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
		System.out.printf("%8s %8s %8s %8s %8s %8s %8s %12s%n", "seconds", "sent", "ok", "429", "http!200", "gqlErr",
				"failed", "serverHeapMB");
		long start = System.nanoTime();
		while (Instant.now().isBefore(end.plusSeconds(2))) {
			Thread.sleep(Math.min(30_000, Math.max(1, Duration.between(Instant.now(), end.plusSeconds(2)).toMillis())));
			System.out.printf("%8d %8d %8d %8d %8d %8d %8d %12s%n", (System.nanoTime() - start) / 1_000_000_000,
					sent.get(), ok.get(), limited.get(), httpErrors.get(), graphQlErrors.get(), failures.get(),
					heap(client, base));
		}
		clock.shutdownNow();
		workers.shutdown();
		workers.awaitTermination(35, TimeUnit.SECONDS);
		System.out.printf("done: %d sent, %d ok, %d errors; client JVM %s%n", sent.get(), ok.get(),
				httpErrors.get() + graphQlErrors.get() + failures.get(), ManagementFactory.getRuntimeMXBean().getVmVersion());
	}

	/** The server's used heap, from its actuator metrics. */
	static String heap(HttpClient client, String base) {
		try {
			String body = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			int at = body.indexOf("\"value\":");
			double bytes = Double.parseDouble(body.substring(at + 8, body.indexOf('}', at)).trim());
			return String.format("%.0f", bytes / 1_048_576);
		}
		catch (Exception ex) {
			return "?";
		}
	}

}

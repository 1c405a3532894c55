package io.dealgraph.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.editing.DealFileImport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The dump of the whole graph at scale (issue 21, item 2): each file downloaded whole
 * over HTTP from the application, with the synthetic graph imported as an editor's file
 * is, beside a floor that only reads the same deals and parties in one raw statement and
 * serialises nothing. Prints size, time, throughput and the server's heap after each
 * download, side by side: {@code ./mvnw -Pbench verify -Dtest=DumpBenchmarkTests
 * -Dbench.dump.sizes=100000,1000000}.
 */
@Tag("bench")
class DumpBenchmarkTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().build();

	private static final String RAW_FLOOR = """
			MATCH (a:Organization)<-[:FROM]-(r:Deal)-[:TO]->(b:Organization)
			WHERE r.retractedAt IS NULL
			RETURN r {.*} AS deal, a {.*} AS from, b {.*} AS to
			""";

	@Test
	void dumpsAtScale() throws Exception {
		for (String size : System.getProperty("bench.dump.sizes", "100000").split(",")) {
			run(Integer.parseInt(size.strip()), System.out);
		}
	}

	private static void run(int deals, PrintStream out) throws Exception {
		Path work = Files.createTempDirectory("dealgraph-dump-");
		var graph = new SyntheticGraph(deals, 42);
		Path seed = work.resolve("seed");
		Path dealsFile = work.resolve("deals.csv");
		graph.write(seed, dealsFile, "S-");
		ConfigurableApplicationContext app = SpringApplication.run(DealgraphApplication.class,
				"--dealgraph.embedded.data-directory=" + work.resolve("store"),
				"--dealgraph.seed.location=" + seed.toUri() + "/", "--server.port=0",
				"--dealgraph.rate-limit.capacity=1000000000", "--logging.level.root=WARN");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			app.getBean(DealFileImport.class).run(dealsFile, "bench", new PrintStream(PrintStream.nullOutputStream()));
			Driver driver = app.getBean(Driver.class);
			out.printf("%n== the dump at %,d deals (%,d organizations), max heap %,d MB%n", deals, graph.organizations,
					Runtime.getRuntime().maxMemory() >> 20);
			out.printf("%-22s %10s %9s %9s %12s %12s%n", "file", "MB", "s", "MB/s", "vs floor", "heap after");
			for (int round = 0; round < 2; round++) {
				double floor = rawFloor(driver);
				out.printf("%-22s %10s %9.1f %9s %12s %12s%n", "raw read (floor)", "-", floor, "-", "1.00x",
						heapMb() + " MB");
				for (String file : new String[] { "deals.csv", "dealgraph.ftm.json", "dealgraph.graphml" }) {
					long start = System.nanoTime();
					long bytes = download(port, file);
					double seconds = (System.nanoTime() - start) / 1e9;
					out.printf("%-22s %,10.1f %9.1f %9.1f %11.2fx %12s%n", file, bytes / 1e6, seconds,
							bytes / 1e6 / seconds, seconds / floor, heapMb() + " MB");
				}
			}
		}
		finally {
			app.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** Seconds to read every standing deal with its parties in one statement. */
	private static double rawFloor(Driver driver) {
		long start = System.nanoTime();
		try (var session = driver.session()) {
			var result = session.run(RAW_FLOOR);
			while (result.hasNext()) {
				result.next();
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static long download(int port, String file) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dump/" + file))
			.timeout(Duration.ofMinutes(30))
			.GET()
			.build();
		HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(file + " answered " + response.statusCode());
		}
		long bytes = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream body = response.body()) {
			for (int read; (read = body.read(buffer)) > 0;) {
				bytes += read;
			}
		}
		return bytes;
	}

	/** The heap in use after a collection: what a download left behind or holds. */
	private static long heapMb() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
	}

}

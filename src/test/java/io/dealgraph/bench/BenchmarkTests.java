package io.dealgraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark: {@code ./mvnw -Pbench verify} (sizes with
 * {@code -Dbench.sizes=10000,100000,1000000}), or {@code bench/run}, which installs
 * {@code wrk} first. It prints figures; it asserts only that Dealgraph, raw Cypher and
 * the Neo4j GraphQL Library give the same answers.
 */
@Tag("bench")
class BenchmarkTests {

	@Test
	void dealgraphAgainstRawCypherAtEachSize() throws Exception {
		String sizes = System.getProperty("bench.sizes", "10000,100000,1000000");
		int concurrency = Integer.getInteger("bench.concurrency", 4);
		int requests = Integer.getInteger("bench.requests", 400);
		int rounds = Integer.getInteger("bench.rounds", 1);
		if (!Wrk.available()) {
			throw new IllegalStateException(
					"The benchmark drives both GraphQL servers with wrk, which is not installed: run bench/run, "
							+ "which installs it (Debian's package wrk), or install it and run again.");
		}
		var wrk = new Wrk(concurrency, Integer.getInteger("bench.seconds", 10), Integer.getInteger("bench.warmup", 10));
		Map<Integer, Map<String, Double>> curve = new LinkedHashMap<>();
		for (String size : sizes.split(",")) {
			int deals = Integer.parseInt(size.strip());
			curve.put(deals, new Benchmark(deals, concurrency, requests, rounds, System.out, wrk).run());
		}
		System.out.println("\n== scaling: Dealgraph p50 (ms) by graph size");
		List<String> operations = new ArrayList<>(curve.values().iterator().next().keySet());
		System.out.printf("%-22s", "operation");
		curve.keySet().forEach((deals) -> System.out.printf(" %12s", String.format("%,d", deals)));
		System.out.println();
		for (String operation : operations) {
			System.out.printf("%-22s", operation);
			curve.values().forEach((p50s) -> System.out.printf(" %12.2f", p50s.get(operation)));
			System.out.println();
		}
		assertThat(curve).hasSize(sizes.split(",").length);
	}

}

package io.dealgraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at its smallest, in the normal suite, so that it does not rot: all three
 * paths, when this machine has Node for the Neo4j GraphQL Library.
 */
@Tag("embedded-only")
class BenchmarkSmokeTests {

	@Test
	void theBenchmarkRunsEndToEndAndBothPathsAgree() throws Exception {
		var printed = new ByteArrayOutputStream();
		var p50s = new Benchmark(1_000, 2, 20, 1, new PrintStream(printed), null).run();
		assertThat(p50s).containsKeys("single lookup", "mission nested filter", "connections", "depth-2 network");
		assertThat(printed.toString()).contains("raw UNWIND").contains("heap after warm-up");
		if (NeoGraphQl.nodeAvailable()) {
			// The Neo4j GraphQL Library path ran and agreed with raw Cypher on every
			// operation it can express.
			assertThat(printed.toString()).contains("mix throughput over the operations both GraphQL APIs answered");
		}
	}

}

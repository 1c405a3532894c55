package io.dealgraph.seed;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.support.TestNeo4j;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store survives a clean stop: the second start finds the data and loads
 * nothing. A start stopped in the middle of the seed does not leave half a seed behind
 * for good: the next start loads it again.
 */
@Tag("embedded-only")
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

	@Test
	void aRestartKeepsTheDataAndDoesNotSeedAgain(CapturedOutput output) {
		Path store = TestNeo4j.temporaryStore();
		String[] args = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };

		long firstCount;
		try (var first = SpringApplication.run(DealgraphApplication.class, args)) {
			firstCount = first.getBean(SeedLoader.class).organizationCount();
		}
		assertThat(output.getOut()).contains("Seed: merged 84 organizations");

		try (var second = SpringApplication.run(DealgraphApplication.class, args)) {
			assertThat(second.getBean(SeedLoader.class).organizationCount()).isEqualTo(firstCount).isEqualTo(84);
		}
		assertThat(output.getOut()).contains("Seed: not loaded, the graph already holds 84 organizations");
	}

	@Test
	void aStartStoppedHalfWayThroughTheSeedIsFollowedByOneThatLoadsItWhole() {
		Path store = TestNeo4j.temporaryStore();
		String[] unseeded = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0",
				"--dealgraph.seed.mode=NEVER" };
		try (var first = SpringApplication.run(DealgraphApplication.class, unseeded)) {
			// What a start killed after its first batch leaves: the marker of a load
			// under
			// way, and only part of the seed.
			first.getBean(CypherExecutor.class).write((tx) -> tx.run("""
					MERGE (m:DealgraphSeed {name: 'seed'}) SET m.state = 'loading'
					CREATE (:Organization:Miner {id: 'hut-8', name: 'Hut 8', kind: 'MINER'})
					""", Map.of()));
			assertThat(first.getBean(SeedLoader.class).state().state()).isEqualTo(SeedLoader.State.INTERRUPTED);
		}
		String[] ifEmpty = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };
		try (var second = SpringApplication.run(DealgraphApplication.class, ifEmpty)) {
			var seed = second.getBean(SeedLoader.class);
			assertThat(seed.state()).isEqualTo(new SeedLoader.StateReport(SeedLoader.State.PRESENT, 84));
			assertThat(second.getBean(CypherExecutor.class)
				.read("MATCH (r:Deal) WHERE r.id STARTS WITH 'E' RETURN count(r) AS deals", Map.of())
				.getFirst()
				.get("deals")
				.asInt()).isEqualTo(123);
		}
	}

}

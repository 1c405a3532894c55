package io.dealgraph.seed;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.support.TestNeo4j;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store survives a clean stop: the second start finds the data and loads
 * nothing.
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

}

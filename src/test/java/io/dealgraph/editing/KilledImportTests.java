package io.dealgraph.editing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import io.dealgraph.DealgraphApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import killed with SIGKILL in the middle: after the restart the committed batches
 * are all there and the interrupted one is absent, with nothing half-written.
 */
@Tag("embedded-only")
class KilledImportTests {

	private static final int ROWS = 20_000;

	@Test
	void killedDuringAnImportTheCommittedBatchesSurviveAndTheInterruptedOneIsAbsent(@TempDir Path folder)
			throws Exception {
		Path store = folder.resolve("store");
		Path file = folder.resolve("deals.csv");
		List<String> lines = new ArrayList<>();
		lines.add(String.join(",", DealFileImport.CSV_COLUMNS));
		for (int i = 0; i < ROWS; i++) {
			lines.add("K-%06d,SUPPLY,nvidia,hut-8,2026,,,,,,,,,ANNOUNCED,,row %d,https://example.org/%d,,,LOW,"
				.formatted(i, i, i));
		}
		Files.write(file, lines);

		String java = ProcessHandle.current().info().command().orElse("java");
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DealgraphApplication.class.getName(), "import", file.toString(),
				"--dealgraph.embedded.data-directory=" + store, "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.start();
		// Kill once the progress bar shows the second batch under way.
		try (var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			StringBuilder seen = new StringBuilder();
			int c;
			while ((c = output.read()) != -1) {
				seen.append((char) c);
				if (seen.indexOf("] " + (DealFileImport.BATCH + DealEditor.CHUNK) + "/") >= 0) {
					break;
				}
			}
			assertThat(seen.toString()).as("the child reached its second batch").contains("/" + ROWS + " rows");
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}

		var neo4j = new DatabaseManagementServiceBuilder(store.toAbsolutePath())
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		try {
			long imported = neo4j.database("neo4j")
				.executeTransactionally(
						"MATCH ()<-[:FROM]-(r:Supply)-[:TO]->() WHERE r.id STARTS WITH 'K-' RETURN count(r) AS n",
						Map.of(), (result) -> (Long) result.next().get("n"));
			assertThat(imported).as("whole batches only").isPositive().isLessThan(ROWS);
			assertThat(imported % DealFileImport.BATCH).isZero();
			long changes = neo4j.database("neo4j")
				.executeTransactionally("MATCH (c:Change {operation: 'import'}) RETURN count(c) AS n", Map.of(),
						(result) -> (Long) result.next().get("n"));
			assertThat(changes).as("each written deal has its audit record, and no other").isEqualTo(imported);
		}
		finally {
			neo4j.shutdown();
		}
	}

}

package io.dealgraph.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.support.BundledSeed;
import io.dealgraph.csv.DataFileException;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@RunsDealgraph
class SeedLoaderTests {

	private static final String SEED = "classpath:seed-data/";

	@Autowired
	SeedLoader seed;

	@Autowired
	CypherExecutor cypher;

	@Test
	void theSeedHoldsEveryOrganizationAndDealOfTheResearch() {
		GraphCounts counts = counts();
		assertThat(counts.organizations()).isEqualTo(BundledSeed.organizations());
		assertThat(counts.deals()).isEqualTo(BundledSeed.deals());
	}

	@Test
	void loadingTheSeedAgainChangesNothing() {
		GraphCounts before = counts();
		SeedReport report = this.seed.load(SEED);
		assertThat(report.organizations()).isEqualTo(BundledSeed.organizations());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aMalformedRowStopsTheLoadNamingFileLineAndReasonAndWritesNothing(@TempDir Path folder) throws IOException {
		Path copy = copySeed(folder);
		Path deals = copy.resolve("deals.csv");
		List<String> lines = Files.readAllLines(deals);
		// A new organization and a new deal come before the broken row: neither may be
		// written.
		Files.writeString(copy.resolve("organizations.csv"), "seed-test-newco,Seed Test Newco,MINER,,,,,false\n",
				StandardOpenOption.APPEND);
		lines.add(2, "T001,PARTNERSHIP,seed-test-newco,hut-8,2024,,,,,,,,,,,,,,ANNOUNCED,new deal");
		lines.set(5, lines.get(5).replaceFirst(",USD,", ",US DOLLARS,"));
		Files.write(deals, lines);
		Files.writeString(copy.resolve("deal-sources.csv"), "T001,https://example.org/t001,,,,,,,HIGH,\n",
				StandardOpenOption.APPEND);
		GraphCounts before = counts();

		assertThatExceptionOfType(DataFileException.class).isThrownBy(() -> this.seed.load(copy.toUri() + "/"))
			.withMessage(
					"deals.csv line 6: amount.currency: 'US DOLLARS' is not an ISO 4217 currency code such as USD");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aDealWithoutASourceIsRefused(@TempDir Path folder) throws IOException {
		Path copy = copySeed(folder);
		Files.writeString(copy.resolve("deals.csv"), "T002,SUPPLY,nvidia,hut-8,2025,,,,,,,,,,,,,,ANNOUNCED,unsourced\n",
				StandardOpenOption.APPEND);

		assertThatExceptionOfType(DataFileException.class).isThrownBy(() -> this.seed.load(copy.toUri() + "/"))
			.withMessageContaining("deals.csv line " + (BundledSeed.deals() + 2))
			.withMessageContaining("sources: a deal needs at least one source");
	}

	record GraphCounts(long organizations, long deals, long facts, long properties) {
	}

	GraphCounts counts() {
		var row = this.cypher
			.read("""
					CALL () {
					  MATCH (n) WHERE n:Organization OR n:Deal OR n:Fact
					  RETURN sum(size(keys(n))) AS nodeProperties
					}
					CALL () {
					  MATCH ()-[x]->()
					  RETURN sum(size(keys(x))) AS relationshipProperties
					}
					RETURN COUNT { (:Organization) } AS organizations, COUNT { (:Deal) } AS deals, COUNT { (:Fact) } AS facts,
					       nodeProperties + relationshipProperties AS properties
					""",
					Map.of())
			.getFirst();
		return new GraphCounts(row.get("organizations").asLong(), row.get("deals").asLong(), row.get("facts").asLong(),
				row.get("properties").asLong());
	}

	private static Path copySeed(Path folder) throws IOException {
		Path seedData = Path.of("seed-data");
		try (var files = Files.list(seedData)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".csv")).toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
		}
		return folder;
	}

}

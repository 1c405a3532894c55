package io.dealgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph model is the one place that spells out how a deal is stored: these checks
 * read the production sources and name any file that spells it out again.
 */
class ModelOwnershipTests {

	private static final Path MAIN = Path.of("src", "main", "java");

	private static final Path MODEL = MAIN.resolve(Path.of("io", "dealgraph", "graph"));

	@Test
	void noStatementIsAPositionalTemplate() {
		assertThat(sourcesMatching(Pattern.compile("%\\d+\\$[sd]"), false))
			.as("files with %%N$s placeholders; use CypherText's named slots")
			.isEmpty();
	}

	@Test
	void onlyTheModelReadsTheDealsStoragePropertiesInCypher() {
		assertThat(
				sourcesMatching(Pattern.compile("\\.(retractedAt|announcedKey|endedKey|sourceConfidences)\\b"), true))
			.as("files that name a deal's stored properties in Cypher; use DealStorage")
			.isEmpty();
	}

	@Test
	void onlyTheModelProjectsADeal() {
		assertThat(sourcesMatching(Pattern.compile("type: (type\\(|CASE)"), true))
			.as("files that project a deal themselves; use DealStorage.projection")
			.isEmpty();
	}

	@Test
	void onlyTheModelJoinsDealTypesIntoAPattern() {
		assertThat(sourcesMatching(Pattern.compile(
				"(PARTNERSHIP|FINANCING|SUPPLY|ACQUISITION|REGULATORY_ACTION|CONTROL|Partnership|Financing|Supply|Acquisition|RegulatoryAction|Control)\\|"),
				true))
			.as("files that list deal types in a pattern; use DealStorage.labels or a Relationship row")
			.isEmpty();
	}

	@Test
	void onlyTheModelSpellsADealsPartiesAndLabel() {
		assertThat(sourcesMatching(Pattern.compile("\\[\\w*:(FROM|TO)\\b|\\(\\w*:Deal\\b"), true))
			.as("files that spell a deal's party relationships or its label in Cypher; use DealStorage")
			.isEmpty();
	}

	@Test
	void noStatementReadsADealAsARelationship() {
		assertThat(sourcesMatching(
				Pattern.compile(
						"\\[\\w*:(PARTNERSHIP|FINANCING|SUPPLY|ACQUISITION|REGULATORY_ACTION|CONTROL)\\b|type\\(r\\)"),
				false))
			.as("files that read deals as relationships, as they were stored before migration V005")
			.isEmpty();
	}

	/**
	 * Issue 14 wants statements only in the model and the statement builder. The read
	 * compiler ({@code read/ReadCypher}) is that builder for the top-level reads; the
	 * other statements stay in these files (under {@code io/dealgraph/}) until they move
	 * into it, and go into no other: the list only shrinks.
	 */
	private static final List<String> FILES_WITH_STATEMENTS = List.of("audit/AuditLog.java", "audit/ChangeQueries.java",
			"deal/DealQueries.java", "deal/DealWrites.java", "editing/DealEditor.java", "editing/Idempotency.java",
			"filter/CypherFilter.java", "network/NetworkQueries.java", "organization/OrganizationQueries.java",
			"organization/OrganizationWrites.java", "read/ReadCypher.java", "seed/SeedLoader.java",
			"startup/SchemaMigrations.java", "startup/StartupLock.java", "stats/DealStatsQueries.java",
			"timeline/TimelineQueries.java",
			// Sites (issue 18) came as a feature of their own, with their queries and
			// writes in its package as the other features have theirs; they move with
			// the others.
			"site/SiteQueries.java", "site/SiteWrites.java");

	@Test
	void statementsGoIntoNoNewFile() {
		Pattern statement = Pattern
			.compile("\"(MATCH|MERGE|CREATE|UNWIND|OPTIONAL MATCH|CALL \\(|RETURN|DETACH DELETE|SHOW) "
					+ "|(?m)^\\s+(MATCH|MERGE|CREATE|UNWIND|OPTIONAL MATCH|CALL \\(\\)|RETURN) ");
		Path root = MAIN.resolve(Path.of("io", "dealgraph"));
		assertThat(sourcesMatching(statement, false).stream()
			.map((file) -> root.relativize(file).toString().replace('\\', '/')))
			.as("files holding Cypher statements; a file that no longer holds any leaves the list")
			.containsExactlyInAnyOrderElementsOf(FILES_WITH_STATEMENTS);
	}

	/** The production sources, outside the model when asked, whose text matches. */
	private static List<Path> sourcesMatching(Pattern pattern, boolean outsideModelOnly) {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !outsideModelOnly || !file.startsWith(MODEL))
				.filter((file) -> pattern.matcher(read(file)).find())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

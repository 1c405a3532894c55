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
	 * Where Cypher is written: the model's parts ({@code graph/}), the statements and the
	 * filter compiler ({@code cypher/}), and the compiler that writes a selection's
	 * subqueries ({@code read/ReadCypher}). Every other class runs a statement it gets
	 * from there and maps what comes back; it writes no Cypher, not even a fragment.
	 */
	private static final List<Path> WHERE_CYPHER_IS_WRITTEN = List.of(MODEL,
			MAIN.resolve(Path.of("io", "dealgraph", "cypher")),
			MAIN.resolve(Path.of("io", "dealgraph", "read", "ReadCypher.java")));

	/**
	 * A string or text block that is Cypher or a piece of it: it starts with a clause, or
	 * holds a parameter, a labelled node, a property of a one-letter variable, a clause
	 * word or a function call. (A slot alone is not looked for: the reconciliation API's
	 * URL templates use the same braces.)
	 */
	private static final Pattern CYPHER = Pattern
		.compile("^\\s*(MATCH|MERGE|CREATE|UNWIND|OPTIONAL MATCH|CALL|RETURN|DETACH DELETE|SHOW|WITH|WHERE|SET|DELETE"
				+ "|REMOVE|FOREACH|ORDER BY|LIMIT|UNION)\\b|\\$[a-z]\\w*|\\(\\w*:[A-Z]|\\b[a-z]\\.[a-z]\\w+"
				+ "|\\b(WHERE|ORDER BY|IS NULL|IS NOT NULL|DISTINCT)\\b|\\b(collect|count|coalesce|size)\\(");

	@Test
	void cypherIsWrittenOnlyInTheModelAndTheStatementBuilder() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> WHERE_CYPHER_IS_WRITTEN.stream().noneMatch(file::startsWith))
				.flatMap((file) -> JavaStrings.of(read(file))
					.stream()
					.filter((literal) -> CYPHER.matcher(literal).find())
					.map((literal) -> MAIN.relativize(file).toString().replace('\\', '/') + ": " + literal)))
				.as("Cypher written outside graph/, cypher/ and read/ReadCypher; run statements from cypher/")
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theCheckFindsTheStatementsWhereTheyAre() {
		assertThat(JavaStrings.of(read(MAIN.resolve(Path.of("io", "dealgraph", "cypher", "TimelineStatements.java")))))
			.anyMatch((literal) -> CYPHER.matcher(literal).find());
		assertThat(JavaStrings.of(read(MODEL.resolve("DealStorage.java"))))
			.anyMatch((literal) -> CYPHER.matcher(literal).find());
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

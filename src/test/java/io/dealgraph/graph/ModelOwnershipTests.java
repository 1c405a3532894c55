package io.dealgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

	/**
	 * The labels and relationship types of the graph, as the model's table names them. A
	 * statement takes them from there, so that a name is spelled once and a search for
	 * its constant finds every statement that reads it.
	 */
	private static final List<String> LABELS = Stream.concat(
			Stream.of(DealStorage.ORGANIZATION, DealStorage.DEAL, SiteStorage.SITE, OrganizationStorage.FACT,
					OrganizationStorage.MERGED_ID, ChangeStorage.CHANGE, ChangeStorage.SEQUENCE,
					HousekeepingStorage.MIGRATION, HousekeepingStorage.LOCK, HousekeepingStorage.IDEMPOTENCY_KEY,
					HousekeepingStorage.SEED_MARKER, HousekeepingStorage.CONTEXT_EVENT),
			Stream.concat(Arrays.stream(DealType.values()).map(DealType::label),
					Arrays.stream(OrganizationKind.values()).map(OrganizationKind::typeName)))
		.toList();

	private static final List<String> RELATIONSHIP_TYPES = List.of(DealStorage.FROM, DealStorage.TO, SiteStorage.AT,
			SiteStorage.OPERATED_BY, SiteStorage.RELATED_TO, OrganizationStorage.HAS_FACT,
			OrganizationStorage.MERGED_INTO, ChangeStorage.ABOUT);

	/**
	 * One of those names written out in a string: a label after a colon ({@code (s:Site},
	 * {@code (:Site}, {@code r:Deal:Financing}), or a relationship type in a relationship
	 * pattern ({@code -[:AT]->}, {@code [old:AT|RELATED_TO]}). A slot
	 * ({@code (s:{{site}}}) or a name joined on from the model ({@code "(s:" + SITE}) is
	 * not; neither is a label the table does not hold, such as {@code :ChangeSequence}.
	 */
	private static final Pattern HAND_WRITTEN_NAME = Pattern.compile(":(?:\\w+[|&])*(" + String.join("|", LABELS)
			+ ")\\b|\\[\\w*:(?:\\w+\\|)*(" + String.join("|", RELATIONSHIP_TYPES) + ")\\b");

	@Test
	void everyLabelAndRelationshipTypeInAStatementComesFromTheModel() {
		assertThat(literalsWhereCypherIsWritten(HAND_WRITTEN_NAME))
			.as("labels and relationship types written by hand; take them from DealStorage, SiteStorage, "
					+ "OrganizationStorage, ChangeStorage, HousekeepingStorage, DealType or OrganizationKind")
			.isEmpty();
	}

	@Test
	void theCheckFindsTheLabelsAndRelationshipTypesWrittenByHand() {
		assertThat(LABELS).contains(DealStorage.ORGANIZATION, DealType.PARTNERSHIP.label(),
				OrganizationKind.MINER.typeName());
		assertThat(LABELS).allMatch((label) -> handWritten("MATCH (x:" + label + " {id: $id})"));
		assertThat(RELATIONSHIP_TYPES).allMatch((type) -> handWritten("MATCH (x)-[:" + type + "]->(y)"));
		assertThat(List.of("(:Organization {id: $id})<-[:ABOUT]-(c)", "MATCH (r:Deal:Financing)", "[old:AT|RELATED_TO]",
				"-[link:MERGED_INTO]->", "REMOVE o:Investor:Miner", "MERGE (s:ChangeSequence {name: 'audit'})",
				"MATCH (m:DealgraphMigration)", "MATCH (k:IdempotencyKey) WHERE k.expiresAt < datetime()"))
			.allMatch(ModelOwnershipTests::handWritten);
		assertThat(List.of("MATCH (o:{{organization}})-[:{{hasFact}}]->(f:{{fact}})", "(o:", "-[:",
				"MERGE (s:{{changeSequence}} {name: 'audit'})", "MATCH (m:{{migration}})"))
			.noneMatch(ModelOwnershipTests::handWritten);
		assertThat(literalsWhereCypherIsWritten(Pattern.compile(Pattern.quote("{{organization}}"))))
			.as("the statements that take the organization's label from the model")
			.isNotEmpty();
	}

	private static boolean handWritten(String literal) {
		return HAND_WRITTEN_NAME.matcher(literal).find();
	}

	/**
	 * The string literals and text blocks that match, in the sources where Cypher is
	 * written, each after its file's name.
	 */
	private static List<String> literalsWhereCypherIsWritten(Pattern pattern) {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> WHERE_CYPHER_IS_WRITTEN.stream().anyMatch(file::startsWith))
				.flatMap((file) -> JavaStrings.of(read(file))
					.stream()
					.filter((literal) -> pattern.matcher(literal).find())
					.map((literal) -> MAIN.relativize(file).toString().replace('\\', '/') + ": " + literal))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

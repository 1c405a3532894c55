package io.dealgraph.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.support.TestNeo4j;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V005 on a graph that the code before it built:
 * {@code stores/b829f40-seeded.json} is every node and relationship of a store that
 * commit seeded and edited (a retraction, an added source), with deals as relationships.
 * After one start every deal is a node with the same properties, type and parties, and
 * nothing else changed, but for what V006 then says a deal means: a backstop becomes a
 * GUARANTEE and an acquisition gets its scope.
 */
@Tag("embedded-only")
class DealNodesMigrationTests {

	private static final Map<String, String> TYPE_OF_LABEL = Map.of("Partnership", "PARTNERSHIP", "Financing",
			"FINANCING", "Supply", "SUPPLY", "Acquisition", "ACQUISITION", "RegulatoryAction", "REGULATORY_ACTION",
			"Control", "CONTROL", "Guarantee", "GUARANTEE");

	/** The deal relationships of the code before V005. */
	private static final List<String> RELATIONSHIP_TYPES = List.of("PARTNERSHIP", "FINANCING", "SUPPLY", "ACQUISITION",
			"REGULATORY_ACTION", "CONTROL");

	@Test
	void aGraphWithDealsAsRelationshipsStartsWithEveryDealAsANodeAndNothingElseChanged() throws IOException {
		Path store = TestNeo4j.temporaryStore();
		List<Map<String, Object>> dealsBefore;
		List<String> everythingElseBefore;
		String[] unseeded = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0",
				"--dealgraph.seed.mode=NEVER" };
		try (var first = SpringApplication.run(DealgraphApplication.class, unseeded)) {
			Driver driver = first.getBean(Driver.class);
			backToSchemaVersion4(driver);
			load(driver, "stores/b829f40-seeded.json");
			dealsBefore = dealsAsRelationships(driver);
			everythingElseBefore = everythingButDeals(driver);
		}
		assertThat(dealsBefore).hasSize(123);

		// Migrations only: the seed merge a graph from an earlier seed gets is
		// RestartTests'.
		try (var second = SpringApplication.run(DealgraphApplication.class, unseeded)) {
			Driver driver = second.getBean(Driver.class);
			assertThat(dealsAsNodes(driver))
				.isEqualTo(dealsBefore.stream().map(DealNodesMigrationTests::asV006Reads).toList());
			assertThat(number(driver, "MATCH (d:Deal) RETURN count(d) AS n")).isEqualTo(123);
			assertThat(number(driver, "MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS n")).isZero();
			assertThat(everythingButDeals(driver)).isEqualTo(everythingElseBefore);
			assertThat(names(driver, "SHOW CONSTRAINTS YIELD name RETURN name")).contains("deal_id")
				.doesNotContain("financing_id", "partnership_id", "control_id");
			assertThat(names(driver, "SHOW INDEXES YIELD name RETURN name")).contains("deal_announced")
				.doesNotContain("financing_announced", "regulatory_action_announced");
			assertThat(number(driver, "MATCH (m:DealgraphMigration {version: 5}) RETURN count(m) AS n")).isEqualTo(1);
			// V007: a bare investor type becomes a LOW claim; one a fact already claims
			// does
			// not.
			assertThat(names(driver, """
					MATCH (:Organization {id: 'blackstone'})-[:HAS_FACT]->(f:Fact {confidence: 'LOW'})
					WHERE f.key STARTS WITH 'V007/' RETURN f.value AS name ORDER BY name
					""")).containsExactly("PRIVATE_CREDIT", "PRIVATE_EQUITY");
			assertThat(number(driver, """
					MATCH (:Organization {id: 'coatue'})-[:HAS_FACT]->(f:Fact) WHERE f.key STARTS WITH 'V007/'
					RETURN count(f) AS n""")).isZero();
			assertThat(names(driver, """
					MATCH (o:Organization {id: 'blackstone'}) UNWIND o.investorTypesAtMedium AS name RETURN name
					""")).isEmpty();

			// The API reads the migrated deals as it read them before, edits included.
			DealQueries deals = second.getBean(DealQueries.class);
			assertThat(deals.byId("E001", false)).isEmpty();
			Deal retracted = deals.byId("E001", true).orElseThrow();
			assertThat(retracted.retraction()).isNotNull();
			assertThat(retracted.retraction().reason()).isEqualTo("A retraction made by the code of b829f40");
			Deal edited = deals.byId("E002", false).orElseThrow();
			assertThat(edited.version()).isEqualTo(2);
			assertThat(edited.sources()).hasSize(4);
			assertThat(edited.from().id()).isEqualTo("core-scientific");
			assertThat(edited.to().id()).isEqualTo("coreweave");
		}
	}

	/**
	 * The first start applied every migration to an empty graph; this takes the schema
	 * back to where the code before V005 left it.
	 */
	private static void backToSchemaVersion4(Driver driver) throws IOException {
		driver.executableQuery("MATCH (m:DealgraphMigration) WHERE m.version >= 5 DELETE m").execute();
		driver.executableQuery("DROP CONSTRAINT deal_id").execute();
		driver.executableQuery("DROP INDEX deal_announced").execute();
		String deals = new ClassPathResource("neo4j/migrations/V002__deals.cypher")
			.getContentAsString(StandardCharsets.UTF_8);
		Arrays.stream(deals.split(";\\s*\\n"))
			.map((s) -> s.lines().filter((line) -> !line.startsWith("//")).reduce("", (a, b) -> a + "\n" + b).strip())
			.filter((s) -> !s.isEmpty())
			.forEach((statement) -> driver.executableQuery(statement).execute());
	}

	/**
	 * Writes every node and relationship of a dump, with their labels, types and
	 * properties.
	 */
	private static void load(Driver driver, String dump) throws IOException {
		Map<?, ?> graph;
		try (InputStream in = new ClassPathResource(dump).getInputStream()) {
			graph = JsonMapper.builder().build().readValue(in, Map.class);
		}
		driver.executableQuery("""
				UNWIND $nodes AS n
				CREATE (x) SET x = n.properties, x.fixtureKey = n.key SET x:$(n.labels)
				""").withParameters(Map.of("nodes", graph.get("nodes"))).execute();
		driver.executableQuery("""
				UNWIND $relationships AS r
				MATCH (a {fixtureKey: r.start}), (b {fixtureKey: r.end})
				CREATE (a)-[x:$(r.type)]->(b) SET x = r.properties
				""").withParameters(Map.of("relationships", graph.get("relationships"))).execute();
		driver.executableQuery("MATCH (x) WHERE x.fixtureKey IS NOT NULL REMOVE x.fixtureKey").execute();
	}

	private static List<Map<String, Object>> dealsAsRelationships(Driver driver) {
		return driver.executableQuery("""
				MATCH (a:Organization)-[r]->(b:Organization) WHERE type(r) IN $types
				RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties
				ORDER BY id
				""")
			.withParameters(Map.of("types", RELATIONSHIP_TYPES))
			.execute()
			.records()
			.stream()
			.map((r) -> deal(r, r.get("type").asString()))
			.toList();
	}

	private static List<Map<String, Object>> dealsAsNodes(Driver driver) {
		return driver.executableQuery("""
				MATCH (a:Organization)<-[:FROM]-(d:Deal)-[:TO]->(b:Organization)
				RETURN d.id AS id, [l IN labels(d) WHERE l <> 'Deal'] AS labels, a.id AS from, b.id AS to,
				       properties(d) AS properties
				ORDER BY id
				""").execute().records().stream().map((r) -> {
			List<String> labels = r.get("labels").asList((v) -> v.asString());
			assertThat(labels).as(r.get("id").asString()).hasSize(1);
			return deal(r, TYPE_OF_LABEL.get(labels.getFirst()));
		}).toList();
	}

	/**
	 * A deal as V006 leaves it: a backstop financing is a guarantee without an
	 * instrument, and an acquisition is of a whole company.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> asV006Reads(Map<String, Object> deal) {
		Map<String, Object> properties = new HashMap<>((Map<String, Object>) deal.get("properties"));
		Object type = deal.get("type");
		if ("FINANCING".equals(type) && "CREDIT_BACKSTOP".equals(properties.get("instrument"))) {
			properties.remove("instrument");
			type = "GUARANTEE";
		}
		if ("ACQUISITION".equals(type)) {
			properties.put("scope", "COMPANY");
		}
		return Map.of("id", deal.get("id"), "type", type, "from", deal.get("from"), "to", deal.get("to"), "properties",
				properties);
	}

	private static Map<String, Object> deal(Record row, String type) {
		return Map.of("id", row.get("id").asString(), "type", type, "from", row.get("from").asString(), "to",
				row.get("to").asString(), "properties", row.get("properties").asMap());
	}

	/**
	 * Organizations, facts and context events, whole, and the facts each holds; but for
	 * what V007 adds: an investor type listed without a fact becomes a LOW claim, and
	 * each organization lists what its claims support at each threshold.
	 */
	private static List<String> everythingButDeals(Driver driver) {
		return driver
			.executableQuery(
					"""
							MATCH (n) WHERE (n:Organization OR n:Fact OR n:ContextEvent) AND NOT coalesce(n.key, '') STARTS WITH 'V007/'
							RETURN n {.*, investorTypes: coalesce(n.investorTypes, []), investorTypesAtMedium: null,
							          investorTypesAtHigh: null, kinds: null, kindsAtMedium: null, kindsAtHigh: null,
							          labels: labels(n), facts: COUNT { (n)-[:HAS_FACT]->(f) WHERE NOT f.key STARTS WITH 'V007/' }} AS node
							""")
			.execute()
			.records()
			.stream()
			.map((r) -> new TreeMap<>(r.get("node").asMap()).toString())
			.sorted()
			.toList();
	}

	private static long number(Driver driver, String query) {
		return driver.executableQuery(query)
			.withParameters(Map.of("types", RELATIONSHIP_TYPES))
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

	private static List<String> names(Driver driver, String query) {
		return driver.executableQuery(query).execute().records().stream().map((r) -> r.get("name").asString()).toList();
	}

}

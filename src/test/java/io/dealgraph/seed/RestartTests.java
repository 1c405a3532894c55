package io.dealgraph.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.neo4j.driver.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.audit.AuditLog;
import io.dealgraph.support.TestNeo4j;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store survives a clean stop: the second start finds the data and loads
 * nothing. A start stopped in the middle of the seed does not leave half a seed behind
 * for good: the next start loads it again.
 */
@Tag("embedded-only")
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

	/** The bundled seed, as its files hold it. */
	private static final SeedFiles.Seed SEED = SeedFiles.read(new DefaultResourceLoader(), "classpath:seed-data/");

	private static final int ORGANIZATIONS = SEED.organizations().size();

	@Test
	void aRestartKeepsTheDataAndDoesNotSeedAgain(CapturedOutput output) {
		Path store = TestNeo4j.temporaryStore();
		String[] args = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };

		long firstCount;
		try (var first = SpringApplication.run(DealgraphApplication.class, args)) {
			firstCount = first.getBean(SeedLoader.class).organizationCount();
		}
		assertThat(output.getOut()).contains("Seed: merged " + ORGANIZATIONS + " organizations");

		try (var second = SpringApplication.run(DealgraphApplication.class, args)) {
			assertThat(second.getBean(SeedLoader.class).organizationCount()).isEqualTo(firstCount)
				.isEqualTo(ORGANIZATIONS);
		}
		assertThat(output.getOut())
			.contains("Seed: not loaded, the graph already holds " + ORGANIZATIONS + " organizations");
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
			assertThat(first.getBean(SeedLoader.class).state("classpath:seed-data/").state())
				.isEqualTo(SeedLoader.State.INTERRUPTED);
		}
		String[] ifEmpty = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };
		try (var second = SpringApplication.run(DealgraphApplication.class, ifEmpty)) {
			var seed = second.getBean(SeedLoader.class);
			assertThat(seed.state("classpath:seed-data/"))
				.isEqualTo(new SeedLoader.StateReport(SeedLoader.State.PRESENT, ORGANIZATIONS));
			assertThat(second.getBean(CypherExecutor.class)
				.read("MATCH (r:Deal) WHERE r.id STARTS WITH 'E' RETURN count(r) AS deals", Map.of())
				.getFirst()
				.get("deals")
				.asInt()).isEqualTo(SEED.deals().size());
		}
	}

	/**
	 * A graph written by the model before issue 17: a backstop stored as FINANCING, an
	 * acquisition without a scope, E088 the wrong way round, E115 still there, and a seed
	 * marker without a revision. The next start migrates the model (V006) and merges the
	 * seed again, except for the deal an editor changed.
	 */
	@Test
	void aGraphLoadedFromAnEarlierSeedMovesToTheNewModelAtStart(CapturedOutput output) {
		Path store = TestNeo4j.temporaryStore();
		String[] args = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };
		try (var first = SpringApplication.run(DealgraphApplication.class, args)) {
			first.getBean(CypherExecutor.class).write((tx) -> {
				tx.run("""
						MATCH (d:Deal {id: 'E046'}) REMOVE d:Guarantee SET d:Financing, d.instrument = 'CREDIT_BACKSTOP'
						WITH 1 AS done
						MATCH (d:Deal {id: 'E072'}) REMOVE d.scope
						WITH 1 AS done
						MATCH (d:Deal {id: 'E088'})-[party]->() DELETE party
						WITH DISTINCT 1 AS done
						MATCH (d:Deal {id: 'E088'}), (cleanspark:Organization {id: 'cleanspark'}),
						      (submer:Organization {id: 'submer'})
						REMOVE d:Supply SET d:Partnership
						CREATE (cleanspark)<-[:FROM]-(d)-[:TO]->(submer)
						WITH 1 AS done
						MATCH (d:Deal {id: 'E114'}), (sec:Organization {id: 'sec'}), (robinhood:Organization {id: 'robinhood'})
						CREATE (sec)<-[:FROM]-(:Deal:RegulatoryAction {id: 'E115', status: 'CLOSED', version: 1,
						  announcedOn: '2025-02-21', announcedKey: '2025-02-21', statusHistory: ['CLOSED'],
						  statusDates: ['2025-02-21'], statusNotes: [''], sourceUrls: d.sourceUrls,
						  sourceTitles: d.sourceTitles, sourcePublishers: d.sourcePublishers,
						  sourceConfidences: d.sourceConfidences, sourceNotes: d.sourceNotes})-[:TO]->(robinhood)
						WITH 1 AS done
						MATCH (d:Deal {id: 'E010'}) SET d.amount = 550000000.0, d.version = 2
						WITH 1 AS done
						MATCH (m:DealgraphMigration {version: 6}) DELETE m
						WITH 1 AS done
						MATCH (marker:DealgraphSeed) REMOVE marker.revision
						""",
						Map.of());
				return null;
			});
		}
		try (var second = SpringApplication.run(DealgraphApplication.class, args)) {
			var cypher = second.getBean(CypherExecutor.class);
			var row = cypher.read("""
					MATCH (backstop:Deal {id: 'E046'}), (site:Deal {id: 'E072'}), (edited:Deal {id: 'E010'}),
					      (duplicate:Deal {id: 'E115'}), (cooling:Deal {id: 'E088'})-[:FROM]->(supplier)
					RETURN labels(backstop) AS backstop, site.scope AS siteScope, edited.amount AS edited,
					       duplicate.retractionReason AS duplicate, labels(cooling) AS cooling, supplier.id AS supplier
					""", Map.of()).getFirst();
			assertThat(row.get("backstop").asList(Value::asString)).contains("Guarantee").doesNotContain("Financing");
			assertThat(row.get("siteScope").asString()).isEqualTo("ASSET");
			assertThat(row.get("edited").asDouble()).as("an editor's change outlives the seed").isEqualTo(550e6);
			assertThat(row.get("duplicate").asString()).startsWith("Duplicate of E114");
			assertThat(row.get("cooling").asList(Value::asString)).contains("Supply");
			assertThat(row.get("supplier").asString()).isEqualTo("submer");
			assertThat(cypher.read("""
					MATCH (c:Change {operation: 'retractDeal', target: 'E115', by: 'seed'}) RETURN count(c) AS changes
					""", Map.of()).getFirst().get("changes").asInt()).as("the correction is in the audit log")
				.isEqualTo(1);
		}
		assertThat(output.getOut()).contains("Schema migration V6 applied")
			.contains("merging it again")
			.contains("deals changed by editors keep their version: [E010]");
	}

	/**
	 * A graph written by the code of issue 17 (d6e9ce9): no sites, no links between
	 * deals, capacity copied onto a guarantee, investor types a bare list, and an
	 * editor's organization whose types no fact backs. One start applies V007 and V008
	 * and merges the seed again: the sites, links and claims arrive, and the editor's
	 * types become LOW claims that say so.
	 */
	@Test
	void aGraphWrittenBeforeSitesAndClaimsGainsThemAtStart(CapturedOutput output) {
		Path store = TestNeo4j.temporaryStore();
		String[] args = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };
		try (var first = SpringApplication.run(DealgraphApplication.class, args)) {
			var cypher = first.getBean(CypherExecutor.class);
			cypher.write((tx) -> {
				tx.run("MATCH (s:Site) DETACH DELETE s", Map.of());
				tx.run("MATCH (:Deal)-[r:RELATED_TO]->(:Deal) DELETE r", Map.of());
				tx.run("MATCH (f:Fact) WHERE f.attribute = 'kind' OR f.sourceUrl CONTAINS 'yahoo' DETACH DELETE f",
						Map.of());
				tx.run("""
						MATCH (o:Organization)
						REMOVE o.investorTypesAtMedium, o.investorTypesAtHigh, o.kinds, o.kindsAtMedium, o.kindsAtHigh
						""", Map.of());
				tx.run("MATCH (o:Organization {id: 'blackstone'}) SET o.investorTypes = ['PRIVATE_EQUITY', 'PRIVATE_CREDIT']",
						Map.of());
				tx.run("MATCH (d:Deal {id: 'E046'}) SET d.capacityMw = 200.0 REMOVE d.capacityBasis, d.capacityQualifier",
						Map.of());
				tx.run("""
						CREATE (:Organization:Investor {id: 'test-old-fund', name: 'Old Fund', kind: 'INVESTOR',
						        aliases: [], undisclosed: false, investorTypes: ['HEDGE_FUND']})
						""", Map.of());
				tx.run("MATCH (m:DealgraphMigration) WHERE m.version >= 7 DELETE m", Map.of());
				tx.run("MATCH (marker:DealgraphSeed) SET marker.revision = 'd6e9ce9'", Map.of());
				return null;
			});
			cypher.write((tx) -> tx.run("DROP CONSTRAINT site_id", Map.of()));
		}
		try (var second = SpringApplication.run(DealgraphApplication.class, args)) {
			var cypher = second.getBean(CypherExecutor.class);
			var row = cypher.read("""
					MATCH (backstop:Deal {id: 'E046'})-[:AT]->(site:Site {id: 'lake-mariner'}),
					      (backstop)-[link:RELATED_TO]->(:Deal {id: 'E045'}),
					      (blackstone:Organization {id: 'blackstone'}), (old:Organization {id: 'test-old-fund'})
					RETURN backstop.capacityMw AS capacity, link.reason AS reason, blackstone.investorTypes AS types,
					       blackstone.investorTypesAtHigh AS typesAtHigh, old.investorTypes AS oldTypes,
					       old.investorTypesAtMedium AS oldTypesAtMedium,
					       COUNT { (blackstone)-[:HAS_FACT]->(f:Fact) WHERE f.key STARTS WITH 'V007/' } AS stopGaps,
					       [(old)-[:HAS_FACT]->(f:Fact) | f.confidence] AS oldClaims
					""", Map.of()).getFirst();
			assertThat(row.get("capacity").isNull()).as("a guarantee carries no capacity").isTrue();
			assertThat(row.get("reason").asString()).isEqualTo("BACKSTOPS");
			assertThat(row.get("types").asList(Value::asString)).contains("PRIVATE_EQUITY");
			assertThat(row.get("typesAtHigh").isNull()).isFalse();
			assertThat(row.get("stopGaps").asInt()).as("the seed's claims replace the migration's").isZero();
			assertThat(row.get("oldTypes").asList(Value::asString)).containsExactly("HEDGE_FUND");
			assertThat(row.get("oldTypesAtMedium").asList(Value::asString)).isEmpty();
			assertThat(row.get("oldClaims").asList(Value::asString)).containsExactly("LOW");
		}
		assertThat(output.getOut()).contains("Schema migration V7 applied")
			.contains("Schema migration V8 applied")
			.contains("merging it again");
	}

	/**
	 * An audit log written before changes were numbered (issue 20's code): one start
	 * applies V009, which numbers the changes in the order they were made and links each
	 * to the organizations its states name, a deal's parties too; the next write takes
	 * the next number.
	 */
	@Test
	void aLogWrittenBeforeChangesWereNumberedIsNumberedInTheOrderItWasMade(CapturedOutput output) {
		Path store = TestNeo4j.temporaryStore();
		String[] args = { "--dealgraph.embedded.data-directory=" + store, "--server.port=0" };
		try (var first = SpringApplication.run(DealgraphApplication.class, args)) {
			var cypher = first.getBean(CypherExecutor.class);
			cypher.write((tx) -> {
				tx.run("MATCH (n) WHERE n:Change OR n:ChangeSequence DETACH DELETE n", Map.of());
				tx.run("""
						CREATE (:Change {id: 'c-late', at: '2026-03-01T00:00:00Z', by: 'editor', operation: 'updateDeal',
						        target: 'E011', before: '{"id":"E011","type":"FINANCING","from":{"id":"coatue"},"to":{"id":"hut-8"}}',
						        after: '{"id":"E011","type":"FINANCING","from":{"id":"coatue"},"to":{"id":"core-scientific"}}'})
						CREATE (:Change {id: 'c-early', at: '2026-01-01T00:00:00Z', by: 'editor',
						        operation: 'upsertOrganization', target: 'hut-8', after: '{"id":"hut-8","name":"Hut 8"}'})
						""",
						Map.of());
				tx.run("MATCH (m:DealgraphMigration) WHERE m.version >= 9 DELETE m", Map.of());
				return null;
			});
			cypher.write((tx) -> tx.run("DROP CONSTRAINT change_seq", Map.of()));
		}
		try (var second = SpringApplication.run(DealgraphApplication.class, args)) {
			var cypher = second.getBean(CypherExecutor.class);
			var numbered = cypher.read("""
					MATCH (c:Change) WHERE c.id STARTS WITH 'c-'
					WITH c ORDER BY c.seq
					RETURN collect(c.id) AS ids, collect(c.seq) AS numbers,
					       collect([(c)-[:ABOUT]->(o) | o.id]) AS about
					""", Map.of()).getFirst();
			assertThat(numbered.get("ids").asList(Value::asString)).containsExactly("c-early", "c-late");
			assertThat(numbered.get("numbers").asList(Value::asLong)).containsExactly(1L, 2L);
			assertThat(numbered.get("about").asList((ids) -> new TreeSet<>(ids.asList(Value::asString))))
				.containsExactly(new TreeSet<>(List.of("hut-8")),
						new TreeSet<>(List.of("coatue", "core-scientific", "hut-8")));
			AuditLog audit = second.getBean(AuditLog.class);
			cypher.write((tx) -> {
				audit.record(tx, "test", "test", "hut-8", null, null);
				return null;
			});
			assertThat(cypher.read("MATCH (c:Change {operation: 'test'}) RETURN c.seq AS seq", Map.of())
				.getFirst()
				.get("seq")
				.asLong()).as("the next write takes the next number").isEqualTo(3);
		}
		assertThat(output.getOut()).contains("Schema migration V9 applied");
	}

}

package io.dealgraph.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Examples;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity that adds up (issue 18, item 3): only the deal that contracts megawatts
 * carries them, with their basis, and {@code dealStats} sums them per basis and groups by
 * counterparty. Checked against plain Cypher over the stored figures.
 */
@RunsDealgraph
class CapacityStatsTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void coreWeavesContractedMegawattsGroupedByProviderAreTheSumsOfItsLeasesPerBasis() {
		Map<String, Map<String, Double>> served = new HashMap<>();
		Examples.using(this.graphQl)
			.documentName("coreWeaveContractedCapacityByProvider")
			.execute()
			.path("dealStats")
			.entityList(MAP)
			.get()
			.forEach((bucket) -> {
				@SuppressWarnings("unchecked")
				String provider = (String) ((Map<String, Object>) bucket.get("from")).get("key");
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> capacity = (List<Map<String, Object>>) bucket.get("capacity");
				capacity.forEach((total) -> served.computeIfAbsent(provider, (p) -> new HashMap<>())
					.put(String.valueOf(total.get("basis")), ((Number) total.get("mw")).doubleValue()));
			});
		Map<String, Map<String, Double>> stored = new HashMap<>();
		this.cypher.read("""
				MATCH (a:Organization)<-[:FROM]-(r:Deal:Partnership)-[:TO]->(:Organization {id: 'coreweave'})
				WHERE r.retractedAt IS NULL AND r.capacityMw IS NOT NULL
				RETURN a.id AS provider, coalesce(r.capacityBasis, 'null') AS basis, sum(r.capacityMw) AS mw
				""", Map.of())
			.forEach((row) -> stored.computeIfAbsent(row.get("provider").asString(), (p) -> new HashMap<>())
				.put(row.get("basis").asString(), row.get("mw").asDouble()));
		assertThat(served).isEqualTo(stored).containsKeys("core-scientific", "galaxy-digital", "applied-digital");
		// Core Scientific's 12-year contracts: ~200 MW, then the 120 MW final option,
		// both critical IT.
		assertThat(served.get("core-scientific")).containsKey("CRITICAL_IT");
	}

	/**
	 * Asking for megawatts changes no count: with no key, deals that match nothing are
	 * still one bucket of none, with or without capacity.
	 */
	@Test
	void nothingMatchedIsOneEmptyBucketWhetherOrNotCapacityIsAsked() {
		String where = "where: {announcedFrom: \"2099\"}";
		for (String fields : List.of("count", "count capacity { mw }", "count totals { amount }",
				"count totals { amount } capacity { mw }")) {
			List<Integer> counts = this.graphQl.document("{ dealStats(" + where + ") { " + fields + " } }")
				.execute()
				.path("dealStats[*].count")
				.entityList(Integer.class)
				.get();
			assertThat(counts).as(fields).containsExactly(0);
		}
	}

	@Test
	void guaranteesWarrantsAndDebtBehindALeaseCarryNoMegawatts() {
		this.graphQl.document("""
				{ dealStats(where: {typeIn: [GUARANTEE, STAKE, FINANCING]}, groupBy: [TYPE]) { type capacity { mw } } }
				""").execute().path("dealStats[*].capacity[*]").entityList(Object.class).hasSize(0);
	}

	@Test
	void aBucketWithoutCapacityAskedForReadsNoneAndFromAndToNameTheCounterparties() {
		this.graphQl.document("""
				{ dealStats(where: {type: GUARANTEE}, groupBy: [FROM, TO]) { from { key } to { key } count } }
				""")
			.execute()
			.path("dealStats[*].from.key")
			.entityList(String.class)
			.satisfies((froms) -> assertThat(froms).isNotEmpty().containsOnly("google"))
			.path("dealStats[*].to.key")
			.entityList(String.class)
			.contains("fluidstack");
	}

}

package io.dealgraph.filter;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class DealFilterTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void largestFinancingsSince2025ComeBiggestFirstInDollarsOnly() {
		var response = Examples.using(this.graphQl).documentName("largestFinancingsSince2025").execute();
		List<Double> amounts = response.path("deals.edges[*].node.amount.amount").entityList(Double.class).get();
		assertThat(amounts).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(amounts).allSatisfy((amount) -> assertThat(amount).isGreaterThanOrEqualTo(1e9));
		response.path("deals.edges[*].node.amount.currency")
			.entityList(String.class)
			.satisfies((currencies) -> assertThat(currencies).containsOnly("USD"));
		int total = response.path("deals.totalCount").entity(Integer.class).get();
		assertThat(total).isEqualTo(this.graph.ids("""
				MATCH ()<-[:FROM]-(d:Financing)-[:TO]->()
				WHERE d.announcedKey >= '2025-00-00' AND d.currency = 'USD' AND d.amount >= 1e9
				RETURN d.id AS id
				""").size());
	}

	@Test
	void coreWeavesBidsForCoreScientificWereRejectedThenTerminated() {
		var response = Examples.using(this.graphQl).documentName("coreWeaveBidForCoreScientific").execute();
		response.path("deals.edges[*].node.status")
			.entityList(String.class)
			.satisfies((statuses) -> assertThat(statuses).contains("REJECTED", "TERMINATED"));
		response.path("deals.edges[*].node.statusHistory[*].on")
			.entityList(String.class)
			.satisfies((dates) -> assertThat(dates).contains("2025-10-30"));
	}

	@Test
	void aPartialDateRangeCoversTheWholeYearOrMonth() {
		TreeSet<String> in2024 = ids("{ announcedFrom: \"2024\", announcedTo: \"2024\" }");
		assertThat(in2024).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (d:Deal) WHERE d.announcedOn STARTS WITH '2024' RETURN d.id AS id
				"""));
		TreeSet<String> inJune = ids("{ announcedFrom: \"2024-06\", announcedTo: \"2024-06\" }");
		assertThat(inJune).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (d:Deal) WHERE d.announcedOn STARTS WITH '2024-06' RETURN d.id AS id
				"""));
	}

	@Test
	void dealsCanBeFilteredByTheirPartiesAndTheirSources() {
		TreeSet<String> answer = ids("""
				{ typeIn: [PARTNERSHIP, SUPPLY], from: { kind: MINER }, to: { kind: AI_FIRM },
				  sourceConfidence: HIGH, NOT: { status: TERMINATED } }
				""");
		assertThat(answer).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (:Miner)<-[:FROM]-(d:Partnership|Supply)-[:TO]->(:AIFirm)
				WHERE 'HIGH' IN d.sourceConfidences AND d.status <> 'TERMINATED'
				RETURN d.id AS id
				"""));
	}

	@Test
	void lowConfidenceDealsAreThoseWithoutABetterSource() {
		TreeSet<String> all = ids("{}");
		TreeSet<String> medium = ids("{ sourceConfidence: MEDIUM }");
		TreeSet<String> weak = ids("{ NOT: { sourceConfidence: MEDIUM } }");
		assertThat(weak).isNotEmpty().doesNotContainAnyElementsOf(medium);
		assertThat(medium.size() + weak.size()).isEqualTo(all.size());
	}

	private TreeSet<String> ids(String where) {
		TreeSet<String> ids = new TreeSet<>();
		String after = null;
		do {
			var response = this.graphQl.document("query($after: String) { deals(where: " + where
					+ ", first: 100, after: $after) { edges { node { key } } pageInfo { hasNextPage endCursor } } }")
				.variable("after", after)
				.execute();
			ids.addAll(response.path("deals.edges[*].node.key").entityList(String.class).get());
			after = response.path("deals.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("deals.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		return ids;
	}

}

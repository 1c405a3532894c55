package io.dealgraph.graph;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An as-of view, set by a top-level field, holds for every field beneath it: no nested
 * {@code deals} or relationship list shows a deal that did not stand on that date.
 * Checked against the deals that stood then, found in plain Cypher.
 */
@RunsDealgraph
class AsOfViewTests {

	/** Mid-2024: the halving had happened and the first hosting deals were signed. */
	private static final String MID_2024 = "2024-06";

	private static final String STANDING_MID_2024 = """
			MATCH (r:Deal)
			WHERE r.retractedAt IS NULL AND r.announcedKey <= '2024-06-99'
			  AND (r.endedKey IS NULL OR r.endedKey > '2024-06-99')
			RETURN r.id AS id
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void anOrganizationsDealsAndRelationshipsAreThoseThatStoodOnTheDate() {
		String query = """
				query($asOf: PartialDate) {
				  organizations(where: {id: "hut-8"}, asOf: $asOf) { edges { node {
				    deals(first: 100) { totalCount edges { node { key } } }
				    customers { key }
				    financiers { key }
				  } } }
				}
				""";
		TreeSet<String> then = strings(this.graphQl.document(query)
			.variable("asOf", MID_2024)
			.execute()
			.path("organizations.edges[0].node.deals.edges[*].node.key")
			.entityList(String.class)
			.get());
		TreeSet<String> now = strings(this.graphQl.document(query)
			.execute()
			.path("organizations.edges[0].node.deals.edges[*].node.key")
			.entityList(String.class)
			.get());

		assertThat(then).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (:Organization {id: 'hut-8'})<-[:FROM|TO]-(r:Deal)-[:FROM|TO]->()
				WHERE r.retractedAt IS NULL AND r.announcedKey <= '2024-06-99'
				  AND (r.endedKey IS NULL OR r.endedKey > '2024-06-99')
				RETURN r.id AS id
				"""));
		assertThat(now).as("hut-8 made deals after mid-2024, so the view leaves some out")
			.containsAll(then)
			.hasSizeGreaterThan(then.size());
		this.graphQl.document(query)
			.variable("asOf", MID_2024)
			.execute()
			.path("organizations.edges[0].node.deals.totalCount")
			.entity(Integer.class)
			.isEqualTo(then.size())
			.path("organizations.edges[0].node.customers[*].key")
			.entityList(String.class)
			.satisfies((customers) -> assertThat(strings(customers)).isEqualTo(this.graph.ids("""
					MATCH (:Organization {id: 'hut-8'})<-[:FROM]-(r:Partnership|Supply)-[:TO]->(x)
					WHERE r.retractedAt IS NULL AND r.announcedKey <= '2024-06-99'
					  AND (r.endedKey IS NULL OR r.endedKey > '2024-06-99')
					RETURN DISTINCT x.id AS id
					""")));
	}

	@Test
	void noNestedFieldEscapesTheView() {
		String query = """
				query($asOf: PartialDate) {
				  deals(first: 20, asOf: $asOf) { edges { node { from {
				    deals(first: 20) { edges { node { key } } }
				    financed { deals(first: 20) { edges { node { key } } } }
				  } } } }
				}
				""";
		TreeSet<String> standing = this.graph.ids(STANDING_MID_2024);
		TreeSet<String> nested = strings(this.graphQl.document(query)
			.variable("asOf", MID_2024)
			.execute()
			.path("deals.edges[*].node.from..deals.edges[*].node.key")
			.entityList(String.class)
			.get());
		TreeSet<String> nestedNow = strings(this.graphQl.document(query)
			.execute()
			.path("deals.edges[*].node.from..deals.edges[*].node.key")
			.entityList(String.class)
			.get());

		assertThat(nested).isNotEmpty().isSubsetOf(standing);
		assertThat(nestedNow).as("without the view, the same shape reaches later deals")
			.anyMatch((id) -> !standing.contains(id));
	}

	@Test
	void aNetworkAsOfADateShowsItsOrganizationsDealsAsOfThatDateToo() {
		TreeSet<String> nested = strings(this.graphQl.document("""
				{ network(around: "core-scientific", asOf: "2024-06") {
				    organizations { deals(first: 100) { edges { node { key } } } }
				} }
				""").execute().path("network.organizations[*].deals.edges[*].node.key").entityList(String.class).get());
		assertThat(nested).isNotEmpty().isSubsetOf(this.graph.ids(STANDING_MID_2024));
	}

	@Test
	void theCoreWeaveMergerAsOfSeptember2025IsNotYetTerminated() {
		// E006: announced 2025-07-07, terminated 2025-10-30
		// (seed-data/deal-status-history.csv).
		String query = """
				query($asOf: PartialDate, $status: DealStatus) {
				  deals(where: {type: ACQUISITION, to: {id: "core-scientific"}, status: $status}, asOf: $asOf) {
				    edges { node { key status } }
				  }
				}
				""";
		this.graphQl.document(query)
			.variable("asOf", "2025-09")
			.execute()
			.path("deals.edges[*].node")
			.entityList(DealKeyAndStatus.class)
			.containsExactly(new DealKeyAndStatus("E006", "ANNOUNCED"));
		this.graphQl.document(query)
			.variable("asOf", "2025-09")
			.variable("status", "TERMINATED")
			.execute()
			.path("deals.edges")
			.entityList(Object.class)
			.hasSize(0);
		this.graphQl.document(query)
			.execute()
			.path("deals.edges[*].node")
			.entityList(DealKeyAndStatus.class)
			.contains(new DealKeyAndStatus("E006", "TERMINATED"));
	}

	@Test
	void aStepDatedByMonthCountsOnlyOnceThatMonthHasPassed() {
		// E026: Bit Digital buys Enovum, announced 2024-10-11 and completed in "2024-10".
		String query = """
				query($asOf: PartialDate) {
				  organizations(where: {id: "enovum"}, asOf: $asOf) { edges { node {
				    acquirer { key }
				    deals(types: [ACQUISITION]) { edges { node { key status } } }
				  } } }
				}
				""";
		this.graphQl.document(query)
			.variable("asOf", "2024-10-15")
			.execute()
			.path("organizations.edges[0].node.deals.edges[*].node")
			.entityList(DealKeyAndStatus.class)
			.containsExactly(new DealKeyAndStatus("E026", "ANNOUNCED"))
			.path("organizations.edges[0].node.acquirer")
			.valueIsNull();
		this.graphQl.document(query)
			.variable("asOf", "2024-10")
			.execute()
			.path("organizations.edges[0].node.deals.edges[*].node")
			.entityList(DealKeyAndStatus.class)
			.containsExactly(new DealKeyAndStatus("E026", "COMPLETED"))
			.path("organizations.edges[0].node.acquirer.key")
			.entity(String.class)
			.isEqualTo("bit-digital");
	}

	record DealKeyAndStatus(String key, String status) {
	}

	private static TreeSet<String> strings(List<String> values) {
		return new TreeSet<>(values);
	}

}

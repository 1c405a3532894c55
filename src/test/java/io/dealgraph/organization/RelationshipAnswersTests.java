package io.dealgraph.organization;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relationship field and filter, for every organization of the seed, answers as the
 * same question asked in plain Cypher written here by hand, independently of the graph
 * model the server builds its statements from.
 */
@RunsDealgraph
class RelationshipAnswersTests {

	/** A financing in which the from party gave its own money, not only arranged it. */
	private static final String OWN_MONEY = " AND NOT coalesce(r.role, '') IN ['ARRANGER', 'UNDERWRITER']";

	private static final String ARRANGED = " AND r.role IN ['ARRANGER', 'UNDERWRITER']";

	/**
	 * An acquisition of a whole company, not of a site or unit bought from its seller.
	 */
	private static final String COMPANY = " AND r.scope = 'COMPANY'";

	/** Each list field: the other parties of its standing deals, from the subject. */
	static final Map<String, String> LIST_FIELDS = Map.ofEntries(
			Map.entry("customers", "MATCH (o)<-[:FROM]-(r:Partnership|Supply)-[:TO]->(x) WHERE r.retractedAt IS NULL"),
			Map.entry("providers", "MATCH (x)<-[:FROM]-(r:Partnership|Supply)-[:TO]->(o) WHERE r.retractedAt IS NULL"),
			Map.entry("financiers",
					"MATCH (x)<-[:FROM]-(r:Financing)-[:TO]->(o) WHERE r.retractedAt IS NULL" + OWN_MONEY),
			Map.entry("financed",
					"MATCH (o)<-[:FROM]-(r:Financing)-[:TO]->(x) WHERE r.retractedAt IS NULL" + OWN_MONEY),
			Map.entry("arrangers",
					"MATCH (x)<-[:FROM]-(r:Financing)-[:TO]->(o) WHERE r.retractedAt IS NULL" + ARRANGED),
			Map.entry("arranged", "MATCH (o)<-[:FROM]-(r:Financing)-[:TO]->(x) WHERE r.retractedAt IS NULL" + ARRANGED),
			Map.entry("stakeholders", "MATCH (x)<-[:FROM]-(r:Stake)-[:TO]->(o) WHERE r.retractedAt IS NULL"),
			Map.entry("stakes", "MATCH (o)<-[:FROM]-(r:Stake)-[:TO]->(x) WHERE r.retractedAt IS NULL"),
			Map.entry("guarantors", "MATCH (x)<-[:FROM]-(r:Guarantee)-[:TO]->(o) WHERE r.retractedAt IS NULL"),
			Map.entry("guaranteed", "MATCH (o)<-[:FROM]-(r:Guarantee)-[:TO]->(x) WHERE r.retractedAt IS NULL"),
			Map.entry("acquisitions",
					"MATCH (o)<-[:FROM]-(r:Acquisition)-[:TO]->(x) WHERE r.retractedAt IS NULL" + COMPANY),
			Map.entry("subsidiaries", "MATCH (o)<-[:FROM]-(r:Control)-[:TO]->(x) WHERE r.retractedAt IS NULL"));

	/**
	 * Each filter: who has at least one such counterpart, whatever it is; the pattern and
	 * what its deal must be besides standing.
	 */
	private static final Map<String, String> FILTERS = Map.ofEntries(
			Map.entry("providerTo", "(o)<-[:FROM]-(r:Partnership|Supply)-[:TO]->() WHERE true"),
			Map.entry("customerOf", "(o)<-[:TO]-(r:Partnership|Supply)-[:FROM]->() WHERE true"),
			Map.entry("financedBy", "(o)<-[:TO]-(r:Financing)-[:FROM]->() WHERE true" + OWN_MONEY),
			Map.entry("financed", "(o)<-[:FROM]-(r:Financing)-[:TO]->() WHERE true" + OWN_MONEY),
			Map.entry("arrangedBy", "(o)<-[:TO]-(r:Financing)-[:FROM]->() WHERE true" + ARRANGED),
			Map.entry("arranged", "(o)<-[:FROM]-(r:Financing)-[:TO]->() WHERE true" + ARRANGED),
			Map.entry("stakeHeldBy", "(o)<-[:TO]-(r:Stake)-[:FROM]->() WHERE true"),
			Map.entry("holdsStakeIn", "(o)<-[:FROM]-(r:Stake)-[:TO]->() WHERE true"),
			Map.entry("guaranteedBy", "(o)<-[:TO]-(r:Guarantee)-[:FROM]->() WHERE true"),
			Map.entry("guarantees", "(o)<-[:FROM]-(r:Guarantee)-[:TO]->() WHERE true"),
			Map.entry("acquired", "(o)<-[:FROM]-(r:Acquisition)-[:TO]->() WHERE true" + COMPANY),
			Map.entry("acquiredBy", "(o)<-[:TO]-(r:Acquisition)-[:FROM]->() WHERE true" + COMPANY),
			Map.entry("parentOf", "(o)<-[:FROM]-(r:Control)-[:TO]->() WHERE true"),
			Map.entry("subsidiaryOf", "(o)<-[:TO]-(r:Control)-[:FROM]->() WHERE true"),
			Map.entry("regulatedBy", "(o)<-[:TO]-(r:RegulatoryAction)-[:FROM]->() WHERE true"),
			Map.entry("partnerOf", "(o)<-[:FROM|TO]-(r:Partnership)-[:FROM|TO]->() WHERE true"));

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Graph graph;

	@Test
	void everyListFieldNamesTheOtherPartiesOfItsDeals() {
		for (Map.Entry<String, String> field : LIST_FIELDS.entrySet()) {
			Map<String, TreeSet<String>> answer = new TreeMap<>();
			this.graphQl
				.document("{ organizations(first: 100) { edges { node { key " + field.getKey() + " { key } } } } }")
				.execute()
				.path("organizations.edges[*].node")
				.entityList(Map.class)
				.get()
				.forEach((node) -> answer.put((String) node.get("key"), ids((List<?>) node.get(field.getKey()))));
			Map<String, TreeSet<String>> expected = new TreeMap<>();
			this.cypher
				.read("MATCH (o:Organization) OPTIONAL CALL (o) { " + field.getValue()
						+ " RETURN collect(DISTINCT x.id) AS others } RETURN o.id AS id, others", Map.of())
				.forEach((row) -> expected.put(row.get("id").asString(),
						new TreeSet<>(row.get("others").asList((v) -> v.asString()))));
			assertThat(answer).as(field.getKey()).isEqualTo(expected);
		}
	}

	@Test
	void theAcquirerIsTheBuyerOfTheLatestCompletedAcquisitionAndTheParentOfStandingControl() {
		assertThat(single("acquirer")).isEqualTo(latest("""
				MATCH (x)<-[:FROM]-(r:Acquisition)-[:TO]->(o)
				WHERE r.retractedAt IS NULL AND r.status = 'COMPLETED' AND r.scope = 'COMPANY'
				"""));
		assertThat(single("parent")).isEqualTo(latest("""
				MATCH (x)<-[:FROM]-(r:Control)-[:TO]->(o) WHERE r.retractedAt IS NULL AND r.endedKey IS NULL
				"""));
	}

	@Test
	void everyRelationshipFilterFindsTheOrganizationsThatHaveSuchACounterpart() {
		for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
			TreeSet<String> answer = new TreeSet<>(this.graphQl
				.document("{ organizations(first: 100, where: {" + filter.getKey()
						+ ": {}}) { edges { node { key } } } }")
				.execute()
				.path("organizations.edges[*].node.key")
				.entityList(String.class)
				.get());
			assertThat(answer).as(filter.getKey())
				.isEqualTo(this.graph.ids("MATCH (o:Organization) WHERE EXISTS { MATCH " + filter.getValue()
						+ " AND r.retractedAt IS NULL } RETURN o.id AS id"));
		}
	}

	@Test
	void aFailedBidMakesAnAcquiredByMatchButNoAcquirer() {
		// The filter counts every standing deal, as its schema text says; the field only
		// a completed acquisition. A journalist reading one beside the other must know.
		TreeSet<String> failedOnly = this.graph.ids("""
				MATCH (o:Organization)<-[:TO]-(r:Acquisition)-[:FROM]->()
				WHERE r.retractedAt IS NULL AND r.scope = 'COMPANY'
				WITH o, collect(r.status) AS statuses WHERE NOT 'COMPLETED' IN statuses
				RETURN o.id AS id
				""");
		TreeSet<String> acquiredBy = new TreeSet<>(this.graphQl.document(
				"{ organizations(first: 100, where: {acquiredBy: {}}) { edges { node { key acquirer { key } } } } }")
			.execute()
			.path("organizations.edges[?(@.node.acquirer == null)].node.key")
			.entityList(String.class)
			.get());
		assertThat(acquiredBy).isEqualTo(failedOnly);
	}

	private Map<String, String> single(String field) {
		Map<String, String> answer = new TreeMap<>();
		this.graphQl.document("{ organizations(first: 100) { edges { node { key " + field + " { key } } } } }")
			.execute()
			.path("organizations.edges[*].node")
			.entityList(Map.class)
			.get()
			.forEach((node) -> {
				Object other = node.get(field);
				if (other != null) {
					answer.put((String) node.get("key"), (String) ((Map<?, ?>) other).get("key"));
				}
			});
		return answer;
	}

	private Map<String, String> latest(String deals) {
		Map<String, String> expected = new TreeMap<>();
		this.cypher
			.read("MATCH (o:Organization) CALL (o) { " + deals
					+ " RETURN x.id AS other ORDER BY coalesce(r.announcedKey, '') DESC, r.id DESC LIMIT 1 }"
					+ " RETURN o.id AS id, other", Map.of())
			.forEach((row) -> expected.put(row.get("id").asString(), row.get("other").asString()));
		return expected;
	}

	private static TreeSet<String> ids(List<?> organizations) {
		TreeSet<String> ids = new TreeSet<>();
		organizations.forEach((o) -> ids.add((String) ((Map<?, ?>) o).get("key")));
		return ids;
	}

}

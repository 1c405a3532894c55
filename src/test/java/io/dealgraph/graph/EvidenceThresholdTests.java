package io.dealgraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request-wide evidence threshold (issue 18, item 5): {@code minConfidence} on a
 * top-level field counts only the deals with a source of at least that confidence, for
 * the field and everything beneath it, as an as-of date does. E004, the starting
 * article's 70 MW option, rests on LOW sources only. Checked against the sources'
 * confidences in plain Cypher.
 */
@RunsDealgraph
class EvidenceThresholdTests {

	private static final String SOURCED_AT_LEAST_MEDIUM = """
			MATCH (r:Deal) WHERE r.retractedAt IS NULL AND any(c IN r.sourceConfidences WHERE c IN ['HIGH', 'MEDIUM'])
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Graph graph;

	@LocalServerPort
	int port;

	@Test
	void aDealOnLowSourcesOnlyIsNotThereAtMedium() {
		String query = """
				query($min: Confidence) { deal(id: "E004", minConfidence: $min) { key confidence } }
				""";
		this.graphQl.document(query).execute().path("deal.confidence").entity(String.class).isEqualTo("LOW");
		this.graphQl.document(query).variable("min", "MEDIUM").execute().path("deal").valueIsNull();
	}

	@Test
	void everyDealListedMeetsTheThresholdAndEveryDealThatMeetsItIsListed() {
		TreeSet<String> listed = new TreeSet<>();
		String after = null;
		do {
			var page = this.graphQl.document("""
					query($after: String) {
					  deals(first: 100, after: $after, minConfidence: MEDIUM) {
					    edges { node { key confidence } } pageInfo { hasNextPage endCursor }
					  }
					}
					""").variable("after", after).execute();
			page.path("deals.edges[*].node.confidence")
				.entityList(String.class)
				.satisfies((confidences) -> assertThat(confidences).doesNotContain("LOW"));
			listed.addAll(page.path("deals.edges[*].node.key").entityList(String.class).get());
			after = page.path("deals.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("deals.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(listed).isEqualTo(this.graph.ids(SOURCED_AT_LEAST_MEDIUM + "RETURN r.id AS id"))
			.doesNotContain("E004", "E043", "E070", "E071");
	}

	@Test
	void theThresholdHoldsForEveryFieldBeneathTheOneThatSetsIt() {
		var answer = Examples.using(this.graphQl).documentName("coreScientificDealsOnMediumEvidence").execute();

		TreeSet<String> nested = new TreeSet<>(
				answer.path("organization.deals.edges[*].node.key").entityList(String.class).get());
		assertThat(nested).isEqualTo(this.graph.ids("""
				MATCH (:Organization {id: 'core-scientific'})<-[:FROM|TO]-(r:Deal)
				WHERE r.retractedAt IS NULL AND any(c IN r.sourceConfidences WHERE c IN ['HIGH', 'MEDIUM'])
				RETURN r.id AS id
				""")).doesNotContain("E004");
		answer.path("organization.deals.totalCount").entity(Integer.class).isEqualTo(nested.size());
	}

	@Test
	void statisticsAndTimelinesCountOnlyWhatMeetsTheThreshold() {
		int counted = this.graphQl.document("{ dealStats(minConfidence: MEDIUM) { count } }")
			.execute()
			.path("dealStats[0].count")
			.entity(Integer.class)
			.get();
		assertThat(counted).isEqualTo(this.cypher
			.read(SOURCED_AT_LEAST_MEDIUM
					+ "AND NOT coalesce(r.role, '') IN ['ARRANGER', 'UNDERWRITER'] RETURN count(r) AS count", Map.of())
			.getFirst()
			.get("count")
			.asInt());
		this.graphQl.document("""
				{ timeline(of: "core-scientific", first: 500, minConfidence: MEDIUM) { deal { key confidence } } }
				""")
			.execute()
			.path("timeline[*].deal.key")
			.entityList(String.class)
			.doesNotContain("E004")
			.path("timeline[*].deal.confidence")
			.entityList(String.class)
			.doesNotContain("LOW");
	}

	@Test
	void theThresholdHoldsBeneathEachDealOfATimeline() {
		var answer = this.graphQl.document("""
				{ timeline(of: "core-scientific", first: 40, minConfidence: MEDIUM) {
				    deal { key to { key deals(first: 100) { totalCount edges { node { key } } } } }
				} }
				""").execute();
		List<String> parties = answer.path("timeline[*].deal.to.key").entityList(String.class).get();
		assertThat(parties).contains("core-scientific");
		for (int i = 0; i < parties.size(); i++) {
			Set<String> expected = this.graph.ids("""
					MATCH (:Organization {id: $party})<-[:FROM|TO]-(r:Deal)
					WHERE r.retractedAt IS NULL AND any(c IN r.sourceConfidences WHERE c IN ['HIGH', 'MEDIUM'])
					RETURN r.id AS id
					""", Map.of("party", parties.get(i)));
			answer.path("timeline[" + i + "].deal.to.deals.edges[*].node.key")
				.entityList(String.class)
				.satisfies((keys) -> assertThat(new TreeSet<>(keys)).isEqualTo(expected))
				.path("timeline[" + i + "].deal.to.deals.totalCount")
				.entity(Integer.class)
				.isEqualTo(expected.size());
		}
	}

	@Test
	void theNetworkAndItsExportLeaveOutWhatFallsBelowTheThreshold() {
		this.graphQl.document("""
				{ network(around: "core-scientific", minConfidence: MEDIUM) { deals { key } } }
				""")
			.execute()
			.path("network.deals[*].key")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(ids).isNotEmpty().doesNotContain("E004"));
		String exported = new Http(this.port)
			.get("/export/network?around=core-scientific&deal=E004&minConfidence=MEDIUM&format=csv")
			.body();
		assertThat(exported).contains("E001").doesNotContain("E004");
		assertThat(new Http(this.port).get("/export/network?around=core-scientific&format=csv").body())
			.contains("E004");
	}

	@Test
	void aThresholdThatIsNoConfidenceIsABadRequest() {
		this.graphQl.document("{ deals(minConfidence: CERTAIN) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(List.of(error.getExtensions().get("code")))
					.containsExactly("BAD_REQUEST")));
	}

}

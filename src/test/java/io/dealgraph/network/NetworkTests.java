package io.dealgraph.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class NetworkTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void everythingWithinTwoHopsOfHut8() {
		var response = Examples.using(this.graphQl).documentName("everythingWithinTwoHopsOfHut8").execute();
		response.path("network.truncated").entity(Boolean.class).isEqualTo(false);
		TreeSet<String> deals = new TreeSet<>(response.path("network.deals[*].key").entityList(String.class).get());
		assertThat(deals).isEqualTo(this.graph.ids("""
				MATCH p = (:Organization {id: 'hut-8'})-[:FROM|TO*2..4]-(:Organization)
				UNWIND [n IN nodes(p) WHERE n:Deal] AS r
				RETURN DISTINCT r.id AS id
				"""));
		List<String> organizations = response.path("network.organizations[*].key").entityList(String.class).get();
		assertThat(organizations.getFirst()).isEqualTo("hut-8");
		assertThat(organizations).doesNotHaveDuplicates().contains("coatue", "anthropic");
	}

	@Test
	void aCappedNetworkSaysItWasTruncated() {
		var response = this.graphQl
			.document("{ network(around: \"hut-8\", depth: 3, limit: 5) { truncated deals { key } } }")
			.execute();
		response.path("network.truncated").entity(Boolean.class).isEqualTo(true);
		response.path("network.deals").entityList(Object.class).hasSize(5);
	}

	@Test
	void coreScientificsNetworkAsItStoodAtTheEndOf2024AndToday() {
		String today = LocalDate.now().toString();
		var response = Examples.using(this.graphQl)
			.documentName("coreScientificNetworkThenAndNow")
			.variable("today", today)
			.execute();
		TreeSet<String> endOf2024 = new TreeSet<>(
				response.path("endOf2024.deals[*].key").entityList(String.class).get());
		TreeSet<String> now = new TreeSet<>(response.path("today.deals[*].key").entityList(String.class).get());

		assertThat(endOf2024).isEqualTo(standingAround("core-scientific", "2024-12-31"));
		assertThat(now).isEqualTo(standingAround("core-scientific", today));
		// CoreWeave's all-stock bid (2025-07) came after 2024 and was terminated after
		// the vote on 2025-10-30;
		// its 2024 cash bid was rejected within days.
		assertThat(endOf2024).doesNotContain("E006", "E003");
		assertThat(now).doesNotContain("E006", "E003");
		assertThat(this.graph.ids("MATCH (r:Deal) WHERE r.id IN ['E003', 'E006'] RETURN r.id AS id"))
			.containsExactly("E003", "E006");
	}

	@Test
	void depthAndLimitAreCapped() {
		for (String arguments : List.of("depth: 4", "depth: 0", "limit: 1001", "limit: 0")) {
			this.graphQl.document("{ network(around: \"hut-8\", " + arguments + ") { truncated } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		}
	}

	@Test
	void anUnknownCentreHasNoNetwork() {
		this.graphQl.document("{ network(around: \"nobody\") { truncated } }").execute().path("network").valueIsNull();
	}

	/** The as-of rule in plain Cypher: announced by the date, not ended by then. */
	private TreeSet<String> standingAround(String id, String date) {
		return this.graph.ids("""
				MATCH (:Organization {id: $id})<-[:FROM|TO]-(r:Deal)-[:FROM|TO]->()
				WHERE r.announcedOn IS NOT NULL AND r.announcedOn <= $date
				  AND NOT (r.status IN ['REJECTED', 'TERMINATED', 'CLOSED']
				           AND coalesce(nullIf(last(r.statusDates), ''), '0000') <= $date)
				RETURN r.id AS id
				""", Map.of("id", id, "date", date));
	}

}

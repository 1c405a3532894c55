package io.dealgraph.network;

import java.time.LocalDate;
import java.util.LinkedHashSet;
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
	void aNetworksOrganizationsAreItsCentreThenThePartiesOfTheDealsItKeptInTheirOrder() {
		var response = this.graphQl.document("""
				{ network(around: "hut-8", depth: 2, limit: 7) {
				    truncated deals { from { key } to { key } } organizations { key }
				} }
				""").execute();
		response.path("network.truncated").entity(Boolean.class).isEqualTo(true);
		List<String> froms = response.path("network.deals[*].from.key").entityList(String.class).get();
		List<String> tos = response.path("network.deals[*].to.key").entityList(String.class).get();
		var expected = new LinkedHashSet<String>(List.of("hut-8"));
		for (int i = 0; i < froms.size(); i++) {
			expected.add(froms.get(i));
			expected.add(tos.get(i));
		}
		response.path("network.organizations[*].key")
			.entityList(String.class)
			.containsExactly(expected.toArray(String[]::new));
	}

	@Test
	void eachOrganizationOfANetworkAnswersItsOwnDeals() {
		var response = this.graphQl.document("""
				{ network(around: "hut-8", depth: 2) {
				    organizations { key deals(first: 100) { totalCount edges { node { key } } } }
				    deals { key from { key } }
				} }
				""").execute();
		List<String> organizations = response.path("network.organizations[*].key").entityList(String.class).get();
		assertThat(organizations).hasSizeGreaterThan(5);
		for (int i = 0; i < organizations.size(); i++) {
			TreeSet<String> expected = this.graph.visibleDealsOf(organizations.get(i));
			response.path("network.organizations[" + i + "].deals.edges[*].node.key")
				.entityList(String.class)
				.satisfies((keys) -> assertThat(new TreeSet<>(keys)).isEqualTo(expected))
				.path("network.organizations[" + i + "].deals.totalCount")
				.entity(Integer.class)
				.isEqualTo(expected.size());
		}
	}

	@Test
	void eachOrganizationOnAPathAnswersItsOwnDealsWhicheverWayThePathsWereFound() {
		for (String arguments : List.of("from: \"coatue\", to: \"anthropic\"",
				"from: \"coatue\", to: \"anthropic\", directed: true")) {
			var response = this.graphQl.document("{ pathsBetween(" + arguments + """
					) { paths {
					    organizations { key deals(first: 100) { totalCount edges { node { key } } } }
					    deals { key from { key } to { key } }
					} } }
					""").execute();
			int paths = response.path("pathsBetween.paths").entityList(Object.class).get().size();
			assertThat(paths).as(arguments).isGreaterThan(0);
			for (int i = 0; i < paths; i++) {
				String at = "pathsBetween.paths[" + i + "]";
				List<String> organizations = response.path(at + ".organizations[*].key").entityList(String.class).get();
				for (int j = 0; j < organizations.size(); j++) {
					TreeSet<String> expected = this.graph.visibleDealsOf(organizations.get(j));
					response.path(at + ".organizations[" + j + "].deals.edges[*].node.key")
						.entityList(String.class)
						.satisfies((keys) -> assertThat(new TreeSet<>(keys)).isEqualTo(expected));
				}
				// deals[j] links organizations j and j+1, either way round
				List<String> froms = response.path(at + ".deals[*].from.key").entityList(String.class).get();
				List<String> tos = response.path(at + ".deals[*].to.key").entityList(String.class).get();
				for (int j = 0; j < froms.size(); j++) {
					assertThat(List.of(froms.get(j), tos.get(j))).containsExactlyInAnyOrder(organizations.get(j),
							organizations.get(j + 1));
				}
			}
		}
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

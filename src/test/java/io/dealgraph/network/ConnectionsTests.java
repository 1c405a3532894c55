package io.dealgraph.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class ConnectionsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void coatueReachesAnthropicThroughHut8WithEvidenceOnEveryHop() {
		var paths = Examples.using(this.graphQl)
			.documentName("howIsCoatueConnectedToAnthropic")
			.execute()
			.path("connections")
			.entityList(Map.class)
			.get();
		assertThat(paths).isNotEmpty();
		Map<?, ?> shortest = paths.getFirst();
		assertThat(ids((List<?>) shortest.get("organizations"))).containsExactly("coatue", "hut-8", "anthropic");
		assertThat((List<?>) shortest.get("deals")).hasSize(2)
			.allSatisfy((deal) -> assertThat((List<?>) ((Map<?, ?>) deal).get("sources")).isNotEmpty());
		assertThat(paths).extracting((path) -> (Integer) path.get("length")).isSorted();
		int shortestLength = this.cypher.read("""
				MATCH p = shortestPath((:Organization {id: 'coatue'})-[:FROM|TO*..8]-(:Organization {id: 'anthropic'}))
				RETURN size([n IN nodes(p) WHERE n:Deal]) AS length
				""", Map.of()).getFirst().get("length").asInt();
		assertThat(shortest.get("length")).isEqualTo(shortestLength);
	}

	@Test
	void everyHopLinksTheOrganizationsOnEitherSideOfIt() {
		var paths = this.graphQl.document("""
				{ connections(from: "nvidia", to: "hut-8", first: 5) {
				    length organizations { id } deals { from { id } to { id } } } }
				""").execute().path("connections").entityList(Map.class).get();
		assertThat(paths).hasSizeGreaterThan(1).allSatisfy((path) -> {
			List<String> organizations = ids((List<?>) path.get("organizations"));
			List<?> deals = (List<?>) path.get("deals");
			assertThat(organizations).hasSize(deals.size() + 1).doesNotHaveDuplicates();
			for (int i = 0; i < deals.size(); i++) {
				Map<?, ?> deal = (Map<?, ?>) deals.get(i);
				assertThat(List.of(id(deal.get("from")), id(deal.get("to"))))
					.containsExactlyInAnyOrder(organizations.get(i), organizations.get(i + 1));
			}
		});
	}

	@Test
	void pathsOfEqualLengthComeInTheOrderOfTheIdsAlongThemOnAnyServer() {
		var paths = this.graphQl.document("""
				{ connections(from: "nvidia", to: "hut-8", first: 5) {
				    length organizations { id } deals { id } } }
				""").execute().path("connections").entityList(Map.class).get();
		List<List<String>> answered = paths.stream()
			.map((path) -> concat(ids((List<?>) path.get("organizations")), ids((List<?>) path.get("deals"))))
			.toList();
		// Every path of up to four deals, as an exhaustive search orders them: by length,
		// then the organizations along it, then its deals.
		List<List<String>> exhaustive = this.cypher.read("""
				MATCH p = (:Organization {id: 'nvidia'})-[:FROM|TO*2..8]-(:Organization {id: 'hut-8'})
				WHERE all(d IN [n IN nodes(p) WHERE n:Deal] WHERE d.retractedAt IS NULL)
				WITH p, [n IN nodes(p) WHERE n:Organization | n.id] AS organizations,
				     [d IN nodes(p) WHERE d:Deal | d.id] AS deals
				ORDER BY length(p), organizations, deals
				LIMIT 5
				RETURN organizations + deals AS ids
				""", Map.of()).stream().map((row) -> row.get("ids").asList((v) -> v.asString())).toList();
		assertThat(answered).isEqualTo(exhaustive);
		List<Object> lengths = paths.stream().map((path) -> path.get("length")).toList();
		assertThat(Set.copyOf(lengths)).as("some paths tie on length, so the order among them is checked")
			.hasSizeLessThan(lengths.size());
	}

	@Test
	void directedPathsFollowDealsFromProviderOrFinancierOnwards() {
		var directed = this.graphQl.document("""
				{ connections(from: "anthropic", to: "coatue", directed: true) { length } }
				""").execute().path("connections").entityList(Map.class).get();
		assertThat(directed).isEmpty();
		var undirected = this.graphQl.document("""
				{ connections(from: "anthropic", to: "coatue") { length } }
				""").execute().path("connections").entityList(Map.class).get();
		assertThat(undirected).isNotEmpty();
	}

	@Test
	void placeholdersCanBeLeftOut() {
		var paths = this.graphQl.document("""
				{ connections(from: "google", to: "hut-8", maxHops: 3, first: 10, excludeUndisclosed: true) {
				    organizations { id undisclosed } } }
				""").execute().path("connections[*].organizations[*].undisclosed").entityList(Boolean.class).get();
		assertThat(paths).isNotEmpty().containsOnly(false);
	}

	@Test
	void moreThanSixHopsIsABadRequest() {
		this.graphQl.document("{ connections(from: \"coatue\", to: \"anthropic\", maxHops: 7) { length } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static List<String> ids(List<?> organizations) {
		return organizations.stream().map(ConnectionsTests::id).toList();
	}

	private static String id(Object organization) {
		return (String) ((Map<?, ?>) organization).get("id");
	}

}

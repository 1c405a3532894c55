package io.dealgraph.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

import io.dealgraph.deal.Deal;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
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
		var response = Examples.using(this.graphQl).documentName("howIsCoatueConnectedToAnthropic").execute();
		response.path("pathsBetween.truncated").entity(Boolean.class).isEqualTo(false);
		var paths = response.path("pathsBetween.paths").entityList(Map.class).get();
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

	/**
	 * The search finds the shortest length by allShortestPaths and searches on from both
	 * ends when that length has too few paths, or for directed paths; either way the
	 * answer must be what an exhaustive enumeration of every path gives: all paths of at
	 * most 4 deals that never pass an organization twice, by length, then the ids along
	 * them, the first 5. Checked for every pair among the organizations with the most
	 * deals, hubs included, with a deal-type filter and following deals' direction.
	 */
	@Test
	void theAnswerIsTheFirstOfEveryPathByLengthAndIdsAsAnExhaustiveSearchGivesIt() {
		List<String> busiest = this.cypher.read("""
				MATCH (o:Organization) RETURN o.id AS id ORDER BY COUNT { (o)<-[:FROM|TO]-(:Deal) } DESC, o.id LIMIT 9
				""", Map.of()).stream().map((row) -> row.get("id").asString()).toList();
		int compared = 0;
		for (String from : busiest) {
			for (String to : busiest) {
				if (from.compareTo(to) < 0) {
					for (List<String> types : List.of(List.<String>of(), List.of("PARTNERSHIP", "FINANCING"))) {
						assertThat(served(from, to, types, false)).as("%s to %s over %s", from, to, types)
							.isEqualTo(exhaustive(from, to, types, false));
						compared++;
					}
					assertThat(served(from, to, List.of(), true)).as("%s to %s, directed", from, to)
						.isEqualTo(exhaustive(from, to, List.of(), true));
					assertThat(served(to, from, List.of(), true)).as("%s to %s, directed", to, from)
						.isEqualTo(exhaustive(to, from, List.of(), true));
					compared += 2;
				}
			}
		}
		assertThat(compared).isEqualTo(144);
	}

	private List<String> served(String from, String to, List<String> types, boolean directed) {
		var response = this.graphQl.document("""
				query($from: ID!, $to: ID!, $types: [DealType!], $directed: Boolean) {
				  pathsBetween(from: $from, to: $to, maxHops: 4, first: 5, dealTypes: $types, directed: $directed) {
				    truncated paths { organizations { key } deals { key } } } }
				""")
			.variable("from", from)
			.variable("to", to)
			.variable("types", types.isEmpty() ? null : types)
			.variable("directed", directed)
			.execute();
		response.path("pathsBetween.truncated").entity(Boolean.class).isEqualTo(false);
		return response.path("pathsBetween.paths")
			.entityList(Map.class)
			.get()
			.stream()
			.map((path) -> ids((List<?>) path.get("organizations")) + " " + ids((List<?>) path.get("deals")))
			.toList();
	}

	private List<String> exhaustive(String from, String to, List<String> types, boolean directed) {
		String hop = directed ? "(:Organization)<-[:FROM]-(d:Deal)-[:TO]->(:Organization)"
				: "(:Organization)<-[:FROM|TO]-(d:Deal)-[:FROM|TO]->(:Organization)";
		return this.cypher
			.read("""
					MATCH p = (:Organization {id: $from})(%s){1,4}(:Organization {id: $to})
					WHERE all(deal IN d WHERE deal.retractedAt IS NULL
					          AND (size($types) = 0 OR any(t IN $types WHERE
					               (t = 'PARTNERSHIP' AND deal:Partnership) OR (t = 'FINANCING' AND deal:Financing))))
					WITH [n IN nodes(p) WHERE n:Organization | n.id] AS organizations, [n IN nodes(p) WHERE n:Deal | n.id] AS deals
					WHERE all(i IN range(0, size(organizations) - 2) WHERE NOT organizations[i] IN organizations[i + 1..])
					ORDER BY size(deals), organizations, deals
					LIMIT 5
					RETURN organizations, deals
					"""
				.formatted(hop), Map.of("from", from, "to", to, "types", types))
			.stream()
			.map((row) -> row.get("organizations").asList(Value::asString) + " "
					+ row.get("deals").asList(Value::asString))
			.toList();
	}

	@Test
	void everyHopLinksTheOrganizationsOnEitherSideOfIt() {
		var paths = this.graphQl.document("""
				{ pathsBetween(from: "nvidia", to: "hut-8", first: 5) { paths {
				    length organizations { key } deals { from { key } to { key } } } } }
				""").execute().path("pathsBetween.paths").entityList(Map.class).get();
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
				{ pathsBetween(from: "nvidia", to: "hut-8", first: 5) { paths {
				    length organizations { key } deals { key } } } }
				""").execute().path("pathsBetween.paths").entityList(Map.class).get();
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
				WHERE all(i IN range(0, size(organizations) - 2) WHERE NOT organizations[i] IN organizations[i + 1..])
				ORDER BY length(p), organizations, deals
				LIMIT 5
				RETURN organizations + deals AS ids
				""", Map.of()).stream().map((row) -> row.get("ids").asList((v) -> v.asString())).toList();
		assertThat(answered).isEqualTo(exhaustive);
		List<Object> lengths = paths.stream().map((path) -> path.get("length")).toList();
		assertThat(Set.copyOf(lengths)).as("some paths tie on length, so the order among them is checked")
			.hasSizeLessThan(lengths.size());
	}

	/**
	 * The bound, set low enough to bite, on the seed graph in Neo4j: each answer is the
	 * exact one or says it was cut, and the paths of a cut answer are real all the same.
	 */
	@Test
	void aSearchCutByItsBoundSaysSoAndAnUncutOneIsExact() {
		List<String> expected = exhaustive("nvidia", "hut-8", List.of(), false);
		int cut = 0;
		int exact = 0;
		for (long bound : List.of(0L, 10L, 100L, 1_000L, 100_000L)) {
			var queries = new NetworkQueries(this.cypher, bound);
			PathSearch search = queries.connections("nvidia", "hut-8", 4, EnumSet.allOf(DealType.class), 5, false,
					false, View.of(null, null));
			List<String> answered = search.paths()
				.stream()
				.map((path) -> path.organizations().stream().map(Organization::id).toList() + " "
						+ path.deals().stream().map(Deal::id).toList())
				.toList();
			if (search.truncated()) {
				cut++;
				assertThat(search.paths()).allSatisfy((path) -> assertThat(path.deals()).hasSize(path.length()));
			}
			else {
				exact++;
				assertThat(answered).as("bound %d", bound).isEqualTo(expected);
			}
		}
		assertThat(cut).as("the bound bit").isPositive();
		assertThat(exact).as("the bound left room").isPositive();
	}

	@Test
	void theDeprecatedListAnswersThePathsOfTheSearch() {
		var list = this.graphQl.document("{ connections(from: \"nvidia\", to: \"hut-8\") { deals { key } } }")
			.execute()
			.path("connections[*].deals[*].key")
			.entityList(String.class)
			.get();
		var search = this.graphQl
			.document("{ pathsBetween(from: \"nvidia\", to: \"hut-8\") { paths { deals { key } } } }")
			.execute()
			.path("pathsBetween.paths[*].deals[*].key")
			.entityList(String.class)
			.get();
		assertThat(list).isNotEmpty().isEqualTo(search);
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
				    organizations { key undisclosed } } }
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
		return (String) ((Map<?, ?>) organization).get("key");
	}

}

package io.dealgraph.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

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

	/**
	 * The search finds the shortest length from both ends and falls back to SHORTEST k
	 * only when that length has too few paths; either way the answer must be what an
	 * exhaustive enumeration of every path gives: all paths of at most 4 deals, by
	 * length, then the ids along them, the first 5. Checked for every pair among the
	 * organizations with the most deals, hubs included, and with a deal-type filter.
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
						assertThat(served(from, to, types)).as("%s to %s over %s", from, to, types)
							.isEqualTo(exhaustive(from, to, types));
						compared++;
					}
				}
			}
		}
		assertThat(compared).isEqualTo(72);
	}

	private List<String> served(String from, String to, List<String> types) {
		return this.graphQl.document("""
				query($from: ID!, $to: ID!, $types: [DealType!]) {
				  connections(from: $from, to: $to, maxHops: 4, first: 5, dealTypes: $types) {
				    organizations { id } deals { id } } }
				""")
			.variable("from", from)
			.variable("to", to)
			.variable("types", types.isEmpty() ? null : types)
			.execute()
			.path("connections")
			.entityList(Map.class)
			.get()
			.stream()
			.map((path) -> ids((List<?>) path.get("organizations")) + " " + ids((List<?>) path.get("deals")))
			.toList();
	}

	private List<String> exhaustive(String from, String to, List<String> types) {
		return this.cypher
			.read("""
					MATCH p = (:Organization {id: $from})((:Organization)<-[:FROM|TO]-(d:Deal)-[:FROM|TO]->(:Organization)){1,4}(:Organization {id: $to})
					WHERE all(deal IN d WHERE deal.retractedAt IS NULL
					          AND (size($types) = 0 OR any(t IN $types WHERE
					               (t = 'PARTNERSHIP' AND deal:Partnership) OR (t = 'FINANCING' AND deal:Financing))))
					WITH [n IN nodes(p) WHERE n:Organization | n.id] AS organizations, [n IN nodes(p) WHERE n:Deal | n.id] AS deals
					ORDER BY size(deals), organizations, deals
					LIMIT 5
					RETURN organizations, deals
					""",
					Map.of("from", from, "to", to, "types", types))
			.stream()
			.map((row) -> row.get("organizations").asList(Value::asString) + " "
					+ row.get("deals").asList(Value::asString))
			.toList();
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

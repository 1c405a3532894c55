package io.dealgraph.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.Relationship;
import io.dealgraph.support.Connections;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside every relationship list, its connection holds every party, in the list's order,
 * both ways, with their count, as the same question in plain Cypher answers it: for each
 * field, on the organization of the seed that has the most such parties.
 */
@RunsDealgraph
class RelationshipConnectionsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void everyRelationshipConnectionPagesThroughEveryPartyBothWaysWithItsCount() {
		List<Relationship.Field> lists = java.util.Arrays.stream(Relationship.values())
			.flatMap((row) -> row.field().stream())
			.filter((field) -> !field.latest())
			.toList();
		assertThat(lists.stream().map(Relationship.Field::name))
			.containsExactlyInAnyOrderElementsOf(RelationshipAnswersTests.LIST_FIELDS.keySet());
		for (Relationship.Field field : lists) {
			String pattern = RelationshipAnswersTests.LIST_FIELDS.get(field.name());
			String busiest = this.graph.rows("MATCH (o:Organization) CALL (o) { " + pattern
					+ " RETURN count(DISTINCT x) AS n } WITH o, n WHERE n > 0 RETURN o.id AS id ORDER BY n DESC, o.id LIMIT 1",
					Map.of())
				.getFirst()
				.get("id");
			List<String> expected = this.graph
				.rows("MATCH (o:Organization {id: $id}) " + pattern
						+ " WITH DISTINCT x RETURN x.id AS id ORDER BY x.name, x.id", Map.of("id", busiest))
				.stream()
				.map((row) -> row.get("id"))
				.toList();
			String connection = "organization.%s".formatted(field.connectionName());
			List<String> walked = Connections.walkBothWays(this.graphQl, connection, "organization(id: \"" + busiest
					+ "\") { " + field.connectionName() + "(" + Connections.PAGE_ARGUMENTS + ")", 2, "}");
			assertThat(walked).as(field.name() + " of " + busiest).isEqualTo(expected);
			this.graphQl
				.document("{ organization(id: \"" + busiest + "\") { " + field.connectionName()
						+ "(first: 1) { totalCount } " + field.name() + " { key } } }")
				.execute()
				.path("organization." + field.connectionName() + ".totalCount")
				.entity(Integer.class)
				.isEqualTo(expected.size())
				.path("organization." + field.name() + "[*].key")
				.entityList(String.class)
				.isEqualTo(expected);
		}
	}

}

package io.dealgraph.paging;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Connections;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection pages both ways: walked forward with {@code first}/{@code after} and
 * backward with {@code last}/{@code before}, over the whole list, it gives the same rows
 * in the same order, each once, and the rows that independent Cypher finds.
 */
@RunsDealgraph
class PagingBothWaysTests {

	private static final String PAGE_ARGUMENTS = Connections.PAGE_ARGUMENTS;

	private static final String VARIABLES = Connections.VARIABLES;

	private static final String EDGES = Connections.EDGES;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void organizationsByNameBothWaysAreTheOrganizationsInNameOrder() {
		List<String> forward = walkBothWays("organizations", "organizations(" + PAGE_ARGUMENTS + ")", 7);
		assertThat(forward)
			.isEqualTo(this.graph.rows("MATCH (o:Organization) RETURN o.id AS id ORDER BY o.name, o.id", Map.of())
				.stream()
				.map((row) -> row.get("id"))
				.toList());
	}

	@Test
	void organizationsByNameDescendingBothWays() {
		List<String> forward = walkBothWays("organizations",
				"organizations(orderBy: [{field: NAME, direction: DESC}], " + PAGE_ARGUMENTS + ")", 9);
		assertThat(forward)
			.isEqualTo(this.graph.rows("MATCH (o:Organization) RETURN o.id AS id ORDER BY o.name DESC, o.id", Map.of())
				.stream()
				.map((row) -> row.get("id"))
				.toList());
	}

	@Test
	void dealsByDateAndByAmountWithTheUnknownLastBothWays() {
		TreeSet<String> standing = this.graph.ids("""
				MATCH (:Organization)<-[:FROM]-(r:Deal)-[:TO]->(:Organization)
				WHERE r.retractedAt IS NULL
				RETURN r.id AS id
				""");
		assertThat(walkBothWays("deals", "deals(" + PAGE_ARGUMENTS + ")", 8))
			.containsExactlyInAnyOrderElementsOf(standing);
		assertThat(
				walkBothWays("deals", "deals(orderBy: [{field: AMOUNT, direction: DESC}], " + PAGE_ARGUMENTS + ")", 11))
			.containsExactlyInAnyOrderElementsOf(standing);
	}

	@Test
	void anOrganizationsDealsBothWays() {
		List<String> deals = walkBothWays("organization.deals",
				"organization(id: \"core-scientific\") { deals(" + PAGE_ARGUMENTS + ")", 2, "}");
		assertThat(deals).hasSizeGreaterThan(4).containsExactlyInAnyOrderElementsOf(this.graph.ids("""
				MATCH (r:Deal)-[:FROM|TO]->(:Organization {id: 'core-scientific'})
				WHERE r.retractedAt IS NULL
				RETURN DISTINCT r.id AS id
				"""));
	}

	@Test
	void sitesAndASitesDealsBothWays() {
		assertThat(walkBothWays("sites", "sites(" + PAGE_ARGUMENTS + ")", 2))
			.isEqualTo(this.graph.rows("MATCH (s:Site) RETURN s.id AS id ORDER BY s.name, s.id", Map.of())
				.stream()
				.map((row) -> row.get("id"))
				.toList());
		assertThat(walkBothWays("site.deals", "site(id: \"lake-mariner\") { deals(" + PAGE_ARGUMENTS + ")", 2, "}"))
			.hasSizeGreaterThan(4)
			.containsExactlyInAnyOrderElementsOf(this.graph.ids(
					"MATCH (:Site {id: 'lake-mariner'})<-[:AT]-(r:Deal) WHERE r.retractedAt IS NULL RETURN r.id AS id"));
	}

	@Test
	void theAuditLogBothWays() {
		List<String> changes = walkBothWays("changes", "changes(" + PAGE_ARGUMENTS + ")", 25);
		assertThat(changes).containsExactlyInAnyOrderElementsOf(this.graph.ids("MATCH (c:Change) RETURN c.id AS id"));
	}

	@Test
	void theTimelineBothWaysIsTheTimelineListInFullWithItsCount() {
		String event = "edges { cursor node { on kind deal { key } } } "
				+ "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
		String document = "query(" + VARIABLES + ") { timelineConnection(" + PAGE_ARGUMENTS + ") { " + event + " } }";
		List<String> forward = new java.util.ArrayList<>();
		List<String> backward = new java.util.ArrayList<>();
		String after = null;
		do {
			var response = this.graphQl.document(document)
				.variables((after == null) ? Map.of("first", 13) : Map.of("first", 13, "after", after))
				.execute();
			forward.addAll(events(response, "timelineConnection.edges[*].node"));
			after = response.path("timelineConnection.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("timelineConnection.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		String before = null;
		do {
			var response = this.graphQl.document(document)
				.variables((before == null) ? Map.of("last", 13) : Map.of("last", 13, "before", before))
				.execute();
			backward.addAll(0, events(response, "timelineConnection.edges[*].node"));
			before = response.path("timelineConnection.pageInfo.hasPreviousPage").entity(Boolean.class).get()
					? response.path("timelineConnection.pageInfo.startCursor").entity(String.class).get() : null;
		}
		while (before != null);
		var list = this.graphQl
			.document("{ timeline(first: 500) { on kind deal { key } } "
					+ "timelineConnection(first: 1) { totalCount } }")
			.execute();
		List<String> inFull = events(list, "timeline");
		assertThat(inFull).hasSizeLessThan(500);
		assertThat(forward).isEqualTo(inFull);
		assertThat(backward).isEqualTo(inFull);
		list.path("timelineConnection.totalCount").entity(Integer.class).isEqualTo(inFull.size());
		assertThat(inFull).hasSize(this.graph.rows("""
				MATCH (:Organization)<-[:FROM]-(r:Deal)-[:TO]->(:Organization) WHERE r.retractedAt IS NULL
				RETURN toString(sum(size(r.statusHistory))) AS n
				""", Map.of()).getFirst().get("n").transform(Integer::parseInt));
	}

	private static List<String> events(org.springframework.graphql.test.tester.GraphQlTester.Response response,
			String path) {
		return response.path(path)
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> node.get("on") + " " + node.get("kind") + " " + ((Map<?, ?>) node.get("deal")).get("key"))
			.toList();
	}

	@Test
	void aForwardCursorServesAsBeforeAndABackwardOneAsAfter() {
		List<String> all = walkBothWays("organizations", "organizations(" + PAGE_ARGUMENTS + ")", 100);
		String document = "query(" + VARIABLES + ") { organizations(" + PAGE_ARGUMENTS + ") { " + EDGES + " } }";
		var secondPage = this.graphQl.document(document)
			.variable("first", 5)
			.variable("after", page(document, Map.of("first", 5)).endCursor())
			.execute();
		String secondStart = secondPage.path("organizations.pageInfo.startCursor").entity(String.class).get();
		Connections.Page before = page(document, Map.of("last", 3, "before", secondStart));
		assertThat(before.ids()).isEqualTo(all.subList(2, 5));
		assertThat(page(document, Map.of("first", 2, "after", before.startCursor())).ids())
			.isEqualTo(all.subList(3, 5));
	}

	@Test
	void firstWithLastOrAfterWithBeforeIsABadRequest() {
		String document = "query(" + VARIABLES + ") { organizations(" + PAGE_ARGUMENTS + ") { " + EDGES + " } }";
		String cursor = page(document, Map.of("first", 2)).endCursor();
		for (Map<String, Object> mixed : List.<Map<String, Object>>of(Map.of("first", 2, "last", 2),
				Map.of("last", 2, "after", cursor), Map.of("first", 2, "before", cursor), Map.of("last", 101))) {
			this.graphQl.document(document)
				.variables(mixed)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).as(mixed.toString())
					.singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		}
	}

	private List<String> walkBothWays(String path, String field, int size) {
		return Connections.walkBothWays(this.graphQl, path, field, size, "");
	}

	private List<String> walkBothWays(String path, String field, int size, String close) {
		return Connections.walkBothWays(this.graphQl, path, field, size, close);
	}

	private Connections.Page page(String document, Map<String, Object> variables) {
		return Connections.page(this.graphQl, document, "organizations", variables);
	}

}

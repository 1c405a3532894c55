package io.dealgraph.read;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level reads answer a whole selection from one statement; the network and the
 * other fields load each nested level on its own. Asked the same selection, the two paths
 * must give the same answer, to the last cursor.
 */
@RunsDealgraph
class CompiledReadsTests {

	/**
	 * Every nested field the read compiler reads, at three levels, with aliases, a
	 * variable and fragments on one kind.
	 */
	private static final String EVERYTHING_BENEATH = """
			fragment Beneath on Organization {
			  key name
			  deals(first: $first, types: [FINANCING, PARTNERSHIP, SUPPLY]) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node {
			      key type announcedOn status sources { url confidence }
			      from { key financiers { key } acquirer { key } older: deals(first: 2, direction: INCOMING) { edges { node { key } } } }
			      to { key parent { key } facts { attribute value asOf } }
			    } }
			  }
			  incoming: deals(direction: INCOMING, first: 3) { edges { node { key } } }
			  customers { key kind ... on AIFirm { providers { key } } }
			  ... on Miner { minerCustomers: customers { key name } }
			  financiers { key financed { key } }
			  financiersConnection(first: 2) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { key name customersConnection(last: 1) { totalCount edges { cursor node { key } } } } }
			  }
			  lastCustomers: customersConnection(last: 2) { pageInfo { hasPreviousPage startCursor } edges { node { key } } }
			  acquirer { key }
			  parent { key }
			  facts { attribute value unit asOf source { url confidence } }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void anOrganizationReadInOneStatementIsTheOneTheNetworkLoadsLevelByLevel() {
		for (String id : List.of("core-scientific", "hut-8", "coreweave", "northern-data")) {
			long before = this.cypher.statementCount();
			Map<?, ?> compiled = read("query($id: ID!, $first: Int) { organization(id: $id) { ...Beneath } }", "id", id,
					"organization");
			assertThat(this.cypher.statementCount() - before).as("statements for " + id).isEqualTo(1);
			// The network's organizations load each nested level on its own; the centre
			// comes first.
			Map<?, ?> loaded = read(
					"query($id: ID!, $first: Int) { network(around: $id) { organizations { ...Beneath } } }", "id", id,
					"network.organizations[0]");
			assertThat(compiled).as(id).isEqualTo(loaded);
			assertThat(((Map<?, ?>) compiled.get("incoming")).get("edges")).as(id).asList().isNotEmpty();
		}
	}

	@Test
	void aNodeReadByItsGlobalIdReadsWhatTheOrganizationReadsInOneStatement() {
		for (String id : List.of("core-scientific", "hut-8", "coreweave")) {
			Map<?, ?> compiled = read("query($id: ID!, $first: Int) { organization(id: $id) { ...Beneath } }", "id", id,
					"organization");
			long before = this.cypher.statementCount();
			Map<?, ?> node = read("query($id: ID!, $first: Int) { node(id: $id) { ...Beneath } }", "id",
					"Organization:" + id, "node");
			assertThat(this.cypher.statementCount() - before).as("statements for the node of " + id).isEqualTo(1);
			assertThat(node).as(id).isEqualTo(compiled);
		}
	}

	@Test
	void aSearchHitReadsWhatTheOrganizationReadsInOneStatement() {
		for (String id : List.of("core-scientific", "hut-8", "coreweave")) {
			Map<?, ?> compiled = read("query($id: ID!, $first: Int) { organization(id: $id) { ...Beneath } }", "id", id,
					"organization");
			long before = this.cypher.statementCount();
			Map<?, ?> hit = read("query($name: String!, $first: Int) { search(text: $name, first: 1) { ...Beneath } }",
					"name", compiled.get("name"), "search[0]");
			assertThat(this.cypher.statementCount() - before).as("statements for searching " + id).isEqualTo(1);
			assertThat(hit).as(id).isEqualTo(compiled);
		}
	}

	private Map<?, ?> read(String query, String variable, Object value, String path) {
		return this.graphQl.document(query + EVERYTHING_BENEATH)
			.variable(variable, value)
			.variable("first", 8)
			.execute()
			.path(path)
			.entity(Map.class)
			.get();
	}

	@Test
	void anAsOfViewReachesEveryLevelOfTheStatement() {
		String document = """
				query($id: ID!, $asOf: PartialDate) {
				  organizations(where: {id: $id}, asOf: $asOf) { edges { node {
				    deals(first: 100) { totalCount edges { node { key to { key financiers { key } } } } }
				    customers { key }
				    financiers { key }
				  } } }
				}
				""";
		Map<?, ?> now = node(document, "core-scientific", null);
		Map<?, ?> then = node(document, "core-scientific", "2024-06");
		int dealsNow = (Integer) ((Map<?, ?>) now.get("deals")).get("totalCount");
		int dealsThen = (Integer) ((Map<?, ?>) then.get("deals")).get("totalCount");
		assertThat(dealsThen).isPositive().isLessThan(dealsNow);
		assertThat(list(now.get("customers"))).containsAll(list(then.get("customers")));
		// Three levels down, each party's financiers are those the view gives it at the
		// top level.
		for (Object edge : list(((Map<?, ?>) then.get("deals")).get("edges"))) {
			Map<?, ?> to = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("to");
			Map<?, ?> same = node(document, (String) to.get("key"), "2024-06");
			assertThat(to.get("financiers")).as((String) to.get("key")).isEqualTo(same.get("financiers"));
		}
	}

	@Test
	void aRefusedNestedPageIsRefusedOnItsOwnField() {
		this.graphQl.document("""
				{ organization(id: "hut-8") { name deals(first: 5, after: "not a cursor") { totalCount } } }
				""").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.getFirst().getPath()).isEqualTo("organization.deals");
			assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST");
		}).path("organization").valueIsNull();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	private Map<?, ?> node(String document, String id, String asOf) {
		return this.graphQl.document(document)
			.variable("id", id)
			.variable("asOf", asOf)
			.execute()
			.path("organizations.edges[0].node")
			.entity(Map.class)
			.get();
	}

}

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

	/**
	 * Every nested field the read compiler reads beneath a site and a deal's sites and
	 * related deals, three levels down.
	 */
	private static final String SITES_BENEATH = """
			fragment SiteBeneath on Site {
			  key name aliases country region capacity { mw basis qualifier } confidence sources { url confidence }
			  operator { key name financiers { key } deals(first: 2) { totalCount edges { cursor node { key } } } }
			  deals(first: 4) {
			    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { key type sites { key operator { key } } related { reason deal { key from { key } } } to { key } } }
			  }
			  latest: deals(last: 2) { pageInfo { hasPreviousPage startCursor } edges { node { key } } }
			}
			fragment DealBeneath on Deal {
			  key type status
			  sites { key name operator { key } deals(first: 2) { totalCount edges { node { key to { key } } } } }
			  related { reason deal { key announcedOn from { key financiers { key } } sites { key } related { reason deal { key } } } }
			  to { key customers { key } }
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
	void aSiteReadInOneStatementIsTheOneTheNetworkLoadsLevelByLevel() {
		for (String id : List.of("lake-mariner", "abernathy")) {
			long before = this.cypher.statementCount();
			Map<?, ?> compiled = (Map<?, ?>) readSites("query($id: ID!) { site(id: $id) { ...SiteBeneath } }", id,
					"site");
			assertThat(this.cypher.statementCount() - before).as("statements for " + id).isEqualTo(1);
			// A network's sites load each nested level on their own.
			List<Object> loaded = list(readSites("query { network(around: \"terawulf\") { sites { ...SiteBeneath } } }",
					null, "network.sites"));
			assertThat(loaded).as(id).contains(compiled);
			assertThat(list(((Map<?, ?>) compiled.get("deals")).get("edges"))).as(id).isNotEmpty();
		}
	}

	@Test
	void aDealsSitesAndRelatedDealsReadInOneStatementAreTheOnesLoadedLevelByLevel() {
		// Under two aliases, a network's deals are read whole and each nested level loads
		// on its own.
		List<Object> loaded = list(
				readSites("query { network(around: \"terawulf\") { deals { ...DealBeneath } again: deals { key } } }",
						null, "network.deals"));
		int compared = 0;
		for (Object deal : loaded) {
			Map<?, ?> one = (Map<?, ?>) deal;
			if (list(one.get("sites")).isEmpty() && list(one.get("related")).isEmpty()) {
				continue;
			}
			long before = this.cypher.statementCount();
			Object compiled = readSites("query($id: ID!) { deal(id: $id) { ...DealBeneath } }", (String) one.get("key"),
					"deal");
			assertThat(this.cypher.statementCount() - before).isEqualTo(1);
			assertThat(compiled).as((String) one.get("key")).isEqualTo(one);
			compared++;
		}
		assertThat(compared).isGreaterThanOrEqualTo(4);
	}

	private Object readSites(String query, String id, String path) {
		int deal = SITES_BENEATH.indexOf("fragment DealBeneath");
		String document = query
				+ (query.contains("SiteBeneath") ? SITES_BENEATH.substring(0, deal) : SITES_BENEATH.substring(deal));
		var request = this.graphQl.document(document);
		if (id != null) {
			request = request.variable("id", id);
		}
		return request.execute().path(path).entity(Object.class).get();
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

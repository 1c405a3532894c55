package io.dealgraph.neo4j;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import io.dealgraph.support.Editors;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query field costs one Cypher statement, however deep its selection and however many
 * results each level has, and a mutation one more than its writes for whatever its
 * response nests. Statements are counted at the driver, so none goes uncounted.
 */
@RunsDealgraph
@RemovesItsWrites
class RoundTripTests {

	private static final String THREE_LEVELS = """
			query($first: Int) {
			  organizations(first: $first) {
			    edges { node { key
			      deals(first: 5) { edges { node { key from { key
			        financiers { key
			          deals(first: 2) { totalCount edges { node { key } } }
			        }
			      } } } }
			    } }
			  }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Driver driver;

	@Autowired
	Neo4jClient client;

	@LocalServerPort
	int port;

	@Test
	void everyStatementIsCountedAtTheDriverWhoeverSendsIt() {
		long before = this.cypher.statementCount();
		this.driver.executableQuery("RETURN 1 AS one").execute();
		try (var session = this.driver.session()) {
			session.run("RETURN 1 AS one").consume();
			session.executeRead((tx) -> tx.run("RETURN 1 AS one").consume());
			try (var tx = session.beginTransaction()) {
				tx.run("RETURN 1 AS one").consume();
				tx.commit();
			}
		}
		this.client.query("RETURN 1 AS one").fetch().one();
		assertThat(this.cypher.statementCount() - before).isEqualTo(5);
	}

	@Test
	void theCountIsAMeterOnPrometheus() {
		HttpResponse<String> metrics = new Http(this.port).send("GET", "/actuator/prometheus", "text/plain",
				"Authorization", "Bearer " + TestCredentials.ADMIN_KEY);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern("(?m)^dealgraph_cypher_statements_total(\\{[^}]*})? [1-9]");
	}

	@Test
	void aThreeLevelQueryOverSixtyOrganizationsCostsOneStatement() {
		// organizations, their deals, the financiers of each deal's provider, and the
		// financiers' deals: all in one
		assertThat(statementsFor(60)).isEqualTo(1);
		assertThat(statementsFor(3)).isEqualTo(1);
	}

	@Test
	void anOrganizationWithItsDealsTheirPartiesAndSourcesAndItsFinanciersCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ organization(id: "core-scientific") {
				    name
				    deals(first: 50) { totalCount edges { cursor node {
				      key type from { name } to { name kind } sources { url confidence }
				    } } }
				    financiers { name }
				    facts { attribute value }
				} }
				""")
			.execute()
			.path("organization.deals.edges")
			.entityList(Object.class)
			.hasSizeGreaterThan(5)
			.path("organization.financiers")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aPageOfDealsWithTheirPartiesFinanciersCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ deals(first: 30, where: {type: PARTNERSHIP}) { edges { node {
				    key from { name financiers { name } acquirer { name } } to { name customers { name } }
				} } } }
				""").execute().path("deals.edges").entityList(Object.class).hasSize(30);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aTimelineWithEachDealsPartiesTheirFinanciersAndDealsCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ timeline(first: 60) { on status deal {
				    key from { name financiers { name } deals(first: 3) { totalCount edges { node { key } } } }
				    to { name customers { name } }
				} } }
				""").execute().path("timeline").entityList(Object.class).hasSize(60);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
		before = this.cypher.statementCount();
		this.graphQl.document("""
				{ timelineConnection(of: "core-scientific", first: 20) { totalCount edges { cursor node {
				    on deal { key from { name deals(first: 2) { edges { node { key to { name } } } } } }
				} } } }
				""").execute().path("timelineConnection.edges").entityList(Object.class).hasSizeGreaterThan(5);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aNetworkWithItsOrganizationsFinanciersAndDealsItsDealsPartiesAndItsSitesCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ network(around: "hut-8", depth: 2) {
				    organizations { name financiers { name } deals(first: 3) { totalCount edges { node { key } } } }
				    deals { key from { name acquirer { name } } to { name customers { name } } sites { name } }
				    sites { name operator { name } deals(first: 3) { edges { node { key } } } }
				} }
				""").execute().path("network.organizations").entityList(Object.class).hasSizeGreaterThan(5);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aSiteWithItsOperatorAndItsDealsWithTheirSitesAndRelatedDealsCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ site(id: "lake-mariner") {
				    name operator { name financiers { name } deals(first: 3) { totalCount edges { node { key } } } }
				    deals(first: 20) { totalCount edges { node {
				      key from { name } to { name customers { name } }
				      sites { key operator { name } }
				      related { reason deal { key from { name } sites { key } } }
				    } } }
				} }
				""").execute().path("site.deals.edges").entityList(Object.class).hasSizeGreaterThan(5);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
		before = this.cypher.statementCount();
		this.graphQl.document("""
				{ sites(first: 50) { totalCount edges { node {
				    key operator { name } deals(first: 5) { edges { node { key related { deal { key } } } } }
				} } } }
				""").execute().path("sites.edges").entityList(Object.class).hasSizeGreaterThan(3);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aDealWithItsSitesTheirDealsAndItsRelatedDealsCostsOneStatement() {
		long before = this.cypher.statementCount();
		this.graphQl.document("""
				{ deal(id: "E046") {
				    key sites { name operator { key } deals(first: 10) { edges { node { key to { name } } } } }
				    related { reason deal { key sites { key } related { reason deal { key } } } }
				} }
				""").execute().path("deal.related").entityList(Object.class).hasSizeGreaterThan(1);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
		before = this.cypher.statementCount();
		this.graphQl.document("""
				{ node(id: "Site:lake-mariner") { ... on Site { name operator { name } deals { edges { node {
				    key sites { key } related { deal { key } }
				} } } } } }
				""").execute().path("node.deals.edges").entityList(Object.class).hasSizeGreaterThan(5);
		assertThat(this.cypher.statementCount() - before).isEqualTo(1);
	}

	@Test
	void aMutationReadsWhatItsResponseNestsWithOneStatementInsideItsTransaction() {
		HttpGraphQlTester editor = Editors.editor(this.graphQl);
		long before = this.cypher.statementCount();
		String first = editor
			.document("mutation($input: DealInput!) { recordDeal(input: $input) { key from { key } } }")
			.variable("input", Editors.supplyDeal("nvidia", "hut-8"))
			.execute()
			.path("recordDeal.key")
			.entity(String.class)
			.get();
		long flat = this.cypher.statementCount() - before;
		before = this.cypher.statementCount();
		var recorded = editor
			.document(
					"""
							mutation($input: DealInput!) { recordDeal(input: $input) {
							  key from { key deals(first: 100, types: [SUPPLY]) { totalCount edges { node { key } } } financiers { key } }
							  to { customers { key } } sites { key } related { deal { key } }
							} }
							""")
			.variable("input", Editors.supplyDeal("nvidia", "hut-8"))
			.execute();
		assertThat(this.cypher.statementCount() - before).isEqualTo(flat + 1);
		String second = recorded.path("recordDeal.key").entity(String.class).get();
		// The response shows the graph as the write left it: both new deals among the
		// provider's.
		recorded.path("recordDeal.from.deals.edges[*].node.key").entityList(String.class).contains(first, second);
		recorded.path("recordDeal.from.deals.totalCount").entity(Integer.class).isEqualTo(nvidiasSupplyDeals());

		HttpGraphQlTester admin = Editors.admin(this.graphQl);
		before = this.cypher.statementCount();
		admin.document("mutation($id: ID!) { retractDeal(id: $id, reason: \"a test\") { key } }")
			.variable("id", first)
			.execute();
		flat = this.cypher.statementCount() - before;
		before = this.cypher.statementCount();
		var retracted = admin.document("""
				mutation($id: ID!) { retractDeal(id: $id, reason: "a test") {
				  key from { deals(first: 100, types: [SUPPLY]) { totalCount edges { node { key } } } }
				} }
				""").variable("id", second).execute();
		assertThat(this.cypher.statementCount() - before).isEqualTo(flat + 1);
		retracted.path("retractDeal.from.deals.edges[*].node.key")
			.entityList(String.class)
			.doesNotContain(first, second);
		retracted.path("retractDeal.from.deals.totalCount").entity(Integer.class).isEqualTo(nvidiasSupplyDeals());

		String upsert = "mutation { upsertOrganization(input: {id: \"test-round-trip\", name: \"Test Round Trip\", "
				+ "kind: OTHER}) { key } }";
		// The first upsert creates it; the second, like the nested one, updates it.
		editor.document(upsert).execute();
		before = this.cypher.statementCount();
		editor.document(upsert).execute();
		flat = this.cypher.statementCount() - before;
		before = this.cypher.statementCount();
		editor
			.document("mutation { upsertOrganization(input: {id: \"test-round-trip\", name: \"Test Round Trip\", "
					+ "kind: OTHER}) { key deals { totalCount } financiers { key } facts { attribute } } }")
			.execute()
			.path("upsertOrganization.deals.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		assertThat(this.cypher.statementCount() - before).isEqualTo(flat + 1);
	}

	@Test
	void anImportReadsWhatItsResponseNestsBeneathItsDealsWithOneStatementInsideItsTransaction() {
		HttpGraphQlTester editor = Editors.editor(this.graphQl);
		String flatImport = "mutation($input: [DealInput!]!) { importDeals(input: $input) { count deals { key } } }";
		List<Map<String, Object>> two = List.of(Editors.supplyDeal("nvidia", "hut-8"),
				Editors.supplyDeal("nvidia", "iren"));
		long before = this.cypher.statementCount();
		editor.document(flatImport)
			.variable("input", two)
			.execute()
			.path("importDeals.count")
			.entity(Integer.class)
			.isEqualTo(2);
		long flat = this.cypher.statementCount() - before;
		before = this.cypher.statementCount();
		var imported = editor.document("""
				mutation($input: [DealInput!]!) { importDeals(input: $input) { count deals {
				  key from { key deals(first: 100, types: [SUPPLY]) { totalCount } } to { key financiers { key } }
				} } }
				""").variable("input", two).execute();
		assertThat(this.cypher.statementCount() - before).isEqualTo(flat + 1);
		// Each deal's nested fields stand at its own place, in the input's order, as the
		// graph stood after the import.
		imported.path("importDeals.deals[*].to.key").entityList(String.class).containsExactly("hut-8", "iren");
		imported.path("importDeals.deals[1].from.deals.totalCount")
			.entity(Integer.class)
			.isEqualTo(nvidiasSupplyDeals());
	}

	private int nvidiasSupplyDeals() {
		return this.cypher.read("""
				MATCH (:Organization {id: 'nvidia'})<-[:FROM|TO]-(r:Supply) WHERE r.retractedAt IS NULL
				RETURN count(r) AS deals
				""", Map.of()).getFirst().get("deals").asInt();
	}

	@Test
	void aPathSearchCostsTheSameWhateverIsSelectedBeneathItsPaths() {
		for (String arguments : List.of("from: \"coatue\", to: \"anthropic\"",
				"from: \"coatue\", to: \"anthropic\", directed: false, first: 10",
				"from: \"coatue\", to: \"anthropic\", directed: true")) {
			long before = this.cypher.statementCount();
			this.graphQl.document("{ pathsBetween(" + arguments + ") { paths { length } } }").execute();
			long flat = this.cypher.statementCount() - before;
			before = this.cypher.statementCount();
			this.graphQl.document("{ pathsBetween(" + arguments + """
					) { paths {
					    organizations { name financiers { name } deals(first: 2) { edges { node { key } } } }
					    deals { key from { name customers { name } } }
					} } }
					""").execute().path("pathsBetween.paths").entityList(Object.class).hasSizeGreaterThan(0);
			assertThat(this.cypher.statementCount() - before).as(arguments).isEqualTo(flat);
		}
	}

	/**
	 * A path search is one statement whichever way it finds its paths: by
	 * {@code allShortestPaths} alone, or searching on from both ends, undirected for more
	 * paths than the shortest length has (the answer then has paths of several lengths),
	 * or directed.
	 */
	@Test
	void aPathSearchIsOneStatementHoweverItSearches() {
		Map<String, Integer> lengthsFound = Map.of("from: \"coatue\", to: \"anthropic\", first: 1", 1,
				"from: \"hut-8\", to: \"cipher-mining\", first: 10, maxHops: 3", 2,
				"from: \"coatue\", to: \"anthropic\", maxHops: 4, directed: true", 1);
		lengthsFound.forEach((arguments, lengths) -> {
			long before = this.cypher.statementCount();
			List<Integer> found = this.graphQl.document("{ pathsBetween(" + arguments + ") { paths { length } } }")
				.execute()
				.path("pathsBetween.paths[*].length")
				.entityList(Integer.class)
				.get();
			assertThat(this.cypher.statementCount() - before).as(arguments).isEqualTo(1);
			assertThat(found.stream().distinct().count()).as(arguments).isGreaterThanOrEqualTo(lengths);
		});
	}

	private long statementsFor(int organizations) {
		long before = this.cypher.statementCount();
		this.graphQl.document(THREE_LEVELS)
			.variable("first", organizations)
			.execute()
			.path("organizations.edges")
			.entityList(Object.class)
			.hasSize(organizations);
		return this.cypher.statementCount() - before;
	}

}

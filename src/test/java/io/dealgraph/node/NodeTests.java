package io.dealgraph.node;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.editing.DealFileImport;
import io.dealgraph.support.Editors;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay's global object identification: every organization, deal, site and change has a
 * global {@code id}, and {@code node(id:)} and {@code nodes(ids:)} fetch it again by that
 * id, with what a refetchable fragment selects beneath it.
 */
@RunsDealgraph
@RemovesItsWrites
class NodeTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Autowired
	DealFileImport fileImport;

	@LocalServerPort
	int port;

	@Test
	void everyOrganizationDealAndSiteIsFetchedAgainByItsGlobalId() {
		var page = this.graphQl.document("""
				{ organizations(first: 100) { edges { node { id key __typename } } }
				  deals(first: 100) { edges { node { id key __typename } } }
				  sites(first: 100) { edges { node { id key __typename } } } }""").execute();
		List<Map<String, Object>> things = new ArrayList<>();
		things.addAll(page.path("organizations.edges[*].node").entityList(MAP).get());
		things.addAll(page.path("deals.edges[*].node").entityList(MAP).get());
		things.addAll(page.path("sites.edges[*].node").entityList(MAP).get());
		assertThat(things).hasSizeGreaterThan(150);
		for (var thing : things.subList(0, 100)) {
			assertThat((String) thing.get("id")).matches("(Organization|Deal|Site):" + thing.get("key"));
		}
		List<Object> ids = things.stream().map((thing) -> thing.get("id")).limit(100).toList();
		List<Map<String, Object>> refetched = this.graphQl.document("""
				query($ids: [ID!]!) { nodes(ids: $ids) { id __typename
				  ... on Organization { key } ... on Deal { key } ... on Site { key } } }""")
			.variable("ids", ids)
			.execute()
			.path("nodes")
			.entityList(MAP)
			.get();
		assertThat(refetched).isEqualTo(things.subList(0, 100));
	}

	@Test
	void aRefetchedOrganizationAnswersWhatItsOwnFieldAnswers() {
		String selection = """
				key name __typename
				financiersConnection(first: 3) { totalCount edges { node { id name } } }
				deals(first: 2) { edges { node { id key ... on Financing { instrument } from { id } } } }
				facts { attribute value }""";
		Object byNode = this.graphQl.document("{ node(id: \"Organization:hut-8\") { id ... on Organization { "
				+ selection
				+ " } ... on Deal { key amount { amount } } ... on Site { key siteDeals: deals { totalCount } } } }")
			.execute()
			.path("node")
			.entity(MAP)
			.get();
		Map<String, Object> byField = this.graphQl.document("{ organization(id: \"hut-8\") { id " + selection + " } }")
			.execute()
			.path("organization")
			.entity(MAP)
			.get();
		assertThat(byNode).isEqualTo(byField);
		assertThat(byField.get("id")).isEqualTo("Organization:hut-8");
		assertThat(((Map<?, ?>) byField.get("financiersConnection")).get("totalCount")).isEqualTo(this.graph
			.ids("MATCH (x:Organization)<-[:FROM]-(r:Financing)-[:TO]->(:Organization {id: 'hut-8'}) "
					+ "WHERE r.retractedAt IS NULL AND NOT coalesce(r.role, '') IN ['ARRANGER', 'UNDERWRITER'] "
					+ "RETURN x.id AS id")
			.size());
	}

	@Test
	void eachOfSeveralNodesCarriesItsOwnNestedAnswers() {
		String selection = "key financiersConnection(first: 2) { totalCount edges { node { key } } }";
		List<Map<String, Object>> byNodes = this.graphQl
			.document("{ nodes(ids: [\"Organization:hut-8\", \"Deal:E045\", \"Organization:coreweave\"]) { "
					+ "... on Organization { " + selection + " } ... on Deal { key } } }")
			.execute()
			.path("nodes")
			.entityList(MAP)
			.get();
		assertThat(byNodes).hasSize(3);
		assertThat(byNodes.get(1)).isEqualTo(Map.of("key", "E045"));
		for (int i : List.of(0, 2)) {
			String key = (String) byNodes.get(i).get("key");
			assertThat(byNodes.get(i))
				.isEqualTo(this.graphQl.document("{ organization(id: \"" + key + "\") { " + selection + " } }")
					.execute()
					.path("organization")
					.entity(MAP)
					.get());
		}
		assertThat(byNodes.get(0)).isNotEqualTo(byNodes.get(2));
	}

	@Test
	void aDealASiteAndAChangeAreNodesToo() {
		var answer = this.graphQl.document("""
				{ deal: node(id: "Deal:E045") { id __typename ... on Deal { key from { id } } }
				  site: node(id: "Site:lake-mariner") { id __typename ... on Site { key operator { id } } }
				  nothing: node(id: "Organization:no-such-organization") { id } }""").execute();
		assertThat(answer.path("deal").entity(MAP).get()).containsEntry("id", "Deal:E045").containsEntry("key", "E045");
		answer.path("site.id").entity(String.class).isEqualTo("Site:lake-mariner");
		answer.path("site.operator.id").entity(String.class).isEqualTo("Organization:terawulf");
		answer.path("nothing").valueIsNull();
		String change = Editors.editor(this.graphQl)
			.document("mutation { upsertOrganization(input: {id: \"test-node\", name: \"Test Node\", kind: OTHER}) "
					+ "{ id } }")
			.execute()
			.path("upsertOrganization.id")
			.entity(String.class)
			.isEqualTo("Organization:test-node")
			.get();
		Map<String, Object> latest = this.graphQl.document("{ changes(first: 1) { edges { node { id key target } } } }")
			.execute()
			.path("changes.edges[0].node")
			.entity(MAP)
			.get();
		assertThat(latest).containsEntry("id", "Change:" + latest.get("key")).containsEntry("target", "test-node");
		this.graphQl.document("query($id: ID!) { node(id: $id) { id ... on Change { operation target } } }")
			.variable("id", latest.get("id"))
			.execute()
			.path("node")
			.entity(MAP)
			.isEqualTo(Map.of("id", latest.get("id"), "operation", "upsertOrganization", "target", "test-node"));
		assertThat(change).isNotNull();
	}

	@Test
	void aRetractedDealIsNoNode() {
		String deal = this.graph.ids("MATCH (r:Deal) WHERE r.retractedAt IS NOT NULL RETURN r.id AS id")
			.stream()
			.findFirst()
			.orElse(null);
		if (deal == null) {
			var editor = Editors.editor(this.graphQl);
			deal = editor.document(Editors.RECORD_DEAL)
				.variable("input", Editors.supplyDeal("nvidia", "hut-8"))
				.execute()
				.path("recordDeal.key")
				.entity(String.class)
				.get();
			Editors.admin(this.graphQl)
				.document("mutation($id: ID!) { retractDeal(id: $id, reason: \"test\") { key } }")
				.variable("id", deal)
				.execute();
		}
		this.graphQl.document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", "Deal:" + deal)
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void aReadableKeyIsAnsweredWhenOnlyOneThingHasIt() {
		this.graphQl
			.document("{ node(id: \"hut-8\") { id } other: node(id: \"E045\") { id } none: node(id: \"nope\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo("Organization:hut-8")
			.path("other.id")
			.entity(String.class)
			.isEqualTo("Deal:E045")
			.path("none")
			.valueIsNull();
	}

	@Test
	void aReadableKeyThatTwoThingsHaveIsRefusedWithTheirGlobalIds(@TempDir Path folder) throws Exception {
		Editors.editor(this.graphQl)
			.document("mutation { upsertOrganization(input: {id: \"test-shared\", name: \"Test Shared\", kind: OTHER}) "
					+ "{ id } }")
			.execute();
		Path file = folder.resolve("deals.csv");
		Files.writeString(file, "id,type,from,to,announced_on,status,description,source_url,source_confidence\n"
				+ "test-shared,SUPPLY,test-shared,hut-8,2026-01,ANNOUNCED,GPUs,https://example.org/1,HIGH\n");
		assertThat(this.fileImport.run(file, "test", new PrintStream(new ByteArrayOutputStream())).rejected())
			.isEmpty();
		HttpResponse<String> response = new Http(this.port).graphQl("{ node(id: \"test-shared\") { id } }");
		assertThat(Http.code(response)).isEqualTo("BAD_REQUEST");
		assertThat(response.body()).contains("Organization:test-shared").contains("Deal:test-shared");
		this.graphQl.document("{ node(id: \"Deal:test-shared\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo("Deal:test-shared");
	}

	@Test
	void anIdThatIsNeitherFormAndTooManyIdsAreClientsMistakes() {
		for (String query : List.of("{ node(id: \"Miner:hut-8\") { id } }", "{ node(id: \"Deal:\") { id } }",
				"{ nodes(ids: " + Collections.nCopies(101, "\"hut-8\"") + ") { id } }")) {
			HttpResponse<String> response = new Http(this.port).graphQl(query);
			assertThat(Http.code(response)).as(query).isEqualTo("BAD_REQUEST");
			assertThat(response.statusCode()).as(query).isLessThan(500);
		}
	}

}

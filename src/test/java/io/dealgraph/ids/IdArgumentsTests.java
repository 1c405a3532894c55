package io.dealgraph.ids;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Editors;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client holding global ids ({@code Organization:hut-8}, {@code Deal:E011}) can send
 * them wherever an id is taken, and gets the same answer as with the readable keys; a
 * global id of the wrong kind of thing is refused and changes nothing.
 */
@RunsDealgraph
@RemovesItsWrites
class IdArgumentsTests {

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@ParameterizedTest
	@ValueSource(strings = { """
			{ organization(id: "Organization:hut-8") { id key name } }""", """
			{ deal(id: "Deal:E011") { id key type from { id key } to { key } } }""", """
			{ organizations(where: {idIn: ["Organization:hut-8", "coatue"]}) { edges { node { key } } } }""", """
			{ organizations(where: {financedBy: {id: "Organization:coatue"}}) { edges { node { key } } } }""", """
			{ deals(where: {from: {id: "Organization:coatue"}}, first: 50) { edges { node { key } } } }""",
			"""
					{ connections(from: "Organization:coatue", to: "Organization:anthropic", maxHops: 4) { length deals { key } } }""",
			"""
					{ network(around: "Organization:hut-8", depth: 2) { organizations { key } deals { key } } }""", """
					{ timeline(of: "Organization:core-scientific", first: 20) { on kind deal { key } } }""" })
	void aGlobalIdAnswersWhatItsKeyAnswers(String withGlobalIds) {
		String withKeys = withGlobalIds.replace("Organization:", "").replace("Deal:", "");
		Map<?, ?> global = body(new Http(this.port).graphQl(withGlobalIds));
		assertThat(global.get("errors")).isNull();
		assertThat((Map<?, ?>) global.get("data")).allSatisfy((field, answer) -> assertThat(answer).isNotNull()
			.isNotEqualTo(List.of())
			.isNotEqualTo(Map.of("edges", List.of())));
		assertThat(global.get("data")).isEqualTo(body(new Http(this.port).graphQl(withKeys)).get("data"));
	}

	@Test
	void theIdIsGlobalAndTheKeyIsReadable() {
		this.graphQl.document("""
				{ organization(id: "hut-8") { id key deals(first: 1) { edges { node { id key } } } } }""")
			.execute()
			.path("organization.id")
			.entity(String.class)
			.isEqualTo("Organization:hut-8")
			.path("organization.key")
			.entity(String.class)
			.isEqualTo("hut-8")
			.path("organization.deals.edges[0].node.key")
			.entity(String.class)
			.satisfies((key) -> assertThat(key).matches("E\\d+"))
			.path("organization.deals.edges[0].node")
			.entity(Map.class)
			.satisfies((deal) -> assertThat(deal.get("id")).isEqualTo("Deal:" + deal.get("key")));
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			{ organization(id: "Deal:E011") { key } }""", """
			{ deal(id: "Organization:hut-8") { key } }""",
			"""
					{ organizations(where: {OR: [{kind: MINER}, {financedBy: {idIn: ["coatue", "Site:abilene"]}}]}) { edges { node { key } } } }""",
			"""
					{ network(around: "Miner:hut-8") { deals { key } } }""", """
					{ connections(from: "Organization:", to: "coatue") { length } }""" })
	void aGlobalIdOfAnotherKindOfThingIsAClientsMistake(String query) {
		HttpResponse<String> response = new Http(this.port).graphQl(query);
		assertThat(Http.code(response)).isEqualTo("BAD_REQUEST");
		assertThat(response.statusCode()).isLessThan(500);
		assertThat((Map<?, ?>) body(response).get("data")).as("no answer")
			.satisfiesAnyOf((data) -> assertThat(data).isNull(),
					(data) -> assertThat(data.values()).containsOnlyNulls());
		assertThat(response.body()).contains("ids: a key, or a global id", "<key>").doesNotContain("Exception");
	}

	@Test
	void anEditorWritesWithGlobalIdsAndTheGraphKeepsKeys() {
		var editor = Editors.editor(this.graphQl);
		editor.document(
				"""
						mutation { upsertOrganization(input: {id: "Organization:test-ids", name: "Test Ids", kind: MINER}) { key } }""")
			.execute()
			.path("upsertOrganization.key")
			.entity(String.class)
			.isEqualTo("test-ids");
		String dealId = editor.document(Editors.RECORD_DEAL)
			.variable("input", Editors.supplyDeal("Organization:test-ids", "Organization:coreweave"))
			.execute()
			.path("recordDeal.to.key")
			.entity(String.class)
			.isEqualTo("coreweave")
			.path("recordDeal.key")
			.entity(String.class)
			.get();
		editor.document(
				"""
						mutation($id: ID!) { addSource(dealId: $id, source: {url: "https://example.org/more", confidence: MEDIUM}) { sources { url } } }""")
			.variable("id", "Deal:" + dealId)
			.execute()
			.path("addSource.sources[*].url")
			.entityList(String.class)
			.contains("https://example.org/more");
		Editors.admin(this.graphQl)
			.document("""
					mutation($id: ID!) { retractDeal(id: $id, reason: "test") { key retraction { reason } } }""")
			.variable("id", "Deal:" + dealId)
			.execute()
			.path("retractDeal.key")
			.entity(String.class)
			.isEqualTo(dealId);
		assertThat(this.cypher.read("MATCH (o:Organization) WHERE o.id CONTAINS ':' RETURN count(o)", Map.of())
			.getFirst()
			.get(0)
			.asLong()).isZero();
	}

	@Test
	void aDealFromAGlobalIdOfTheWrongKindIsNotRecorded() {
		long before = deals();
		HttpResponse<String> response = new Http(this.port).post("/graphql",
				JsonMapper.shared()
					.writeValueAsString(Map.of("query", Editors.RECORD_DEAL, "variables",
							Map.of("input", Editors.supplyDeal("Deal:E011", "coreweave")))),
				"application/json", "Authorization", "Bearer " + TestCredentials.EDITOR_KEY);
		assertThat(Http.code(response)).isEqualTo("BAD_REQUEST");
		assertThat(response.body()).contains("DealInput.from takes Organization ids");
		assertThat(deals()).isEqualTo(before);
	}

	@Test
	void theExportTakesGlobalIdsToo() {
		Http http = new Http(this.port);
		HttpResponse<String> global = http.get("/export/network?around=Organization:hut-8&deal=Deal:E011");
		assertThat(global.statusCode()).isEqualTo(200);
		assertThat(global.body()).isEqualTo(http.get("/export/network?around=hut-8&deal=E011").body());
		HttpResponse<String> wrong = http.get("/export/network?around=Deal:E011");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(Http.code(wrong)).isEqualTo("BAD_REQUEST");
	}

	private long deals() {
		return this.cypher.read("MATCH (r:Deal) WHERE r.id IS NOT NULL RETURN count(r)", Map.of())
			.getFirst()
			.get(0)
			.asLong();
	}

	private static Map<?, ?> body(HttpResponse<String> response) {
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

}

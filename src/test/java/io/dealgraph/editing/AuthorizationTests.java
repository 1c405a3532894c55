package io.dealgraph.editing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Editors;
import io.dealgraph.support.Graph;
import io.dealgraph.support.TestCredentials;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which mutation: anonymous, a wrong key, an editor and an admin, against
 * each mutation. A refused call writes nothing.
 */
@RunsDealgraph
@RemovesItsWrites
class AuthorizationTests {

	/**
	 * Each mutation with arguments it could succeed with; the admin-only ones are marked.
	 */
	private static final Map<String, String> MUTATIONS = Map.of("upsertOrganization",
			"mutation { upsertOrganization(input: {id: \"test-auth-co\", name: \"Auth Test Co\", kind: OTHER}) { key } }",
			"recordDeal",
			"mutation { recordDeal(input: {type: SUPPLY, from: \"nvidia\", to: \"hut-8\", status: ANNOUNCED, sources: [{url: \"https://example.org/a\", confidence: LOW}]}) { key } }",
			"updateDeal",
			"mutation { updateDeal(id: \"E999\", expectedVersion: 1, input: {type: SUPPLY, from: \"nvidia\", to: \"hut-8\", status: ANNOUNCED, sources: [{url: \"https://example.org/a\", confidence: LOW}]}) { key } }",
			"addSource",
			"mutation { addSource(dealId: \"E999\", source: {url: \"https://example.org/b\", confidence: LOW}) { key } }",
			"importDeals", "mutation { importDeals(input: []) { count } }", "retractDeal",
			"mutation { retractDeal(id: \"E999\", reason: \"test\") { key } }", "mergeOrganizations",
			"mutation { mergeOrganizations(keep: \"no-such-a\", merge: \"no-such-b\") { key } }");

	private static final List<String> ADMIN_ONLY = List.of("retractDeal", "mergeOrganizations");

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@ParameterizedTest
	@ValueSource(strings = { "upsertOrganization", "recordDeal", "updateDeal", "addSource", "importDeals",
			"retractDeal", "mergeOrganizations" })
	void anonymousCallersAndWrongKeysAreUnauthorizedAndWriteNothing(String mutation) {
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		assertCode(this.graphQl, mutation, "UNAUTHORIZED");
		assertCode(Editors.as(this.graphQl, "not-a-key"), mutation, "UNAUTHORIZED");
		assertCode(Editors.as(this.graphQl, TestCredentials.EDITOR_KEY + "x"), mutation, "UNAUTHORIZED");
		assertThat(graph.counts()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "retractDeal", "mergeOrganizations" })
	void editorsMayNotRetractOrMerge(String mutation) {
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		assertCode(Editors.editor(this.graphQl), mutation, "FORBIDDEN");
		assertCode(Editors.as(this.graphQl, TestCredentials.jwt("jane", "EDITOR")), mutation, "FORBIDDEN");
		assertThat(graph.counts()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "upsertOrganization", "recordDeal", "updateDeal", "addSource", "importDeals",
			"retractDeal", "mergeOrganizations" })
	void adminsGetPastTheCheckForEveryMutation(String mutation) {
		assertAllowed(Editors.admin(this.graphQl), mutation);
		assertAllowed(Editors.as(this.graphQl, TestCredentials.jwt("ada", "ADMIN")), mutation);
		if (!ADMIN_ONLY.contains(mutation)) {
			assertAllowed(Editors.editor(this.graphQl), mutation);
			assertAllowed(Editors.as(this.graphQl, TestCredentials.jwt("jane", "EDITOR")), mutation);
		}
	}

	@Test
	void aRefusalSaysWhatToSend() {
		assertMessage(this.graphQl, "recordDeal", "Writing needs an editor credential");
		assertMessage(Editors.as(this.graphQl, "not-a-key"), "recordDeal", "The credential is not valid");
		assertMessage(Editors.editor(this.graphQl), "retractDeal", "does not allow 'retractDeal'");
	}

	@Test
	void aJwtWithoutARoleIsForbiddenAndAForgedOneUnauthorized() {
		assertCode(Editors.as(this.graphQl, TestCredentials.jwt("nobody")), "recordDeal", "FORBIDDEN");
		String forged = TestCredentials.jwt("mallory", "ADMIN");
		String tampered = forged.substring(0, forged.length() - 4) + "AAAA";
		var response = new Http(this.port).graphQl(MUTATIONS.get("recordDeal"), "Authorization", "Bearer " + tampered);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Http.code(response)).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void readsStayPublicWhateverTheCredential() {
		for (String bearer : List.of("not-a-key", TestCredentials.EDITOR_KEY)) {
			Editors.as(this.graphQl, bearer)
				.document("{ organization(id: \"hut-8\") { name } }")
				.execute()
				.path("organization.name")
				.entity(String.class)
				.isEqualTo("Hut 8");
		}
	}

	private static void assertCode(HttpGraphQlTester caller, String mutation, String code) {
		caller.document(MUTATIONS.get(mutation))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

	private static void assertMessage(HttpGraphQlTester caller, String mutation, String text) {
		caller.document(MUTATIONS.get(mutation))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains(text)));
	}

	private static void assertAllowed(HttpGraphQlTester caller, String mutation) {
		caller.document(MUTATIONS.get(mutation))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).allSatisfy(
					(error) -> assertThat(error.getExtensions().get("code")).isNotIn("UNAUTHORIZED", "FORBIDDEN")));
	}

}

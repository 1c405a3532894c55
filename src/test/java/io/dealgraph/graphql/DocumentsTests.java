package io.dealgraph.graphql;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document is parsed once and kept; a client that speaks Apollo's automatic persisted
 * queries sends a document's hash alone once the server knows it; the abstract types'
 * possible types are served for Apollo's cache.
 */
@RunsDealgraph
class DocumentsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Documents documents;

	@LocalServerPort
	int port;

	@Test
	void aDocumentSentTwiceIsKeptOnce() {
		String query = "{ organization(id: \"hut-8\") { key name kind } cacheProbe: __typename }";
		assertThat(this.documents.holds(query)).isFalse();
		this.graphQl.document(query).execute().path("organization.key").entity(String.class).isEqualTo("hut-8");
		assertThat(this.documents.holds(query)).isTrue();
		// Served from the cache, and still answered in full.
		this.graphQl.document(query).execute().path("organization.name").entity(String.class).isEqualTo("Hut 8");
	}

	@Test
	void anInvalidDocumentIsNotKept() {
		String query = "{ organization(id: \"hut-8\") { noSuchField } }";
		this.graphQl.document(query).execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
		assertThat(this.documents.holds(query)).isFalse();
	}

	@Test
	void aHashTheServerDoesNotKnowAsksForTheTextThenTheHashAloneRunsIt() {
		String query = "query ApqProbe { organization(id: \"hut-8\") { name } }";
		String hash = Documents.sha256(query);

		HttpResponse<String> unknown = send(null, persistedQuery(1, hash));
		assertThat(Http.code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknown.body()).doesNotContain("\"data\"");

		HttpResponse<String> withText = send(query, persistedQuery(1, hash));
		assertThat(withText.statusCode()).isEqualTo(200);
		assertThat(withText.body()).contains("\"name\":\"Hut 8\"").doesNotContain("errors");

		HttpResponse<String> hashAlone = send(null, persistedQuery(1, hash));
		assertThat(hashAlone.statusCode()).isEqualTo(200);
		assertThat(hashAlone.body()).isEqualTo(withText.body());
	}

	@Test
	void aHashThatIsNotTheTextsOrAMalformedExtensionIsRefusedAndRegistersNothing() {
		String query = "query ApqMismatch { organization(id: \"hut-8\") { name } }";
		String otherHash = Documents.sha256(query + " ");

		HttpResponse<String> mismatch = send(query, persistedQuery(1, otherHash));
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(Http.code(mismatch)).isEqualTo("BAD_REQUEST");
		assertThat(mismatch.body()).contains("not the SHA-256 of the document");
		assertThat(Http.code(send(null, persistedQuery(1, otherHash)))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

		for (Map<String, Object> malformed : List.of(persistedQuery(2, Documents.sha256(query)),
				persistedQuery(1, "abc123"),
				Map.<String, Object>of("persistedQuery", Map.of("sha256Hash", Documents.sha256(query))))) {
			HttpResponse<String> refused = send(query, malformed);
			assertThat(refused.statusCode()).as(malformed.toString()).isEqualTo(400);
			assertThat(Http.code(refused)).as(malformed.toString()).isEqualTo("BAD_REQUEST");
		}
	}

	@Test
	void anExampleIsRegisteredAtStartAndRunsByItsHashAlone() throws IOException {
		String example = Files.readString(Path.of("graphql", "examples", "everythingWithinTwoHopsOfHut8.graphql"));
		HttpResponse<String> byHash = send(null, persistedQuery(1, Documents.sha256(example)));
		assertThat(byHash.statusCode()).isEqualTo(200);
		assertThat(byHash.body()).contains("\"data\"").doesNotContain("errors");
		assertThat(byHash.body()).isEqualTo(send(example, Map.of()).body());
	}

	@Test
	void theExplorersDocumentIsRegisteredAtStart() throws IOException {
		String explorer = Files
			.readString(Path.of("src", "main", "resources", "static", "explorer", "explorer.graphql"));
		assertThat(this.documents.registered()).containsEntry(Documents.sha256(explorer), explorer);
	}

	@Test
	void everyAbstractTypeIsServedWithTheObjectTypesThatStandForIt() {
		HttpResponse<String> response = new Http(this.port).send("GET", "/graphql/possible-types", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<?, ?> possibleTypes = JsonMapper.shared().readValue(response.body(), Map.class);
		assertThat(possibleTypes.get("Organization")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(OrganizationKind.values()).map(OrganizationKind::typeName).toList());
		assertThat(possibleTypes.get("Deal")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(DealType.values()).map(DealType::typeName).toList());
		assertThat(possibleTypes.keySet()).noneMatch((name) -> name.toString().startsWith("__"));
	}

	private static Map<String, Object> persistedQuery(int version, String hash) {
		return Map.of("persistedQuery", Map.of("version", version, "sha256Hash", hash));
	}

	/**
	 * Sends {@code query} (none when null) with {@code extensions}, as Apollo Client
	 * does.
	 */
	private HttpResponse<String> send(String query, Map<String, Object> extensions) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("extensions", extensions);
		return new Http(this.port).post("/graphql", JsonMapper.shared().writeValueAsString(body), "application/json");
	}

}

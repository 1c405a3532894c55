package io.dealgraph.graphql;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server in allow-list mode, over HTTP: the explorer and the examples still work, by
 * their text or their hash; any other document is refused before it runs.
 */
@RunsDealgraph
// Its own application, with its own embedded Neo4j: closed after the class, so that the
// JVM does not stop
// one Neo4j after another at exit, past Surefire's 30 s for the fork to end.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "dealgraph.documents.allow-list=true")
class AllowListTests {

	@LocalServerPort
	int port;

	@Test
	void theExplorersOperationsRunByTheirTextAsTheExplorerSendsThem() throws IOException {
		String explorer = Files
			.readString(Path.of("src", "main", "resources", "static", "explorer", "explorer.graphql"));
		HttpResponse<String> search = send(
				Map.of("query", explorer, "operationName", "ExplorerSearch", "variables", Map.of("text", "Hut 8")));
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("hut-8").doesNotContain("errors");
	}

	@Test
	void anExampleRunsByItsHashAlone() throws IOException {
		String example = Files.readString(Path.of("graphql", "examples", "whoFinancedHut8.graphql"));
		HttpResponse<String> byHash = send(Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Documents.sha256(example)))));
		assertThat(byHash.statusCode()).isEqualTo(200);
		assertThat(byHash.body()).contains("\"name\":\"Hut 8\"").doesNotContain("errors");
	}

	@Test
	void anyOtherDocumentIsRefusedBeforeItRuns() {
		String adHoc = "{ organization(id: \"hut-8\") { name } }";
		for (Map<String, Object> request : java.util.List.<Map<String, Object>>of(Map.of("query", adHoc),
				Map.of("query", adHoc, "extensions",
						Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Documents.sha256(adHoc)))))) {
			HttpResponse<String> refused = send(request);
			assertThat(refused.statusCode()).as(request.toString()).isEqualTo(400);
			assertThat(Http.code(refused)).isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
			assertThat(refused.body()).doesNotContain("Hut 8");
		}
	}

	private HttpResponse<String> send(Map<String, Object> request) {
		return new Http(this.port).post("/graphql",
				JsonMapper.shared().writeValueAsString(new LinkedHashMap<>(request)), "application/json");
	}

}

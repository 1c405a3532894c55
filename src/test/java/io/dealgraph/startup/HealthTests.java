package io.dealgraph.startup;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.BundledSeed;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health says little to strangers and everything to an admin; the probes an orchestrator
 * calls answer on the server's own port.
 */
@RunsDealgraph
class HealthTests {

	@LocalServerPort
	int port;

	@Test
	void anAnonymousCallerSeesTheStatusAndNothingElse() {
		HttpResponse<String> response = new Http(this.port).send("GET", "/actuator/health", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> health = json(response);
		assertThat(health.get("status")).isEqualTo("UP");
		assertThat(health).doesNotContainKeys("components", "details");
		assertThat(response.body()).doesNotContain("bolt", "127.0.0.1", "path", "neo4j");
	}

	@Test
	void anEditorIsNoAdminAndSeesNoMoreThanAStranger() {
		HttpResponse<String> response = new Http(this.port).send("GET", "/actuator/health", "application/json",
				"Authorization", "Bearer " + TestCredentials.EDITOR_KEY);
		assertThat(json(response)).doesNotContainKey("components");
	}

	@Test
	void anAdminSeesEveryComponentWithItsDetails() {
		HttpResponse<String> response = new Http(this.port).send("GET", "/actuator/health", "application/json",
				"Authorization", "Bearer " + TestCredentials.ADMIN_KEY);
		@SuppressWarnings("unchecked")
		Map<String, Object> components = (Map<String, Object>) json(response).get("components");
		assertThat(components).containsKeys("neo4j", "diskSpace", "graphStartup");
		Map<?, ?> startup = (Map<?, ?>) ((Map<?, ?>) components.get("graphStartup")).get("details");
		assertThat(startup.get("schemaVersion")).isEqualTo(BundledSeed.schemaVersion());
		assertThat((String) startup.get("seed")).startsWith("loaded");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/livez", "/readyz", "/startupz", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/health/startup" })
	void theProbesAnswerUp(String path) {
		HttpResponse<String> response = new Http(this.port).send("GET", path, "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("status")).isEqualTo("UP");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

}

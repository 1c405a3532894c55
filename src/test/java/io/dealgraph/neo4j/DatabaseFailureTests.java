package io.dealgraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neo4j stops in the middle of requests: they fail fast with UNAVAILABLE, readiness goes
 * DOWN, and when Neo4j is back the same app answers again without a restart.
 */
@Tag("embedded-only")
@RunsDealgraph
class DatabaseFailureTests {

	private static final String QUERY = "{ organizations(first: 50) { edges { node { key deals(first: 5) { totalCount } } } } }";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedNeo4j neo4j;

	@Test
	void requestsDuringAnOutageFailCleanlyAndSucceedAgainOnceNeo4jIsBack() throws Exception {
		Http http = new Http(this.port);
		List<String> outcomes = new ArrayList<>();
		try (var pool = Executors.newSingleThreadExecutor()) {
			// Requests keep coming while Neo4j stops and starts; a bounded number, so the
			// test cannot run away.
			Future<?> traffic = pool.submit(() -> {
				for (int i = 0; i < 30; i++) {
					var response = http.graphQl(QUERY);
					String code = Http.code(response);
					synchronized (outcomes) {
						outcomes
							.add((code == null) ? "OK " + response.statusCode() : code + " " + response.statusCode());
					}
				}
			});
			Thread.sleep(300);
			this.neo4j.close();
			try {
				var during = http.graphQl(QUERY);
				assertThat(Http.code(during)).isEqualTo("UNAVAILABLE");
				assertThat(http.status("/actuator/health/readiness")).isEqualTo(503);
				assertThat(http.status("/actuator/health/liveness")).isEqualTo(200);
			}
			finally {
				this.neo4j.start();
			}
			traffic.get();
		}
		assertThat(outcomes).isNotEmpty()
			.allSatisfy((outcome) -> assertThat(outcome).isIn("OK 200", "UNAVAILABLE 200"));
		assertThat(Http.code(http.graphQl(QUERY))).isNull();
		assertThat(http.status("/actuator/health/readiness")).isEqualTo(200);
	}

}

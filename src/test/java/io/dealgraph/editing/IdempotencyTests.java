package io.dealgraph.editing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Editors;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys as clients use them: retries racing each other on a slow network, two
 * editors who happen to pick the same key, and a key reused long after.
 */
@RunsDealgraph
@RemovesItsWrites
class IdempotencyTests {

	private static final int RETRIES = 8;

	@LocalServerPort
	int port;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Driver driver;

	@Test
	void eightRetriesRacingWithOneNewKeyWriteOneDealAndAllAnswerWithIt() throws Exception {
		List<String> answers = new ArrayList<>();
		// The test holds a write lock on a party of the deal, so the first request to
		// claim
		// the key stops inside its transaction, key claimed and deal not yet written; the
		// other seven reach the key meanwhile.
		try (var session = this.driver.session(); var pool = Executors.newFixedThreadPool(RETRIES)) {
			var holder = session.beginTransaction();
			holder.run("MATCH (o:Organization {id: 'nvidia'}) SET o.heldByTest = true").consume();
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> retries = new ArrayList<>();
			for (int i = 0; i < RETRIES; i++) {
				retries.add(pool.submit(() -> {
					start.await();
					return record(TestCredentials.EDITOR_KEY, "race-1");
				}));
			}
			start.countDown();
			int waiting = awaitBlockedTransactions(RETRIES);
			holder.rollback();
			assertThat(waiting).as("every retry was inside its transaction, waiting").isEqualTo(RETRIES);
			for (Future<HttpResponse<String>> retry : retries) {
				answers.add(dealIdOf(retry.get(60, TimeUnit.SECONDS)));
			}
		}
		assertThat(answers).hasSize(RETRIES).doesNotContainNull();
		assertThat(answers.stream().distinct()).hasSize(1);
		assertThat(dealsBetweenNvidiaAndHut8()).isEqualTo(1);
	}

	@Test
	void aKeyBelongsToItsCallerSoTwoEditorsWithOneKeyGetTwoDeals() {
		String first = dealIdOf(record(TestCredentials.EDITOR_KEY, "shared-key"));
		String other = dealIdOf(record("test-editor-key-2", "shared-key"));
		String firstAgain = dealIdOf(record(TestCredentials.EDITOR_KEY, "shared-key"));
		assertThat(other).isNotEqualTo(first);
		assertThat(firstAgain).isEqualTo(first);
		assertThat(dealsBetweenNvidiaAndHut8()).isEqualTo(2);
	}

	@Test
	void aKeyPastItsLifetimeGuardsNothingAndTheRetryWritesAgain() {
		String first = dealIdOf(record(TestCredentials.EDITOR_KEY, "old-key"));
		assertThat(dealIdOf(record(TestCredentials.EDITOR_KEY, "old-key"))).isEqualTo(first);
		// Time passes: the key's lifetime (24 h by default) runs out.
		this.cypher.write((tx) -> tx.run(
				"MATCH (k:IdempotencyKey {key: 'old-key'}) SET k.expiresAt = datetime() - duration('PT1S')", Map.of()));
		String later = dealIdOf(record(TestCredentials.EDITOR_KEY, "old-key"));
		assertThat(later).isNotEqualTo(first);
		assertThat(dealIdOf(record(TestCredentials.EDITOR_KEY, "old-key"))).as("the key guards the new deal now")
			.isEqualTo(later);
		var key = this.cypher.read("""
				MATCH (k:IdempotencyKey {key: 'old-key'})
				RETURN count(k) AS keys, k.expiresAt > datetime() + duration('PT23H') AS renewed
				""", Map.of()).getFirst();
		assertThat(key.get("keys").asInt()).isEqualTo(1);
		assertThat(key.get("renewed").asBoolean()).isTrue();
		assertThat(dealsBetweenNvidiaAndHut8()).isEqualTo(2);
	}

	private HttpResponse<String> record(String editorKey, String idempotencyKey) {
		String body = JsonMapper.shared()
			.writeValueAsString(Map.of("query", Editors.RECORD_DEAL, "variables",
					Map.of("input", Editors.supplyDeal("nvidia", "hut-8"), "key", idempotencyKey)));
		return new Http(this.port).post("/graphql", body, "application/json", "Authorization", "Bearer " + editorKey);
	}

	/** The deal's id, or null when the answer was an error. */
	private static String dealIdOf(HttpResponse<String> response) {
		Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
		if (body.get("errors") != null || !(body.get("data") instanceof Map<?, ?> data)) {
			return null;
		}
		return (String) ((Map<?, ?>) data.get("recordDeal")).get("key");
	}

	private int dealsBetweenNvidiaAndHut8() {
		return this.cypher.read("""
				MATCH (:Organization {id: 'nvidia'})<-[:FROM]-(r:Supply)-[:TO]->(:Organization {id: 'hut-8'})
				WHERE r.id STARTS WITH 'D-'
				RETURN count(r) AS n
				""", Map.of()).getFirst().get("n").asInt();
	}

	/**
	 * Waits until {@code expected} transactions wait on a lock (the held one excluded),
	 * or 20 s; returns how many did.
	 */
	private int awaitBlockedTransactions(int expected) throws InterruptedException {
		int blocked = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (blocked < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			blocked = this.cypher.read("""
					SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked'
					RETURN count(*) AS blocked
					""", Map.of()).getFirst().get("blocked").asInt();
		}
		return blocked;
	}

}

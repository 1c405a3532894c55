package io.dealgraph.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every transaction has a timeout that ends it on the server, and writes survive
 * deadlocks by retrying.
 */
@RunsDealgraph
@RemovesItsWrites
class TransactionTests {

	@Autowired
	Driver driver;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Neo4jClient client;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	BookmarkManager bookmarks;

	@Test
	void aSlowQueryHitsTheTimeoutAndIsEndedOnTheServer() {
		var impatient = impatient();
		Throwable failure = catchThrowable(() -> impatient
			.read("UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n", Map.of()));
		assertThat(ErrorCode.of(failure)).isEqualTo(ErrorCode.TIMEOUT);
		// Termination on the server is asynchronous: give it a moment before looking.
		int running = -1;
		for (int i = 0; i < 50 && running != 0; i++) {
			// The marker is a parameter, so this query's own text does not match it.
			running = this.cypher
				.read("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker "
						+ "RETURN count(*) AS n", Map.of("marker", "range(1, 200000000)"))
				.getFirst()
				.get("n")
				.asInt();
			sleep(100);
		}
		assertThat(running).isZero();
	}

	@Test
	void startUpWorkPastItsTimeoutSaysWhichSettingToRaise() {
		var impatient = impatient().forWork(Workload.STARTUP);
		Throwable failure = catchThrowable(() -> impatient.write((tx) -> tx
			.run("UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n", Map.of())));
		assertThat(failure).isInstanceOf(TransactionTimedOut.class)
			.hasMessage("A startup transaction took longer than its timeout of 1 s and was stopped. "
					+ "If this work is expected to take longer here, raise DEALGRAPH_STARTUP_TX_TIMEOUT.");
		assertThat(ErrorCode.of(failure)).isEqualTo(ErrorCode.TIMEOUT);
	}

	@Test
	void twoWritersThatDeadlockBothSucceedThroughTheRetry() throws Exception {
		this.cypher
			.write((tx) -> tx.run(
					"CREATE (:Organization:OtherOrganization {id: 'test-lock-a', name: 'A', kind: 'OTHER'}), "
							+ "(:Organization:OtherOrganization {id: 'test-lock-b', name: 'B', kind: 'OTHER'})",
					Map.of()));
		CountDownLatch bothHoldOneLock = new CountDownLatch(2);
		AtomicInteger attempts = new AtomicInteger();
		try (var pool = Executors.newFixedThreadPool(2)) {
			var first = pool.submit(() -> lockBoth("test-lock-a", "test-lock-b", bothHoldOneLock, attempts));
			var second = pool.submit(() -> lockBoth("test-lock-b", "test-lock-a", bothHoldOneLock, attempts));
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		assertThat(attempts.get()).as("one of them was retried after the deadlock").isGreaterThan(2);
		var writes = this.cypher.read("MATCH (o:Organization) WHERE o.id IN ['test-lock-a', 'test-lock-b'] "
				+ "RETURN o.id AS id, o.writes AS writes ORDER BY id", Map.of());
		assertThat(writes).extracting((row) -> row.get("writes").asInt()).containsExactly(2, 2);
	}

	/** The application's executor, with a timeout of one second for every workload. */
	private CypherExecutor impatient() {
		return new CypherExecutor(this.driver, this.client, this.transactions, this.bookmarks,
				TransactionTimeouts.all(Duration.ofSeconds(1)), Duration.ofSeconds(3), new DriverStatements(),
				new SimpleMeterRegistry());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Locks one node, waits until the other writer holds the other, then reaches for it:
	 * a deadlock.
	 */
	private Object lockBoth(String first, String second, CountDownLatch bothHoldOneLock, AtomicInteger attempts) {
		return this.cypher.write((tx) -> {
			boolean firstAttempt = attempts.incrementAndGet() <= 2;
			tx.run("MATCH (o:Organization {id: $id}) SET o.writes = coalesce(o.writes, 0) + 1", Map.of("id", first));
			if (firstAttempt) {
				bothHoldOneLock.countDown();
				try {
					bothHoldOneLock.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			tx.run("MATCH (o:Organization {id: $id}) SET o.writes = coalesce(o.writes, 0) + 1", Map.of("id", second));
			return List.of();
		});
	}

}

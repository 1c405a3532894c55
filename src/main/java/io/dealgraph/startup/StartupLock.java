package io.dealgraph.startup;

import java.time.Duration;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.cypher.StartupStatements;
import io.dealgraph.neo4j.CypherExecutor;

/**
 * A lock kept in the graph, so that of several instances starting on one Neo4j only one
 * at a time migrates the schema and loads the seed; the others wait, then find the work
 * done. It is a lease: the holder renews it after every step, and a holder that died
 * loses it once the lease runs out. A store that only this process can open (the embedded
 * Neo4j) has no other instance, so a lock found there is always stale.
 */
final class StartupLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	private static final String NAME = "startup";

	private final CypherExecutor cypher;

	private final String owner;

	private final Duration lease;

	private StartupLock(CypherExecutor cypher, String owner, Duration lease) {
		this.cypher = cypher;
		this.owner = owner;
		this.lease = lease;
	}

	/**
	 * Waits until this instance holds the lock. {@code storeIsOurs}: no other process can
	 * reach this graph, so an existing holder is a process that died.
	 */
	static StartupLock acquire(CypherExecutor cypher, String owner, Duration lease, boolean storeIsOurs) {
		createConstraint(cypher);
		var lock = new StartupLock(cypher, owner, lease);
		long nextReport = System.nanoTime();
		while (true) {
			Record holder = lock.tryTake(storeIsOurs);
			if (holder == null) {
				return lock;
			}
			if (System.nanoTime() - nextReport >= 0) {
				log.info(
						"Start-up: waiting for {}, which is migrating or seeding this graph (its lock lasts "
								+ "until {} unless renewed)",
						holder.get("owner").asString(), holder.get("expiresAt").asString());
				nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			}
			sleep(Duration.ofMillis(500));
		}
	}

	/** Null when taken; otherwise the current holder. */
	private Record tryTake(boolean storeIsOurs) {
		return this.cypher.write((tx) -> {
			Record found = tx.run(StartupStatements.INSPECT_LOCK, Map.of("name", NAME, "owner", this.owner)).getFirst();
			if (!found.get("free").asBoolean() && !storeIsOurs) {
				return found;
			}
			if (!found.get("owner").isNull() && !found.get("owner").asString().equals(this.owner)) {
				log.warn("Start-up: taking over the lock of {}, which is gone", found.get("owner").asString());
			}
			tx.run(StartupStatements.TAKE_LOCK, parameters());
			return null;
		});
	}

	/**
	 * Extends the lease after a step of the work. Fails the start if another instance
	 * took the lock meanwhile: this one stalled past its lease, and the two must not both
	 * go on.
	 */
	void renew() {
		boolean held = this.cypher
			.write((tx) -> tx.run(StartupStatements.RENEW_LOCK, parameters()).getFirst().get("held").asLong() > 0);
		if (!held) {
			throw new IllegalStateException(
					"Start-up: lost the start-up lock after a step took longer than its lease of "
							+ this.lease.toSeconds()
							+ " s; another instance took over. Raise DEALGRAPH_STARTUP_TX_TIMEOUT.");
		}
	}

	@Override
	public void close() {
		this.cypher.write((tx) -> tx.run(StartupStatements.RELEASE_LOCK, parameters()));
	}

	private Map<String, Object> parameters() {
		return Map.of("name", NAME, "owner", this.owner, "leaseMillis", this.lease.toMillis());
	}

	/**
	 * Two instances may create the constraint at the same moment; the loser's error means
	 * only that it exists.
	 */
	private static void createConstraint(CypherExecutor cypher) {
		try {
			cypher.write((tx) -> tx.run(StartupStatements.LOCK_CONSTRAINT, Map.of()));
		}
		catch (Neo4jException ex) {
			log.info("Start-up: the lock's constraint was being created by another instance ({})", ex.code());
			sleep(Duration.ofMillis(500));
			cypher.write((tx) -> tx.run(StartupStatements.LOCK_CONSTRAINT, Map.of()));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Start-up: interrupted while waiting for the start-up lock", ex);
		}
	}

}

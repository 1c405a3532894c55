package io.dealgraph.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the application runs through here: reads as managed read
 * transactions (a cluster routes them to secondaries), writes as managed write
 * transactions that the driver retries on transient errors, both with the configured
 * timeout. Values always travel as parameters.
 *
 * <p>
 * It counts statements, so a test can prove that a request costs a number of round trips
 * that depends on its shape and not on the size of its result.
 */
@Component
public class CypherExecutor {

	private static final Logger log = LoggerFactory.getLogger(CypherExecutor.class);

	private final Driver driver;

	private final Duration timeout;

	private final QueryConfig readConfig;

	private final AtomicLong statements = new AtomicLong();

	private final Timer reads;

	private final Timer writes;

	CypherExecutor(Driver driver, @Value("${dealgraph.transaction-timeout}") Duration timeout, MeterRegistry meters) {
		this.driver = driver;
		this.timeout = timeout;
		this.readConfig = QueryConfig.builder().withRouting(RoutingControl.READ).withTimeout(timeout).build();
		this.reads = Timer.builder("dealgraph.cypher")
			.description("Time in Cypher")
			.tag("kind", "read")
			.register(meters);
		this.writes = Timer.builder("dealgraph.cypher")
			.description("Time in Cypher")
			.tag("kind", "write")
			.register(meters);
	}

	/** Runs one read statement and returns all its records. */
	public List<Record> read(String cypher, Map<String, Object> parameters) {
		this.statements.incrementAndGet();
		if (log.isDebugEnabled()) {
			log.debug("Read: {} {}", cypher.lines().findFirst().orElse(""), parameters.keySet());
		}
		return this.reads.record(() -> this.driver.executableQuery(cypher)
			.withParameters(parameters)
			.withConfig(this.readConfig)
			.execute()
			.records());
	}

	/** Runs one read statement and maps each record. */
	public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return read(cypher, parameters).stream().map(mapper).toList();
	}

	/**
	 * Runs {@code work} in one write transaction: everything it writes commits together
	 * or not at all. The work may be retried on a transient error, so it must only write
	 * through the given transaction.
	 */
	public <T> T write(Function<Writer, T> work) {
		return this.writes.record(() -> {
			try (var session = this.driver.session()) {
				return session.executeWrite((tx) -> work.apply(new Writer(tx)),
						TransactionConfig.builder().withTimeout(this.timeout).build());
			}
		});
	}

	/** How many statements have run since start. */
	public long statementCount() {
		return this.statements.get();
	}

	/** The statements of one write transaction. */
	public final class Writer {

		private final TransactionContext tx;

		private Writer(TransactionContext tx) {
			this.tx = tx;
		}

		public List<Record> run(String cypher, Map<String, Object> parameters) {
			CypherExecutor.this.statements.incrementAndGet();
			return this.tx.run(cypher, parameters).list();
		}

	}

}

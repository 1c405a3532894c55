package io.dealgraph.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

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

import io.dealgraph.errors.ErrorCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the application runs through here: reads as managed read
 * transactions (a cluster routes them to secondaries), writes as managed write
 * transactions that the driver retries on transient errors, both with the timeout of
 * their {@link Workload}. Values always travel as parameters.
 *
 * <p>
 * The bean runs request work; {@link #forWork} gives the same executor for bulk or
 * start-up work. It counts statements, so a test can prove that a request costs a number
 * of round trips that depends on its shape and not on the size of its result.
 */
@Component
public class CypherExecutor {

	private static final Logger log = LoggerFactory.getLogger(CypherExecutor.class);

	private final Driver driver;

	private final TransactionTimeouts timeouts;

	private final Workload workload;

	private final Duration timeout;

	private final QueryConfig readConfig;

	private final AtomicLong statements;

	private final Timer reads;

	private final Timer writes;

	@Autowired
	public CypherExecutor(Driver driver, TransactionTimeouts timeouts, MeterRegistry meters) {
		this(driver, timeouts, Workload.REQUEST, new AtomicLong(),
				Timer.builder("dealgraph.cypher").description("Time in Cypher").tag("kind", "read").register(meters),
				Timer.builder("dealgraph.cypher").description("Time in Cypher").tag("kind", "write").register(meters));
	}

	private CypherExecutor(Driver driver, TransactionTimeouts timeouts, Workload workload, AtomicLong statements,
			Timer reads, Timer writes) {
		this.driver = driver;
		this.timeouts = timeouts;
		this.workload = workload;
		this.timeout = timeouts.of(workload);
		this.readConfig = QueryConfig.builder().withRouting(RoutingControl.READ).withTimeout(this.timeout).build();
		this.statements = statements;
		this.reads = reads;
		this.writes = writes;
	}

	/** The same executor, with the timeout of {@code work}. */
	public CypherExecutor forWork(Workload work) {
		return (work == this.workload) ? this
				: new CypherExecutor(this.driver, this.timeouts, work, this.statements, this.reads, this.writes);
	}

	/** Runs one read statement and returns all its records. */
	public List<Record> read(String cypher, Map<String, Object> parameters) {
		this.statements.incrementAndGet();
		if (log.isDebugEnabled()) {
			log.debug("Read: {} {}", cypher.lines().findFirst().orElse(""), parameters.keySet());
		}
		return this.reads.record(() -> timed(cypher,
				() -> this.driver.executableQuery(cypher)
					.withParameters(parameters)
					.withConfig(this.readConfig)
					.execute()
					.records()));
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
		return this.writes.record(() -> timed("write", () -> {
			try (var session = this.driver.session()) {
				return session.executeWrite((tx) -> work.apply(new Writer(tx)),
						TransactionConfig.builder().withTimeout(this.timeout).build());
			}
		}));
	}

	/** How many statements have run since start. */
	public long statementCount() {
		return this.statements.get();
	}

	/**
	 * Runs {@code work}, turning Neo4j's timeout into one that says which setting to
	 * raise.
	 */
	private <T> T timed(String what, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			if (ErrorCode.of(ex) != ErrorCode.TIMEOUT || ex instanceof TransactionTimedOut) {
				throw ex;
			}
			var timedOut = new TransactionTimedOut(this.workload, this.timeout, ex);
			if (this.workload == Workload.REQUEST) {
				log.info("{} ({})", timedOut.getMessage(), what.lines().findFirst().orElse("").strip());
			}
			else {
				log.warn(timedOut.getMessage());
			}
			throw timedOut;
		}
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

package io.dealgraph.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.RetryableException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.errors.ErrorCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Cypher statement of the application runs through here, with the timeout of its
 * {@link Workload}. Writes run in transactions of Spring Data Neo4j's
 * {@link Neo4jTransactionManager}, statement by statement through its
 * {@link Neo4jClient}, and are tried again after a transient error such as a deadlock.
 * Reads are single statements: they run as auto-commit statements in a read session,
 * routed to readers, one round trip each, and are tried again after a transient error as
 * writes are (safe, as a read changes nothing). That measured 7-20% more requests a
 * second than the driver's executable queries, whose managed transaction adds a COMMIT
 * round trip, which in turn measured faster than a Spring-managed read transaction (see
 * BENCHMARKS.md). Both share one bookmark store, the transaction manager's, so a read
 * sees every write this instance committed before it, on a cluster too. Values always
 * travel as parameters.
 *
 * <p>
 * The bean runs request work; {@link #forWork} gives the same executor for bulk or
 * start-up work. It reads the statement count kept at the driver
 * ({@link DriverStatements}), so a test can prove that a request costs a number of round
 * trips that depends on its shape and not on the size of its result.
 */
@Component
public class CypherExecutor {

	private static final Logger log = LoggerFactory.getLogger(CypherExecutor.class);

	/** First pause before a write is tried again; it doubles up to the retry budget. */
	private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(50);

	private final Driver driver;

	private final Neo4jClient client;

	private final PlatformTransactionManager transactions;

	private final BookmarkManager bookmarks;

	private final TransactionTimeouts timeouts;

	private final Duration retryBudget;

	private final Workload workload;

	private final Duration timeout;

	private final SessionConfig readSession;

	private final TransactionConfig readTransaction;

	private final TransactionTemplate writeTransaction;

	private final DriverStatements statements;

	private final Timer reads;

	private final Timer writes;

	/**
	 * @param bookmarks the bookmark store of {@code transactions}, as the driver's reads
	 * take it
	 */
	@Autowired
	public CypherExecutor(Driver driver, Neo4jClient client, PlatformTransactionManager transactions,
			BookmarkManager bookmarks, TransactionTimeouts timeouts,
			@Value("${spring.neo4j.max-transaction-retry-time:3s}") Duration retryBudget, DriverStatements statements,
			MeterRegistry meters) {
		this(driver, client, transactions, bookmarks, timeouts, retryBudget, Workload.REQUEST, statements,
				Timer.builder("dealgraph.cypher").description("Time in Cypher").tag("kind", "read").register(meters),
				Timer.builder("dealgraph.cypher").description("Time in Cypher").tag("kind", "write").register(meters));
	}

	private CypherExecutor(Driver driver, Neo4jClient client, PlatformTransactionManager transactions,
			BookmarkManager bookmarks, TransactionTimeouts timeouts, Duration retryBudget, Workload workload,
			DriverStatements statements, Timer reads, Timer writes) {
		this.driver = driver;
		this.client = client;
		this.transactions = transactions;
		this.bookmarks = bookmarks;
		this.timeouts = timeouts;
		this.retryBudget = retryBudget;
		this.workload = workload;
		this.timeout = timeouts.of(workload);
		this.readSession = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withBookmarkManager(bookmarks)
			.build();
		this.readTransaction = TransactionConfig.builder().withTimeout(this.timeout).build();
		this.writeTransaction = writeTemplate(transactions, this.timeout);
		this.statements = statements;
		this.reads = reads;
		this.writes = writes;
	}

	/**
	 * Spring counts transaction timeouts in whole seconds: a timeout below one rounds up
	 * to one.
	 */
	private static TransactionTemplate writeTemplate(PlatformTransactionManager transactions, Duration timeout) {
		var template = new TransactionTemplate(transactions);
		template.setTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
		return template;
	}

	/** The same executor, with the timeout of {@code work}. */
	public CypherExecutor forWork(Workload work) {
		return (work == this.workload) ? this : new CypherExecutor(this.driver, this.client, this.transactions,
				this.bookmarks, this.timeouts, this.retryBudget, work, this.statements, this.reads, this.writes);
	}

	/** Runs one read statement and returns all its records. */
	public List<Record> read(String cypher, Map<String, Object> parameters) {
		if (log.isDebugEnabled()) {
			log.debug("Read: {} {}", cypher.lines().findFirst().orElse(""), parameters.keySet());
		}
		return this.reads.record(() -> timed(cypher, () -> retried("Read", () -> {
			try (var session = this.driver.session(this.readSession)) {
				return session.run(cypher, parameters, this.readTransaction).list();
			}
		})));
	}

	/** Runs one read statement and maps each record. */
	public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return read(cypher, parameters).stream().map(mapper).toList();
	}

	/**
	 * Runs {@code work} in one write transaction: everything it writes commits together
	 * or not at all. The work is tried again after a transient error (a deadlock, a
	 * leader switch), within {@code spring.neo4j.max-transaction-retry-time}, so it must
	 * only write through the given transaction.
	 */
	public <T> T write(Function<Writer, T> work) {
		return this.writes.record(() -> timed("write",
				() -> retried("Write", () -> this.writeTransaction.execute((status) -> work.apply(new Writer())))));
	}

	/**
	 * Runs {@code work}, and again after a transient error (a deadlock, a leader switch,
	 * a reader gone), with a doubling pause, within the retry budget.
	 */
	private <T> T retried(String what, Supplier<T> work) {
		long deadline = System.nanoTime() + this.retryBudget.toNanos();
		Duration delay = FIRST_RETRY_DELAY;
		while (true) {
			try {
				return work.get();
			}
			catch (RuntimeException ex) {
				if (!isTransient(ex) || System.nanoTime() + delay.toNanos() > deadline) {
					throw ex;
				}
				log.debug("{} failed with a transient error, retrying in {} ms: {}", what, delay.toMillis(),
						ex.getMessage());
				pause(delay);
				delay = delay.multipliedBy(2);
			}
		}
	}

	/**
	 * Runs one statement that commits in batches of its own, {@code CALL { ... } IN
	 * TRANSACTIONS}, which Neo4j runs only outside an explicit transaction. It is neither
	 * atomic nor retried, so the statement must be safe to run again after a stop
	 * half-way: for the schema migrations that rewrite a large graph.
	 */
	public void runInBatches(String cypher, Map<String, Object> parameters) {
		var session = SessionConfig.builder().withBookmarkManager(this.bookmarks).build();
		var transaction = TransactionConfig.builder().withTimeout(this.timeout).build();
		timed(cypher, () -> {
			try (var batches = this.driver.session(session)) {
				return batches.run(cypher, parameters, transaction).consume();
			}
		});
	}

	/** How many statements have been sent to Neo4j since start, counted at the driver. */
	public long statementCount() {
		return this.statements.count();
	}

	/** One statement in the write transaction under way. */
	private List<Record> records(String cypher, Map<String, Object> parameters) {
		return List.copyOf(this.client.query(cypher)
			.bindAll(parameters)
			.fetchAs(Record.class)
			.mappedBy((types, record) -> record)
			.all());
	}

	/**
	 * A failure worth trying again: what Neo4j calls transient (deadlocks among them),
	 * except its timeout, which would only time out again.
	 */
	private static boolean isTransient(Throwable failure) {
		if (ErrorCode.of(failure) == ErrorCode.TIMEOUT) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetryableException) {
				return true;
			}
		}
		return false;
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to try a statement again", ex);
		}
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

		private Writer() {
		}

		public List<Record> run(String cypher, Map<String, Object> parameters) {
			return records(cypher, parameters);
		}

	}

}

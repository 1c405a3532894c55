package io.dealgraph.neo4j;

import java.time.Duration;
import java.util.Locale;

/**
 * A transaction that Neo4j ended at its timeout. The message names the work and the
 * setting to raise, so a failed start or import says how to fix it; the driver's
 * exception stays the cause, and the error code is TIMEOUT.
 */
public class TransactionTimedOut extends RuntimeException {

	TransactionTimedOut(Workload workload, Duration timeout, RuntimeException cause) {
		super("A " + workload.name().toLowerCase(Locale.ROOT) + " transaction took longer than its timeout of "
				+ readable(timeout) + " and was stopped. If this work is expected to take longer here, raise "
				+ workload.setting() + ".", cause);
	}

	private static String readable(Duration timeout) {
		long millis = timeout.toMillis();
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + " min";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}

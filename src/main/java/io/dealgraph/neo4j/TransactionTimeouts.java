package io.dealgraph.neo4j;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a transaction of each {@link Workload} may take before Neo4j ends it.
 *
 * @param request an API request's transaction ({@code DEALGRAPH_TX_TIMEOUT})
 * @param bulk one import batch or merge ({@code DEALGRAPH_BULK_TX_TIMEOUT})
 * @param startup one transaction of the start-up work
 * ({@code DEALGRAPH_STARTUP_TX_TIMEOUT})
 */
@ConfigurationProperties("dealgraph.timeouts")
public record TransactionTimeouts(Duration request, Duration bulk, Duration startup) {

	public Duration of(Workload workload) {
		return switch (workload) {
			case REQUEST -> this.request;
			case BULK -> this.bulk;
			case STARTUP -> this.startup;
		};
	}

	/** The longest of them, for a server-side default that never cuts one of ours. */
	public Duration longest() {
		Duration longest = this.request;
		for (Duration timeout : new Duration[] { this.bulk, this.startup }) {
			if (timeout.compareTo(longest) > 0) {
				longest = timeout;
			}
		}
		return longest;
	}

	/** Every workload with the same timeout, for tests that need a short one. */
	public static TransactionTimeouts all(Duration timeout) {
		return new TransactionTimeouts(timeout, timeout, timeout);
	}

}

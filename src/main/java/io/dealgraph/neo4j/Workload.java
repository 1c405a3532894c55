package io.dealgraph.neo4j;

/**
 * What a transaction is for, which decides how long it may take. A request's answer is
 * awaited by a person or a front-end, so it gets seconds; bulk work and the work of a
 * start get minutes, so that a cold JVM on a busy machine still finishes them.
 */
public enum Workload {

	/** A read or a write on behalf of one API request. */
	REQUEST("DEALGRAPH_TX_TIMEOUT"),
	/**
	 * One batch of a file import or of {@code importDeals}, or a merge of organizations.
	 */
	BULK("DEALGRAPH_BULK_TX_TIMEOUT"),
	/** Start-up work: the start-up lock, schema migrations and the seed. */
	STARTUP("DEALGRAPH_STARTUP_TX_TIMEOUT");

	private final String setting;

	Workload(String setting) {
		this.setting = setting;
	}

	/** The environment variable that sets this workload's timeout. */
	public String setting() {
		return this.setting;
	}

}

package io.dealgraph.graph;

/** Where a deal stands. */
public enum DealStatus {

	ANNOUNCED, CONTRACTED, COMPLETED, REJECTED, TERMINATED, CLOSED;

	/**
	 * True for the statuses after which a deal no longer stands: it was refused, ended or
	 * closed.
	 */
	public boolean ended() {
		return this == REJECTED || this == TERMINATED || this == CLOSED;
	}

}

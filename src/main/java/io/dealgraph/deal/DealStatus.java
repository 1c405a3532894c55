package io.dealgraph.deal;

/** Where a deal stands. */
public enum DealStatus {

	ANNOUNCED, CONTRACTED, COMPLETED, REJECTED, TERMINATED, CLOSED

}

package io.dealgraph.events;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.Deal;

/** What a change of the audit log did to a deal: the three subscriptions. */
enum DealEventKind {

	/** The deal was written for the first time: {@code dealRecorded}. */
	RECORDED,
	/** A deal's figures, sources or status changed: {@code dealUpdated}. */
	UPDATED,
	/** A deal was retracted: {@code dealRetracted}. */
	RETRACTED;

	/** What a change from {@code before} to {@code after} was; null for a removal. */
	static @Nullable DealEventKind of(@Nullable Deal before, @Nullable Deal after) {
		if (after == null) {
			return null;
		}
		if (before == null) {
			return RECORDED;
		}
		return (after.retraction() != null && before.retraction() == null) ? RETRACTED : UPDATED;
	}

}

package io.dealgraph.timeline;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.Deal;
import io.dealgraph.graph.DealStatus;

/** Something that happened to a deal: its announcement or a later change of status. */
public record TimelineEvent(@Nullable String on, Kind kind, DealStatus status, @Nullable String note, Deal deal) {

	/** What a timeline event is. */
	public enum Kind {

		ANNOUNCED, STATUS_CHANGE

	}

}

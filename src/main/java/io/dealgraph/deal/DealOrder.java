package io.dealgraph.deal;

import org.jspecify.annotations.Nullable;

import io.dealgraph.paging.OrderDirection;

/** The {@code DealOrder} input. */
public record DealOrder(Field field, @Nullable OrderDirection direction) {

	/** What deals can be ordered by. */
	public enum Field {

		ANNOUNCED_ON, AMOUNT, ID

	}

	public boolean descending() {
		return this.direction == OrderDirection.DESC;
	}

}

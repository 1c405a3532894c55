package io.dealgraph.deal;

import org.jspecify.annotations.Nullable;

import io.dealgraph.paging.OrderDirection;

/** The {@code DealOrder} input. */
record DealOrder(Field field, @Nullable OrderDirection direction) {

	/** What deals can be ordered by. */
	enum Field {

		ANNOUNCED_ON, AMOUNT, ID

	}

	boolean descending() {
		return this.direction == OrderDirection.DESC;
	}

}

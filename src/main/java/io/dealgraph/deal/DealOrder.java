package io.dealgraph.deal;

import org.jspecify.annotations.Nullable;

import io.dealgraph.organization.OrganizationOrder.Direction;

/** The {@code DealOrder} input. */
record DealOrder(Field field, @Nullable Direction direction) {

	/** What deals can be ordered by. */
	enum Field {

		ANNOUNCED_ON, AMOUNT, ID

	}

	boolean descending() {
		return this.direction == Direction.DESC;
	}

}

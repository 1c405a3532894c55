package io.dealgraph.organization;

import org.jspecify.annotations.Nullable;

import io.dealgraph.paging.OrderDirection;

/** The {@code OrganizationOrder} input. */
public record OrganizationOrder(Field field, @Nullable OrderDirection direction) {

	/** What organizations can be ordered by. */
	public enum Field {

		NAME, ID

	}

	boolean descending() {
		return this.direction == OrderDirection.DESC;
	}

}

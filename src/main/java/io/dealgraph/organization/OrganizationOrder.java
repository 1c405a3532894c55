package io.dealgraph.organization;

import org.jspecify.annotations.Nullable;

/** The {@code OrganizationOrder} input. */
public record OrganizationOrder(Field field, @Nullable Direction direction) {

	/** What organizations can be ordered by. */
	public enum Field {

		NAME, ID

	}

	/** Shared with deals' ordering in the schema as {@code OrderDirection}. */
	public enum Direction {

		ASC, DESC

	}

	boolean descending() {
		return this.direction == Direction.DESC;
	}

}

package io.dealgraph.paging;

import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;

/**
 * A requested page: how many rows, after which cursor. {@code first} defaults to 20 and
 * is capped at 100, so no request can ask the database for an unbounded list.
 */
public record Page(int first, @Nullable String after) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static Page of(@Nullable Integer first, @Nullable String after) {
		int size = (first != null) ? first : DEFAULT_SIZE;
		if (size < 0) {
			throw ApiException.badRequest("'first' must be 0 or more, not " + size + ".");
		}
		if (size > MAX_SIZE) {
			throw ApiException.badRequest("'first' may be at most " + MAX_SIZE + ", not " + size + ".");
		}
		return new Page(size, after);
	}

	/** Rows to fetch: one more than the page, to learn whether a next page exists. */
	public int fetchSize() {
		return this.first + 1;
	}

}

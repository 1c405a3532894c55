package io.dealgraph.paging;

import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;

/**
 * A requested page: how many rows, from which cursor, and which way. {@code first} rows
 * after the cursor {@code after} read forward; {@code last} rows before the cursor
 * {@code before} read backward, and are answered in the forward order all the same. The
 * size defaults to 20 and is capped at 100, so no request can ask the database for an
 * unbounded list.
 *
 * @param size the rows of the page
 * @param cursor the cursor the page starts from ({@code after} forward, {@code before}
 * backward), or null for the first (or last) page
 * @param backward whether the page is read backward, from {@code before}
 */
public record Page(int size, @Nullable String cursor, boolean backward) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** A forward page: {@code first} rows after {@code after}. */
	public static Page of(@Nullable Integer first, @Nullable String after) {
		return of(first, after, null, null);
	}

	/**
	 * The page that Relay's arguments ask for: {@code first}/{@code after} forward, or
	 * {@code last}/{@code before} backward, never a mix.
	 * @throws ApiException BAD_REQUEST for a mix, or a size out of 0 to 100
	 */
	public static Page of(@Nullable Integer first, @Nullable String after, @Nullable Integer last,
			@Nullable String before) {
		boolean backward = last != null || before != null;
		if (backward && (first != null || after != null)) {
			throw ApiException
				.badRequest("Page forward with 'first' and 'after', or backward with 'last' and 'before'; "
						+ "not both at once.");
		}
		String argument = backward ? "last" : "first";
		Integer asked = backward ? last : first;
		int size = (asked != null) ? asked : DEFAULT_SIZE;
		if (size < 0) {
			throw ApiException.badRequest("'" + argument + "' must be 0 or more, not " + size + ".");
		}
		if (size > MAX_SIZE) {
			throw ApiException.badRequest("'" + argument + "' may be at most " + MAX_SIZE + ", not " + size + ".");
		}
		return new Page(size, backward ? before : after, backward);
	}

	/**
	 * Rows to fetch: one more than the page, to learn whether another page lies beyond it
	 * in the direction read.
	 */
	public int fetchSize() {
		return this.size + 1;
	}

}

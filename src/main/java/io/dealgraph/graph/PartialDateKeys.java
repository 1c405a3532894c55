package io.dealgraph.graph;

import org.jspecify.annotations.Nullable;

/**
 * How partial dates sort: a date is stored beside its sort key, in which missing parts
 * are {@code 00}, so {@code 2024} sorts before {@code 2024-06}, which sorts before
 * {@code 2024-06-01}. A range "up to 2024" ends at the largest key inside it,
 * {@code 2024-99-99}. The one place for these rules, in Java and in Cypher.
 */
public final class PartialDateKeys {

	/** Sorts after every real key: undated deals and events come last. */
	public static final String UNKNOWN_LAST = "9999-99-99";

	/**
	 * Sorts before every real key: a deal that ended on an unknown day has ended before
	 * any date, so no as-of view keeps it.
	 */
	public static final String UNDATED_END = "0000-00-00";

	private PartialDateKeys() {
	}

	/** The sort key of a partial date, or null when the date is unknown. */
	public static @Nullable String sortKey(@Nullable String partialDate) {
		if (partialDate == null) {
			return null;
		}
		return switch (partialDate.length()) {
			case 4 -> partialDate + "-00-00";
			case 7 -> partialDate + "-00";
			default -> partialDate;
		};
	}

	/** The largest key inside a partial date: {@code 2024} ends at {@code 2024-99-99}. */
	public static String lastSortKey(String partialDate) {
		return switch (partialDate.length()) {
			case 4 -> partialDate + "-99-99";
			case 7 -> partialDate + "-99";
			default -> partialDate;
		};
	}

	/**
	 * The sort key of a partial date in Cypher, {@link #UNKNOWN_LAST} when it is unknown,
	 * for a date that has no stored key, such as a status change's date: {@code date} is
	 * a Cypher expression from the model.
	 */
	public static String sortKeyOrLastInCypher(String date) {
		return "CASE size(" + date + ") WHEN 4 THEN " + date + " + '-00-00' WHEN 7 THEN " + date
				+ " + '-00' ELSE coalesce(" + date + ", '" + UNKNOWN_LAST + "') END";
	}

	/**
	 * {@link #lastSortKey} in Cypher, for a known partial date held in the Cypher
	 * expression {@code date} from the model.
	 */
	public static String lastSortKeyInCypher(String date) {
		return "CASE size(" + date + ") WHEN 4 THEN " + date + " + '-99-99' WHEN 7 THEN " + date + " + '-99' ELSE "
				+ date + " END";
	}

}

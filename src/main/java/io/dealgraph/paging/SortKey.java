package io.dealgraph.paging;

/**
 * One key of an ordering. {@code expression} is Cypher over the row variable, from the
 * feature's own fixed text; null values sort last in either direction.
 *
 * @param name the key's name in cursors
 * @param expression the Cypher expression of the value
 * @param numeric true for numbers, false for strings
 * @param descending true for descending order
 */
public record SortKey(String name, String expression, boolean numeric, boolean descending) {

	/**
	 * A value sorting after every real one in this key's direction, standing in for null.
	 */
	Object lastValue() {
		if (this.numeric) {
			return this.descending ? -Double.MAX_VALUE : Double.MAX_VALUE;
		}
		return this.descending ? "" : "\uFFFF";
	}

}

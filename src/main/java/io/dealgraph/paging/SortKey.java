package io.dealgraph.paging;

/**
 * One key of an ordering. {@code expression} is Cypher over the row variable, from the
 * model's or the statement builder's fixed text, never a request's; null values sort last
 * in either direction. A required key is never null, so it is ordered on as it is, which
 * a range index can serve.
 *
 * @param name the key's name in cursors
 * @param expression the Cypher expression of the value
 * @param numeric true for numbers, false for strings
 * @param descending true for descending order
 * @param required true when no row lacks the value
 */
public record SortKey(String name, String expression, boolean numeric, boolean descending, boolean required) {

	/**
	 * A value sorting after every real one in this key's direction, standing in for null.
	 */
	public Object lastValue() {
		if (this.numeric) {
			return this.descending ? -Double.MAX_VALUE : Double.MAX_VALUE;
		}
		return this.descending ? "" : "\uFFFF";
	}

}

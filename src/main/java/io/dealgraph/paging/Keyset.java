package io.dealgraph.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.errors.ApiException;

/**
 * Keyset paging over an ordering of sort keys with the row's id as the final tiebreak. A
 * page continues strictly after the last row's key values, so rows inserted between pages
 * are neither repeated nor skipped, and a deep page costs no more than the first.
 */
public final class Keyset {

	private final List<SortKey> keys;

	private final String idExpression;

	private final boolean idDescending;

	private final String name;

	/**
	 * @param keys the sort keys, most significant first
	 * @param idExpression the row's id, the final tiebreak that makes the order total
	 * @param idDescending whether ids run descending
	 */
	public Keyset(List<SortKey> keys, String idExpression, boolean idDescending) {
		this.keys = List.copyOf(keys);
		this.idExpression = idExpression;
		this.idDescending = idDescending;
		this.name = keys.stream()
			.map((k) -> k.name() + (k.descending() ? "-desc" : ""))
			.collect(Collectors.joining(",")) + (idDescending ? ",id-desc" : ",id");
	}

	/**
	 * Each key's expression with nulls replaced so that they sort last, as a list
	 * {@code [k1, k2, id]}.
	 */
	public String sortValues(Function<Object, String> parameter) {
		List<String> values = new ArrayList<>();
		for (SortKey key : this.keys) {
			values.add(coalesced(key, parameter));
		}
		values.add(this.idExpression);
		return values.stream().collect(Collectors.joining(", ", "[", "]"));
	}

	/** The ORDER BY items over the projected {@code sortValues} list. */
	public String orderBy(String sortValues) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < this.keys.size(); i++) {
			items.add(sortValues + "[" + i + "]" + (this.keys.get(i).descending() ? " DESC" : ""));
		}
		items.add(sortValues + "[" + this.keys.size() + "]" + (this.idDescending ? " DESC" : ""));
		return String.join(", ", items);
	}

	/**
	 * The predicate that keeps rows strictly after {@code after}, over the projected
	 * {@code sortValues}; {@code true} on the first page.
	 */
	public String after(@Nullable String after, String sortValues, Function<Object, String> parameter) {
		if (after == null) {
			return "true";
		}
		Cursor cursor = Cursor.decode(after, this.name, this.keys.size() + 1);
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < this.keys.size(); i++) {
			values.add(typed(this.keys.get(i), cursor.values().get(i)));
		}
		values.add(cursor.values().get(this.keys.size()));
		List<String> alternatives = new ArrayList<>();
		for (int i = 0; i <= this.keys.size(); i++) {
			List<String> terms = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				terms.add(sortValues + "[" + j + "] = " + parameter.apply(values.get(j)));
			}
			boolean descending = (i < this.keys.size()) ? this.keys.get(i).descending() : this.idDescending;
			terms.add(sortValues + "[" + i + "] " + (descending ? "<" : ">") + " " + parameter.apply(values.get(i)));
			alternatives.add(String.join(" AND ", terms));
		}
		return alternatives.stream().collect(Collectors.joining(") OR (", "((", "))"));
	}

	/** The cursor of a row from its projected sort values. */
	public Cursor cursor(Value sortValues) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < sortValues.size(); i++) {
			Value v = sortValues.get(i);
			values.add((i < this.keys.size() && this.keys.get(i).numeric()) ? Double.toString(v.asDouble())
					: v.asString());
		}
		return new Cursor(this.name, values);
	}

	private static String coalesced(SortKey key, Function<Object, String> parameter) {
		return "coalesce(" + key.expression() + ", " + parameter.apply(key.lastValue()) + ")";
	}

	private static Object typed(SortKey key, String value) {
		if (!key.numeric()) {
			return value;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Malformed cursor: pass back an 'endCursor' exactly as received.");
		}
	}

}

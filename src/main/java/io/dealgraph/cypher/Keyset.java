package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.errors.ApiException;
import io.dealgraph.paging.Cursor;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;

/**
 * Keyset paging over an ordering of sort keys with the row's id as the final tiebreak. A
 * page continues strictly after the last row's key values, so rows inserted between pages
 * are neither repeated nor skipped, and a deep page costs no more than the first.
 */
public final class Keyset {

	/**
	 * What a connection's statement binds as {@code total} when {@code totalCount} is not
	 * selected: the count is a second pass, read only when asked for.
	 */
	static final String NO_TOTAL = "WITH -1 AS total";

	private final List<SortKey> keys;

	private final String idExpression;

	private final boolean idDescending;

	private final String name;

	private final boolean backward;

	/**
	 * @param keys the sort keys, most significant first
	 * @param idExpression the row's id, the final tiebreak that makes the order total
	 * @param idDescending whether ids run descending
	 */
	Keyset(List<SortKey> keys, String idExpression, boolean idDescending) {
		this(keys, idExpression, idDescending, false);
	}

	private Keyset(List<SortKey> keys, String idExpression, boolean idDescending, boolean backward) {
		this.keys = List.copyOf(keys);
		this.idExpression = idExpression;
		this.idDescending = idDescending;
		this.backward = backward;
		this.name = keys.stream()
			.map((k) -> k.name() + (k.descending() ? "-desc" : ""))
			.collect(Collectors.joining(",")) + (idDescending ? ",id-desc" : ",id");
	}

	/**
	 * The same ordering run backwards, for {@code last} and {@code before}: the page
	 * before a cursor is this keyset's page after it, its rows then read in reverse.
	 * Every row, null keys included, sits exactly where the forward order puts it, and
	 * cursors are those of the forward order, so a client can page either way from any
	 * cursor.
	 */
	Keyset backward() {
		return new Keyset(this.keys, this.idExpression, this.idDescending, !this.backward);
	}

	/** This keyset in the direction {@code page} reads. */
	public Keyset reading(Page page) {
		return page.backward() ? backward() : this;
	}

	/** Whether the key runs descending in the direction this keyset reads. */
	private boolean descending(SortKey key) {
		return key.descending() != this.backward;
	}

	/**
	 * Each key's value with nulls replaced so that they sort last, and the id, as a list
	 * {@code [k1, k2, id]}: what a row's cursor holds. Project it for the returned rows
	 * only, after the limit.
	 */
	String sortValues(Function<Object, String> parameter) {
		List<String> values = new ArrayList<>();
		for (SortKey key : this.keys) {
			values.add(value(key, parameter));
		}
		values.add(this.idExpression);
		return values.stream().collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * The ORDER BY items, on the keys' own expressions, so that a range index on a
	 * required key can give the order without a sort.
	 */
	String orderBy(Function<Object, String> parameter) {
		List<String> items = new ArrayList<>();
		for (SortKey key : this.keys) {
			items.add(value(key, parameter) + (descending(key) ? " DESC" : ""));
		}
		items.add(this.idExpression + ((this.idDescending != this.backward) ? " DESC" : ""));
		return String.join(", ", items);
	}

	/**
	 * Refuses a page whose cursor this ordering did not write, as reading it would.
	 * @throws ApiException BAD_REQUEST for a cursor of another ordering, or not a cursor
	 */
	public void check(Page page) {
		reading(page).after(page.cursor(), (value) -> "$cursorValue");
	}

	/**
	 * The predicate that keeps rows strictly after {@code after}, on the keys' own
	 * expressions. When the leading key is required it also bounds that key alone
	 * ({@code o.name >= $v}, or {@code IS NOT NULL} on the first page), the form the
	 * planner can answer from a range index in order.
	 */
	String after(@Nullable String after, Function<Object, String> parameter) {
		SortKey leading = this.keys.isEmpty() ? null : this.keys.getFirst();
		boolean seekable = leading != null && leading.required();
		if (after == null) {
			return seekable ? leading.expression() + " IS NOT NULL" : "true";
		}
		Cursor cursor = Cursor.decode(after, this.name, this.keys.size() + 1);
		List<String> values = new ArrayList<>();
		List<String> expressions = new ArrayList<>();
		for (int i = 0; i < this.keys.size(); i++) {
			values.add(parameter.apply(typed(this.keys.get(i), cursor.values().get(i))));
			expressions.add(value(this.keys.get(i), parameter));
		}
		values.add(parameter.apply(cursor.values().get(this.keys.size())));
		expressions.add(this.idExpression);
		if (!seekable) {
			return strictlyAfter(expressions, values, 0);
		}
		// Past the leading key's bound, a row is after the cursor unless it ties on the
		// leading key and is not after it on the rest. Written so, with no OR at the top,
		// the planner seeks the index from the bound in order instead of splitting the
		// alternatives into a union that it must sort again.
		String bound = expressions.getFirst() + (descending(leading) ? " <= " : " >= ") + values.getFirst();
		return "(" + bound + " AND NOT (" + expressions.getFirst() + " = " + values.getFirst() + " AND NOT "
				+ strictlyAfter(expressions, values, 1) + "))";
	}

	/**
	 * Rows strictly after the cursor on the keys from {@code from} on: after on the first
	 * of them, or equal on it and after on the rest.
	 */
	private String strictlyAfter(List<String> expressions, List<String> values, int from) {
		List<String> alternatives = new ArrayList<>();
		for (int i = from; i < expressions.size(); i++) {
			List<String> terms = new ArrayList<>();
			for (int j = from; j < i; j++) {
				terms.add(expressions.get(j) + " = " + values.get(j));
			}
			boolean descending = (i < this.keys.size()) ? descending(this.keys.get(i))
					: (this.idDescending != this.backward);
			terms.add(expressions.get(i) + (descending ? " < " : " > ") + values.get(i));
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

	/** The key's expression, with null standing in as its last value unless required. */
	private static String value(SortKey key, Function<Object, String> parameter) {
		return key.required() ? key.expression()
				: "coalesce(" + key.expression() + ", " + parameter.apply(key.lastValue()) + ")";
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

package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.List;

import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.paging.Page;

/**
 * What is read beneath the rows of a page, read only for the rows the page shows. A page
 * fetches one row more than it shows ({@link Page#fetchSize}) to learn whether another
 * page follows; reading the nested fields of that row too cost as much as a shown row's,
 * for a row the response drops. In the 3-level selection (10 miners, 5 deals each, each
 * deal's source's financiers) the extra miner and each miner's extra deal were 12 of the
 * 57 deals whose financiers were read at 100k deals, and the ones with the most
 * financiers among them.
 *
 * <p>
 * The rows, already in the page's order, are numbered by collecting them into one list
 * and unwinding it by index; the nested calls then run inside one subquery guarded by an
 * {@code UNWIND} of an empty or one-row list, the form that runs nothing when empty (see
 * {@code OrganizationStatements.PROBED} for why not {@code WITH * WHERE}). The extra
 * row's answers are null; {@link io.dealgraph.paging.Connection#of} drops the row unread.
 */
public final class ShownRows {

	private static final CypherText SHOWN_ONLY = CypherText.of("""
			WITH collect([{{rows}}]) AS {{fetched}}
			UNWIND range(0, size({{fetched}}) - 1) AS {{i}}
			WITH {{unpacked}}, {{i}} < {{size}} AS {{shown}}
			CALL ({{imported}}) {
			  UNWIND CASE WHEN {{shown}} THEN [true] ELSE [] END AS {{guard}}
			  {{calls}}
			  RETURN collect({{answers}})[0] AS {{column}}
			}""");

	private ShownRows() {
	}

	/**
	 * {@code beneath} with its calls run only for the first {@code size} rows, as they
	 * come in order; its answers become one column, null for the other rows.
	 * @param rows the variables bound on each row at the slot of the calls, all of them:
	 * the rows are rebuilt from these alone
	 * @param size the rows shown, as an expression, such as {@code $limit - 1}
	 */
	public static Beneath of(Beneath beneath, List<String> rows, String size, CypherFilter names) {
		if (beneath.calls().isBlank()) {
			return beneath;
		}
		String fetched = names.variable("fetched");
		String i = names.variable("i");
		String shown = names.variable("shown");
		String column = names.variable("beneath");
		List<String> unpacked = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			unpacked.add(fetched + "[" + i + "][" + k + "] AS " + rows.get(k));
		}
		List<String> imported = new ArrayList<>(rows);
		imported.add(shown);
		String calls = SHOWN_ONLY.with("rows", String.join(", ", rows))
			.with("fetched", fetched)
			.with("i", i)
			.with("unpacked", String.join(", ", unpacked))
			.with("size", size)
			.with("shown", shown)
			.with("imported", String.join(", ", imported))
			.with("guard", names.variable("guard"))
			.with("calls", beneath.calls().replace("\n", "\n  "))
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
		return new Beneath(beneath.projection(), calls, column);
	}

	/**
	 * {@link #of} for a page of {@code page.size()} rows, its size a new parameter.
	 */
	public static Beneath of(Beneath beneath, List<String> rows, Page page, CypherFilter names) {
		return beneath.calls().isBlank() ? beneath : of(beneath, rows, names.parameter(page.size()), names);
	}

}

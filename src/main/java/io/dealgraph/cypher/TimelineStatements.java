package io.dealgraph.cypher;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.paging.SortKey;

/**
 * The timeline's statements: deals and their status changes in date order. Each entry of
 * a deal's status history is an event; the first is its announcement. Ordering uses the
 * same keys as deals: a partial date before the more precise dates inside it, undated
 * events last.
 */
public final class TimelineStatements {

	/**
	 * A keyset page of the timeline's events, in its order (date key, deal id, step), and
	 * their total when asked for.
	 */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  CALL () {
			    {{deals}}
			  }
			  WITH a, r, b WHERE {{where}}
			  UNWIND range(0, size(r.statusHistory) - 1) AS i
			  WITH a, r, b, i,
			       CASE WHEN i = 0 THEN coalesce(nullIf(r.statusDates[0], ''), r.announcedOn)
			            ELSE nullIf(r.statusDates[i], '') END AS on
			  WITH a, r, b, i, on, {{dateKey}} AS key, right('0000' + toString(i), 4) AS step
			  WITH * WHERE {{after}}
			  WITH * ORDER BY {{orderBy}}
			  LIMIT $limit
			  WITH a, r, b, i, on, {{sortValues}} AS sortValues
			  {{calls}}
			  RETURN collect({on: on, i: i, status: r.statusHistory[i], note: nullIf(r.statusNotes[i], ''),
			                  deal: {{deal}}, sortValues: sortValues, beneath: {{answers}}}) AS rows
			}
			RETURN rows, total
			""").with("dateKey", PartialDateKeys.sortKeyOrLastInCypher("on"));

	/** The events counted: one per step of each matching deal's status history. */
	private static final CypherText TOTAL = CypherText.of("""
			CALL () {
			  CALL () {
			    {{deals}}
			  }
			  WITH a, r, b WHERE {{where}}
			  RETURN sum(size(r.statusHistory)) AS total
			}""");

	/**
	 * The timeline's order: date key, then deal id, then step (zero-padded, 4 digits).
	 */
	public static final Keyset IN_DATE_ORDER = new Keyset(
			List.of(new SortKey("on", "key", false, false, true), new SortKey("deal", "r.id", false, false, true)),
			"step", false);

	/** Every deal with its parties, as {@code a, r, b}. */
	private static final String ALL_DEALS = CypherText.of("MATCH {{deals}} RETURN a, r, b")
		.with("deals", DealStorage.withParties("a", "r", Set.of(), "b"))
		.build();

	/** The deals of organization {@code $of}, from either end, as {@code a, r, b}. */
	private static final String DEALS_OF = CypherText.of("""
			MATCH {{dealsFrom}} RETURN a, r, b
			  UNION
			  MATCH {{dealsTo}} RETURN a, r, b""")
		.with("dealsFrom", DealStorage.withParties("a:" + DealStorage.ORGANIZATION + " {id: $of}", "r", Set.of(), "b"))
		.with("dealsTo", DealStorage.withParties("a", "r", Set.of(), "b:" + DealStorage.ORGANIZATION + " {id: $of}"))
		.build();

	private TimelineStatements() {
	}

	/**
	 * A page of the events of the deals of {@code $of} (every deal when
	 * {@code ofOneOrganization} is false) that match {@code where} under the filter's
	 * view, in {@code keyset}'s order after {@code cursor}, with their total when asked
	 * for, and each event's deal with what {@code beneath} reads beneath it. Reads
	 * {@code $of} (when {@code ofOneOrganization}), {@code $limit} and the filter's
	 * parameters; returns one row of {@code rows} (each event's {@code on}, {@code i},
	 * {@code status}, {@code note}, {@code deal}, {@code sortValues} and {@code beneath})
	 * and {@code total} (-1 when not asked for).
	 */
	public static String page(boolean ofOneOrganization, @Nullable DealWhere where, CypherFilter filter, Keyset keyset,
			@Nullable String cursor, boolean withTotal, DealStatements.BeneathOf beneath) {
		String predicate = filter.deal(where, "r", "a", "b");
		String deals = ofOneOrganization ? DEALS_OF : ALL_DEALS;
		Beneath parts = beneath.of("r", "a", "b");
		return PAGE
			.with("total", withTotal ? TOTAL.with("deals", deals).with("where", predicate).build() : Keyset.NO_TOTAL)
			.with("deals", deals)
			.with("where", predicate)
			.with("after", keyset.after(cursor, filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("calls", parts.calls())
			.with("deal", parts.projection())
			.with("answers", parts.answers())
			.build();
	}

}

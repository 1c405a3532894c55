package io.dealgraph.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;

import io.dealgraph.deal.DealProperties;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.graph.View;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import org.springframework.stereotype.Component;

/**
 * The statement of the timeline: deals and their status changes in date order. Each entry
 * of a deal's status history is an event; the first is its announcement. Ordering uses
 * the same keys as deals: a partial date before the more precise dates inside it, undated
 * events last.
 */
@Component
class TimelineQueries {

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
			  RETURN collect({on: on, i: i, status: r.statusHistory[i], note: nullIf(r.statusNotes[i], ''),
			                  deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN rows, total
			""")
		.with("dateKey", PartialDateKeys.sortKeyOrLastInCypher("on"))
		.with("deal", DealStorage.projection("r", "a", "b"));

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
	private static final Keyset IN_DATE_ORDER = new Keyset(
			List.of(new SortKey("on", "key", false, false, true), new SortKey("deal", "r.id", false, false, true)),
			"step", false);

	private static final String ALL_DEALS = CypherText.of("MATCH {{deals}} RETURN a, r, b")
		.with("deals", DealStorage.withParties("a", "r", Set.of(), "b"))
		.build();

	private static final String DEALS_OF = CypherText.of("""
			MATCH {{dealsFrom}} RETURN a, r, b
			  UNION
			  MATCH {{dealsTo}} RETURN a, r, b""")
		.with("dealsFrom", DealStorage.withParties("a:Organization {id: $of}", "r", Set.of(), "b"))
		.with("dealsTo", DealStorage.withParties("a", "r", Set.of(), "b:Organization {id: $of}"))
		.build();

	private final CypherExecutor cypher;

	TimelineQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/**
	 * The first {@code size} events of the deals of {@code of} (every deal when null)
	 * that match {@code where} and meet the view's evidence threshold: the first page of
	 * {@link #page}, whatever its size.
	 */
	List<TimelineEvent> events(@Nullable String of, @Nullable DealWhere where, int size, View view) {
		return page(of, where, new Page(size, null, false), false, view).edges().stream().map(Edge::node).toList();
	}

	/**
	 * A page of the events of the deals of {@code of} (every deal when null) that match
	 * {@code where} and meet the view's evidence threshold, with their total when asked
	 * for.
	 */
	Connection<TimelineEvent> page(@Nullable String of, @Nullable DealWhere where, Page page, boolean withTotal,
			View view) {
		var filter = new CypherFilter(view);
		Keyset keyset = IN_DATE_ORDER.reading(page);
		String predicate = filter.deal(where, "r", "a", "b");
		String deals = (of != null) ? DEALS_OF : ALL_DEALS;
		String query = PAGE
			.with("total", withTotal ? TOTAL.with("deals", deals).with("where", predicate).build() : "WITH -1 AS total")
			.with("deals", deals)
			.with("where", predicate)
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("sortValues", keyset.sortValues(filter::parameter))
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("limit", page.fetchSize());
		parameters.put("of", of);
		Record row = this.cypher.read(query, parameters).getFirst();
		List<Edge<TimelineEvent>> edges = row.get("rows")
			.asList((event) -> new Edge<>(keyset.cursor(event.get("sortValues")).encode(), event(event)));
		return Connection.of(edges, page, row.get("total").asInt());
	}

	private static TimelineEvent event(MapAccessor row) {
		return new TimelineEvent(row.get("on").asString(null),
				(row.get("i").asInt() == 0) ? TimelineEvent.Kind.ANNOUNCED : TimelineEvent.Kind.STATUS_CHANGE,
				DealStatus.valueOf(row.get("status").asString()), row.get("note").asString(null),
				DealProperties.decode(row.get("deal")));
	}

}

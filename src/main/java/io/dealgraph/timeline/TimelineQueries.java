package io.dealgraph.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.deal.DealProperties;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.graph.View;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * The statement of the timeline: deals and their status changes in date order. Each entry
 * of a deal's status history is an event; the first is its announcement. Ordering uses
 * the same keys as deals: a partial date before the more precise dates inside it, undated
 * events last.
 */
@Component
class TimelineQueries {

	private static final CypherText TIMELINE = CypherText.of("""
			CALL () {
			  {{deals}}
			}
			WITH a, r, b WHERE {{where}}
			UNWIND range(0, size(r.statusHistory) - 1) AS i
			WITH a, r, b, i,
			     CASE WHEN i = 0 THEN coalesce(nullIf(r.statusDates[0], ''), r.announcedOn)
			          ELSE nullIf(r.statusDates[i], '') END AS on
			WITH a, r, b, i, on,
			     {{dateKey}} AS key
			ORDER BY key, r.id, i
			LIMIT $first
			RETURN on, i, r.statusHistory[i] AS status, nullIf(r.statusNotes[i], '') AS note,
			       {{deal}} AS deal
			""")
		.with("dateKey", PartialDateKeys.sortKeyOrLastInCypher("on"))
		.with("deal", DealStorage.projection("r", "a", "b"));

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
	 * that match {@code where} and meet the view's evidence threshold.
	 */
	List<TimelineEvent> events(@Nullable String of, @Nullable DealWhere where, int size, View view) {
		var filter = new CypherFilter(view);
		String predicate = filter.deal(where, "r", "a", "b");
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("first", size);
		parameters.put("of", of);
		String query = TIMELINE.with("deals", (of != null) ? DEALS_OF : ALL_DEALS).with("where", predicate).build();
		return this.cypher.read(query, parameters, TimelineQueries::event);
	}

	private static TimelineEvent event(Record row) {
		return new TimelineEvent(row.get("on").asString(null),
				(row.get("i").asInt() == 0) ? TimelineEvent.Kind.ANNOUNCED : TimelineEvent.Kind.STATUS_CHANGE,
				DealStatus.valueOf(row.get("status").asString()), row.get("note").asString(null),
				DealProperties.decode(row.get("deal")));
	}

}

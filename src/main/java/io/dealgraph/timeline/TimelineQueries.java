package io.dealgraph.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;

import io.dealgraph.deal.DealProperties;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.Answered;
import io.dealgraph.cypher.DealStatements.BeneathOf;
import io.dealgraph.cypher.TimelineStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.paging.Page;
import org.springframework.stereotype.Component;

/**
 * The timeline: deals and their status changes in date order, read by
 * {@link TimelineStatements}. Each entry of a deal's status history is an event; the
 * first is its announcement. Ordering uses the same keys as deals: a partial date before
 * the more precise dates inside it, undated events last.
 */
@Component
class TimelineQueries {

	private final CypherExecutor cypher;

	TimelineQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/**
	 * The first {@code size} events of the deals of {@code of} (every deal when null)
	 * that match {@code where} in the filter's view, each with what {@code beneath} reads
	 * beneath its deal: the first page of {@link #page}, whatever its size.
	 */
	List<Answered<TimelineEvent>> events(@Nullable String of, @Nullable DealWhere where, int size, CypherFilter filter,
			BeneathOf beneath) {
		return page(of, where, new Page(size, null, false), false, filter, beneath).edges()
			.stream()
			.map(Edge::node)
			.toList();
	}

	/**
	 * A page of the events of the deals of {@code of} (every deal when null) that match
	 * {@code where} in the filter's view, with their total when asked for, each with what
	 * {@code beneath} reads beneath its deal, in one statement.
	 */
	Connection<Answered<TimelineEvent>> page(@Nullable String of, @Nullable DealWhere where, Page page,
			boolean withTotal, CypherFilter filter, BeneathOf beneath) {
		Keyset keyset = TimelineStatements.IN_DATE_ORDER.reading(page);
		String query = TimelineStatements.page(of != null, where, filter, keyset, page.cursor(), withTotal, beneath);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("limit", page.fetchSize());
		parameters.put("of", of);
		Record row = this.cypher.read(query, parameters).getFirst();
		List<Edge<Answered<TimelineEvent>>> edges = row.get("rows")
			.asList((event) -> new Edge<>(keyset.cursor(event.get("sortValues")).encode(),
					new Answered<>(event(event), event.get("beneath"))));
		return Connection.of(edges, page, row.get("total").asInt());
	}

	private static TimelineEvent event(MapAccessor row) {
		return new TimelineEvent(row.get("on").asString(null),
				(row.get("i").asInt() == 0) ? TimelineEvent.Kind.ANNOUNCED : TimelineEvent.Kind.STATUS_CHANGE,
				DealStatus.valueOf(row.get("status").asString()), row.get("note").asString(null),
				DealProperties.decode(row.get("deal")));
	}

}

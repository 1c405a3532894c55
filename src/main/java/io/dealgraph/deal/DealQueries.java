package io.dealgraph.deal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Cursor;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * Every Cypher statement that reads deals. Relationship types and directions are spliced
 * in from {@link DealType} and {@link DealDirection} only; every value is a parameter.
 */
@Repository
public class DealQueries {

	/**
	 * The ordering of an organization's deals: by announcement date (partial dates
	 * first), then id.
	 */
	static final String BY_DATE = "organization-deals";

	/** Sorts unknown dates after every real key. */
	private static final String UNKNOWN_DATE_KEY = "9999-99-99";

	/**
	 * One page of deals for each of many organizations, with each one's total when asked
	 * for, in one statement. Placeholders: 1 the pattern, filled from enums by
	 * {@link #pattern}; 2 the total, {@link #TOTAL} or {@link #NO_TOTAL}.
	 */
	private static final String DEALS_OF_ORGANIZATIONS = """
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			%2$s
			CALL (o) {
			  MATCH %1$s
			  WHERE r.retractedAt IS NULL
			  WITH r, coalesce(r.announcedKey, $unknownDateKey) AS sortKey
			  WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND r.id > $afterId)
			  ORDER BY sortKey, r.id
			  LIMIT $limit
			  WITH r, startNode(r) AS source, endNode(r) AS target
			  RETURN collect(r {.*, type: type(r), from: source {.*}, to: target {.*}}) AS deals
			}
			RETURN organizationId, total, deals
			""";

	private static final String TOTAL = "CALL (o) { RETURN COUNT { %1$s WHERE r.retractedAt IS NULL } AS total }";

	private static final String NO_TOTAL = "WITH o, organizationId, -1 AS total";

	/**
	 * One page of deals and, when asked for, their total, in one statement. Filled in by
	 * {@link #page}: the relationship types, the predicate from {@link CypherFilter},
	 * then the keyset's parts.
	 */
	private static final String PAGE = """
			%6$s
			CALL () {
			  MATCH (a:Organization)-[r:%1$s]->(b:Organization) WHERE %2$s
			  WITH a, r, b, %3$s AS sortValues
			  WHERE %4$s
			  ORDER BY %5$s
			  LIMIT $limit
			  RETURN collect({deal: r {.*, type: type(r), from: a {.*}, to: b {.*}}, sortValues: sortValues}) AS rows
			}
			RETURN total, rows
			""";

	private static final String BY_IDS = """
			UNWIND $ids AS id
			MATCH (a:Organization)-[r:%s]->(b:Organization)
			WHERE r.id = id AND (r.retractedAt IS NULL OR $includeRetracted)
			RETURN r {.*, type: type(r), from: a {.*}, to: b {.*}} AS deal
			""";

	private final CypherExecutor cypher;

	DealQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** A page of each organization's deals, keyed by organization id. */
	Map<String, Connection<Deal>> dealsOf(Collection<String> organizationIds, DealSelection selection) {
		Page page = selection.page();
		Cursor after = (page.after() != null) ? Cursor.decode(page.after(), BY_DATE, 2) : null;
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(organizationIds));
		parameters.put("unknownDateKey", UNKNOWN_DATE_KEY);
		parameters.put("afterKey", (after != null) ? after.values().get(0) : null);
		parameters.put("afterId", (after != null) ? after.values().get(1) : null);
		parameters.put("limit", page.fetchSize());
		String pattern = pattern(selection.types(), selection.direction());
		String query = DEALS_OF_ORGANIZATIONS.formatted(pattern,
				selection.withTotal() ? TOTAL.formatted(pattern) : NO_TOTAL);
		Map<String, Connection<Deal>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, parameters)) {
			List<Edge<Deal>> deals = row.get("deals").asList((r) -> {
				Deal deal = deal(r);
				return new Edge<>(cursor(deal).encode(), deal);
			});
			pages.put(row.get("organizationId").asString(), Connection.of(deals, page, row.get("total").asInt()));
		}
		return pages;
	}

	public Optional<Deal> byId(String id, boolean includeRetracted) {
		return byIds(List.of(id), includeRetracted).stream().findFirst();
	}

	/** The deals with these ids, in one statement; ids no deal has are left out. */
	public List<Deal> byIds(Collection<String> ids, boolean includeRetracted) {
		return this.cypher.read(BY_IDS.formatted(DealType.cypherTypes(EnumSet.allOf(DealType.class))),
				Map.of("ids", List.copyOf(ids), "includeRetracted", includeRetracted), (r) -> deal(r.get("deal")));
	}

	Connection<Deal> page(@Nullable DealWhere where, List<DealOrder> orderBy, Page page, boolean withTotal,
			@Nullable String asOf) {
		var filter = new CypherFilter(asOf);
		String predicate = filter.deal(where, "r", "a", "b");
		Keyset keyset = keyset(orderBy);
		String types = DealType.cypherTypes(DealWhere.typesAllowedBy(where));
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? "CALL () { MATCH (a:Organization)-[r:" + types + "]->(b:Organization) WHERE "
				+ predicate + " RETURN count(r) AS total }" : "WITH -1 AS total";
		String query = PAGE.formatted(types, predicate, keyset.sortValues(filter::parameter),
				keyset.after(page.after(), "sortValues", filter::parameter), keyset.orderBy("sortValues"), total);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("limit", page.fetchSize());
		Record row = this.cypher.read(query, parameters).getFirst();
		List<Edge<Deal>> edges = row.get("rows")
			.asList((r) -> new Edge<>(keyset.cursor(r.get("sortValues")).encode(), deal(r.get("deal"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	private static Keyset keyset(List<DealOrder> orderBy) {
		List<DealOrder> orders = orderBy.isEmpty() ? List.of(new DealOrder(DealOrder.Field.ANNOUNCED_ON, null))
				: orderBy;
		List<SortKey> keys = new ArrayList<>();
		for (DealOrder order : orders) {
			switch (order.field()) {
				case ANNOUNCED_ON -> keys.add(new SortKey("announced", "r.announcedKey", false, order.descending()));
				case AMOUNT -> keys.add(new SortKey("amountUsd", "r.amountUsd", true, order.descending()));
				case ID -> {
					// The id ends every ordering; keys after it could never decide
					// anything.
					return new Keyset(keys, "r.id", order.descending());
				}
			}
		}
		return new Keyset(keys, "r.id", false);
	}

	static Deal deal(Value r) {
		return DealProperties.decode(r);
	}

	private static Cursor cursor(Deal deal) {
		String key = DealProperties.sortKey(deal.announcedOn());
		return Cursor.of(BY_DATE, (key != null) ? key : UNKNOWN_DATE_KEY, deal.id());
	}

	/**
	 * {@code (o)-[r:A|B]->()} for the given types and direction; all types when none are
	 * given.
	 */
	static String pattern(Set<DealType> types, DealDirection direction) {
		String relationship = "[r:" + DealType.cypherTypes(types) + "]";
		return switch (direction) {
			case OUTGOING -> "(o)-" + relationship + "->(:Organization)";
			case INCOMING -> "(o)<-" + relationship + "-(:Organization)";
			case ANY -> "(o)-" + relationship + "-(:Organization)";
		};
	}

}

package io.dealgraph.deal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.View;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * Every Cypher statement that reads deals. Deal patterns come from {@link DealStorage},
 * with labels and directions from {@link DealType} and {@link DealDirection} only; every
 * value is a parameter.
 */
@Repository
public class DealQueries {

	/**
	 * One page of deals for each of many organizations, with each one's total when asked
	 * for, in one statement. {@code standing} is the view's rule for which deals count.
	 */
	private static final CypherText DEALS_OF_ORGANIZATIONS = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			{{total}}
			CALL (o) {
			  MATCH {{deals}}
			  WHERE {{standing}} AND {{after}}
			  WITH r ORDER BY {{orderBy}} LIMIT $limit
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN organizationId, total, rows
			""").with("deal", DealStorage.projection("r"));

	private static final CypherText TOTAL = CypherText
		.of("CALL (o) { RETURN COUNT { {{deals}} WHERE {{standing}} } AS total }");

	private static final String NO_TOTAL = "WITH o, organizationId, -1 AS total";

	/**
	 * An organization's deals are ordered as the top-level {@code deals} are by default:
	 * by announcement date, partial dates before the days inside them, then id.
	 */
	private static final Keyset BY_ANNOUNCEMENT = keyset(List.of());

	/** One page of deals and, when asked for, their total, in one statement. */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  MATCH {{deals}} WHERE {{where}} AND {{after}}
			  WITH a, r, b ORDER BY {{orderBy}} LIMIT $limit
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN total, rows
			""").with("deal", DealStorage.projection("r", "a", "b"));

	private static final CypherText PAGE_TOTAL = CypherText
		.of("CALL () { MATCH {{deals}} WHERE {{where}} RETURN count(r) AS total }");

	private static final String BY_IDS = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}, {{parties}}
			WHERE {{visible}} OR $includeRetracted
			RETURN {{projection}} AS deal
			""")
		.with("deal", DealStorage.byId("r", "id"))
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("visible", DealStorage.visible("r"))
		.with("projection", DealStorage.projection("r", "a", "b"))
		.build();

	private final CypherExecutor cypher;

	DealQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** A page of each organization's deals, keyed by organization id. */
	Map<String, Connection<Deal>> dealsOf(Collection<String> organizationIds, DealSelection selection) {
		Page page = selection.page();
		var parameters = new CypherFilter(selection.view());
		String deals = pattern(selection.types(), selection.direction());
		String standing = parameters.standing("r");
		String query = DEALS_OF_ORGANIZATIONS
			.with("total",
					selection.withTotal() ? TOTAL.with("deals", deals).with("standing", standing).build() : NO_TOTAL)
			.with("deals", deals)
			.with("standing", standing)
			.with("sortValues", BY_ANNOUNCEMENT.sortValues(parameters::parameter))
			.with("after", BY_ANNOUNCEMENT.after(page.after(), parameters::parameter))
			.with("orderBy", BY_ANNOUNCEMENT.orderBy(parameters::parameter))
			.build();
		Map<String, Object> values = new HashMap<>(parameters.parameters());
		values.put("ids", List.copyOf(organizationIds));
		values.put("limit", page.fetchSize());
		Map<String, Connection<Deal>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, values)) {
			List<Edge<Deal>> edges = row.get("rows")
				.asList((r) -> new Edge<>(BY_ANNOUNCEMENT.cursor(r.get("sortValues")).encode(), deal(r.get("deal"))));
			pages.put(row.get("organizationId").asString(), Connection.of(edges, page, row.get("total").asInt()));
		}
		return pages;
	}

	public Optional<Deal> byId(String id, boolean includeRetracted) {
		return byIds(List.of(id), includeRetracted).stream().findFirst();
	}

	/** The deals with these ids, in one statement; ids no deal has are left out. */
	public List<Deal> byIds(Collection<String> ids, boolean includeRetracted) {
		return this.cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids), "includeRetracted", includeRetracted),
				(r) -> deal(r.get("deal")));
	}

	Connection<Deal> page(@Nullable DealWhere where, List<DealOrder> orderBy, Page page, boolean withTotal, View view) {
		var filter = new CypherFilter(view);
		String predicate = filter.deal(where, "r", "a", "b");
		Keyset keyset = keyset(orderBy);
		String deals = DealStorage.withParties("a:" + DealStorage.ORGANIZATION, "r", DealWhere.typesAllowedBy(where),
				"b:" + DealStorage.ORGANIZATION);
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? PAGE_TOTAL.with("deals", deals).with("where", predicate).build()
				: "WITH -1 AS total";
		String query = PAGE.with("total", total)
			.with("deals", deals)
			.with("where", predicate)
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("after", keyset.after(page.after(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.build();
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
				case ANNOUNCED_ON -> keys.add(new SortKey("announced",
						DealStorage.property("r", DealStorage.ANNOUNCED_KEY), false, order.descending(), false));
				case AMOUNT -> keys.add(new SortKey("amountUsd", DealStorage.property("r", DealStorage.AMOUNT_USD),
						true, order.descending(), false));
				case ID -> {
					// The id ends every ordering; keys after it could never decide
					// anything.
					return new Keyset(keys, DealStorage.property("r", DealStorage.ID), order.descending());
				}
			}
		}
		return new Keyset(keys, DealStorage.property("r", DealStorage.ID), false);
	}

	static Deal deal(Value r) {
		return DealProperties.decode(r);
	}

	/**
	 * The deals {@code r} of organization {@code o} of the given types, all when none are
	 * given, with {@code o} at the end {@code direction} says.
	 */
	static String pattern(Set<DealType> types, DealDirection direction) {
		End end = switch (direction) {
			case OUTGOING -> End.FROM;
			case INCOMING -> End.TO;
			case ANY -> End.EITHER;
		};
		return DealStorage.dealsAt("o", end, "r", types);
	}

}

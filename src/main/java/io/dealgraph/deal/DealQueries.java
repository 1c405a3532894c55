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

import io.dealgraph.graph.Answered;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.RelationReason;
import io.dealgraph.graph.SiteStorage;
import io.dealgraph.graph.View;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import io.dealgraph.neo4j.CypherExecutor;
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
	 * for, in one statement.
	 */
	private static final CypherText DEALS_OF_ORGANIZATIONS = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			CALL (o) {
			  {{page}}
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN organizationId, {{total}} AS total, rows
			""");

	/**
	 * The lines of a subquery that read one page of organization {@code o}'s deals into
	 * {@code r}, in order, with their parties; {@code standing} is the view's rule for
	 * which deals count. The parties are matched, not read by a pattern comprehension in
	 * the projection: under an as-of filter Neo4j 2026's planner fails on that
	 * ("insertCachedProperties: ... should not appear non-cached", on the announcement
	 * key).
	 */
	private static final CypherText PAGE_AT = CypherText.of("""
			MATCH {{deals}}
			  WHERE {{standing}} AND {{after}}
			  WITH {{r}} ORDER BY {{orderBy}} LIMIT {{limit}}
			  MATCH {{parties}}""");

	private static final CypherText TOTAL_AT = CypherText.of("COUNT { {{deals}} WHERE {{standing}} }");

	/**
	 * One page of deals at each of many sites, with each one's total when asked for, in
	 * one statement; ordered as an organization's deals are.
	 */
	private static final CypherText DEALS_AT_SITES = CypherText.of("""
			UNWIND $ids AS siteId
			MATCH (s:Site {id: siteId})
			CALL (s) {
			  MATCH {{deals}}
			  WHERE {{standing}} AND {{after}}
			  WITH r ORDER BY {{orderBy}} LIMIT {{limit}}
			  MATCH {{parties}}
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN siteId, {{total}} AS total, rows
			""");

	/**
	 * The deals related to each of many deals, either way, each with the reason as
	 * stored: the reader turns it to the side of the deal asked about.
	 */
	private static final CypherText RELATED_OF_DEALS = CypherText.of("""
			UNWIND $ids AS dealId
			MATCH {{deal}}
			CALL (r) {
			  MATCH {{related}} WHERE {{standing}}
			  MATCH {{parties}}
			  WITH r, link, x, a, b ORDER BY {{announced}}, x.id
			  RETURN collect({deal: {{projection}}, reason: link.reason, fromStart: startNode(link) = r}) AS related
			}
			RETURN dealId, related
			""");

	/** One page of deals and, when asked for, their total, in one statement. */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  MATCH {{deals}} WHERE {{where}} AND {{after}}
			  WITH a, r, b ORDER BY {{orderBy}} LIMIT $limit
			  WITH a, r, b, {{sortValues}} AS sortValues
			  {{calls}}
			  RETURN collect({deal: {{deal}}, sortValues: sortValues, beneath: {{answers}}}) AS rows
			}
			RETURN total, rows
			""");

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

	/** A deal by id, with what a response reads beneath it. */
	private static final CypherText BY_ID = CypherText.of("""
			MATCH {{deal}}, {{parties}}
			WHERE ({{visible}} OR {{includeRetracted}}) AND {{sourced}}
			{{calls}}
			RETURN {{projection}} AS deal, {{answers}} AS beneath
			""").with("parties", DealStorage.partiesOf("a", "r", "b")).with("visible", DealStorage.visible("r"));

	/** Which of several filters each of several deals meets. */
	private static final CypherText MATCHES_ALL = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}, {{parties}}
			RETURN id, {{tests}} AS matches
			""");

	/**
	 * Every deal of an organization, or at a site, retracted ones too, latest first, up
	 * to a limit: what its citable page lists, retractions shown as such.
	 */
	private static final CypherText EVERY_DEAL_AT = CypherText.of("""
			MATCH {{subject}}
			MATCH {{deals}}
			MATCH {{parties}}
			WITH r, a, b ORDER BY {{latestFirst}} LIMIT $limit
			RETURN {{projection}} AS deal
			""")
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("latestFirst", DealStorage.latestFirst("r"))
		.with("projection", DealStorage.projection("r", "a", "b"));

	/**
	 * Every deal that is not retracted after an id, in id order, a page at a time, with
	 * its parties: the dump reads the graph by these.
	 */
	private static final String EVERY_AFTER = CypherText.of("""
			MATCH {{deals}}
			WHERE {{id}} > $after AND {{visible}}
			WITH r ORDER BY {{id}} LIMIT $limit
			MATCH {{parties}}
			RETURN {{projection}} AS deal
			""")
		.with("deals", DealStorage.dealsOf("r", Set.of()))
		.with("id", DealStorage.property("r", DealStorage.ID))
		.with("visible", DealStorage.visible("r"))
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("projection", DealStorage.projection("r", "a", "b"))
		.build();

	/** Whether something has an id: for a readable key given to {@code node(id:)}. */
	private static final CypherText HOLDS = CypherText
		.of("RETURN EXISTS { MATCH {{deal}} WHERE {{visible}} } AS holds");

	private final CypherExecutor cypher;

	DealQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** A page of each organization's deals, keyed by organization id. */
	Map<String, Connection<Deal>> dealsOf(Collection<String> organizationIds, DealSelection selection) {
		Page page = selection.page();
		var filter = new CypherFilter(selection.view());
		String query = DEALS_OF_ORGANIZATIONS
			.with("page", pageAt("o", "r", "a", "b", selection.types(), selection.direction(), page, filter))
			.with("deal", DealStorage.projection("r", "a", "b", filter.asOf()))
			.with("sortValues", sortValuesAt("r", filter))
			.with("total",
					selection.withTotal() ? totalAt("o", selection.types(), selection.direction(), filter) : "-1")
			.build();
		Map<String, Object> values = new HashMap<>(filter.parameters());
		values.put("ids", List.copyOf(organizationIds));
		Map<String, Connection<Deal>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, values)) {
			pages.put(row.get("organizationId").asString(),
					connectionAt(row.get("rows"), page, row.get("total").asInt()).map(Answered::value));
		}
		return pages;
	}

	/** A page of each site's deals, keyed by site id. */
	public Map<String, Connection<Deal>> dealsAtSites(Collection<String> siteIds, Page page, boolean withTotal,
			View view) {
		var filter = new CypherFilter(view);
		Keyset keyset = keyset(List.of(), "r").reading(page);
		String r = filter.variable("t");
		String query = DEALS_AT_SITES.with("deals", SiteStorage.dealsAt("s", "r"))
			.with("standing", filter.standing("r"))
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("limit", filter.parameter(page.fetchSize()))
			.with("parties", DealStorage.partiesOf("a", "r", "b"))
			.with("deal", DealStorage.projection("r", "a", "b", filter.asOf()))
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("total",
					withTotal ? "COUNT { MATCH " + SiteStorage.dealsAt("s", r) + " WHERE " + filter.standing(r) + " }"
							: "-1")
			.build();
		Map<String, Object> values = new HashMap<>(filter.parameters());
		values.put("ids", List.copyOf(siteIds));
		Map<String, Connection<Deal>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, values)) {
			pages.put(row.get("siteId").asString(),
					connectionAt(row.get("rows"), page, row.get("total").asInt()).map(Answered::value));
		}
		return pages;
	}

	/**
	 * The deals related to each deal, standing in the view, oldest first, each with the
	 * reason as that deal reads it; keyed by deal id.
	 */
	public Map<String, List<RelatedDeal>> relatedOf(Collection<String> dealIds, View view) {
		var filter = new CypherFilter(view);
		String query = RELATED_OF_DEALS.with("deal", DealStorage.byId("r", "dealId"))
			.with("announced", DealStorage.property("x", DealStorage.ANNOUNCED_KEY))
			.with("related", SiteStorage.relatedTo("r", "link", "x"))
			.with("standing", filter.standing("x"))
			.with("parties", DealStorage.partiesOf("a", "x", "b"))
			.with("projection", DealStorage.projection("x", "a", "b", filter.asOf()))
			.build();
		Map<String, Object> values = new HashMap<>(filter.parameters());
		values.put("ids", List.copyOf(dealIds));
		Map<String, List<RelatedDeal>> related = new HashMap<>();
		for (Record row : this.cypher.read(query, values)) {
			related.put(row.get("dealId").asString(),
					row.get("related")
						.asList((link) -> new RelatedDeal(deal(link.get("deal")),
								RelationReason.valueOf(link.get("reason").asString())
									.seenFrom(link.get("fromStart").asBoolean()))));
		}
		return related;
	}

	/**
	 * The lines of a subquery that read one page of organization {@code o}'s deals of
	 * these types (all when none), at the end {@code direction} says, into {@code r},
	 * with their parties in {@code from} and {@code to}: standing in the filter's view,
	 * by announcement date as the top-level {@code deals} are by default, partial dates
	 * before the days inside them, then id.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String pageAt(String o, String r, String from, String to, Set<DealType> types,
			DealDirection direction, Page page, CypherFilter filter) {
		Keyset keyset = keyset(List.of(), r).reading(page);
		return PAGE_AT.with("deals", pattern(o, r, types, direction))
			.with("standing", filter.standing(r))
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("r", r)
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("limit", filter.parameter(page.fetchSize()))
			.with("parties", DealStorage.partiesOf(from, r, to))
			.build();
	}

	/** The sort values of a deal {@code r} read by {@link #pageAt}, for its cursor. */
	public static String sortValuesAt(String r, CypherFilter filter) {
		return keyset(List.of(), r).sortValues(filter::parameter);
	}

	/** How many deals {@link #pageAt} pages through, as an expression. */
	public static String totalAt(String o, Set<DealType> types, DealDirection direction, CypherFilter filter) {
		String r = filter.variable("r");
		return TOTAL_AT.with("deals", pattern(o, r, types, direction)).with("standing", filter.standing(r)).build();
	}

	/**
	 * Reads the rows {@code {deal, sortValues, beneath}} of a page read by
	 * {@link #pageAt}; {@code beneath} is null when the rows have none.
	 */
	public static Connection<Answered<Deal>> connectionAt(Value rows, Page page, int total) {
		Keyset keyset = keyset(List.of(), "r");
		List<Edge<Answered<Deal>>> edges = rows.asList((r) -> new Edge<>(keyset.cursor(r.get("sortValues")).encode(),
				new Answered<>(deal(r.get("deal")), r.get("beneath"))));
		return Connection.of(edges, page, total);
	}

	public Optional<Deal> byId(String id, boolean includeRetracted) {
		return byIds(List.of(id), includeRetracted).stream().findFirst();
	}

	/**
	 * Which of many filters each of many deals meets, in one statement: a batch of events
	 * checked against every subscriber's filter at once. Retracted deals are checked too:
	 * a retraction is an event.
	 * @return for each deal id found, one flag per filter, in their order
	 */
	public Map<String, List<Boolean>> matches(Collection<String> dealIds, List<DealWhere> wheres) {
		var filter = new CypherFilter();
		List<String> tests = wheres.stream()
			.map((where) -> filter.dealWhateverItsStanding(where, "r", "a", "b"))
			.toList();
		String query = MATCHES_ALL.with("deal", DealStorage.byId("r", "id"))
			.with("parties", DealStorage.partiesOf("a", "r", "b"))
			.with("tests", tests.isEmpty() ? "[]" : "[" + String.join(", ", tests) + "]")
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(dealIds));
		Map<String, List<Boolean>> matches = new HashMap<>();
		for (Record row : this.cypher.read(query, parameters)) {
			matches.put(row.get("id").asString(), row.get("matches").asList((flag) -> flag.asBoolean(false)));
		}
		return matches;
	}

	/** The deals with these ids, in one statement; ids no deal has are left out. */
	public List<Deal> byIds(Collection<String> ids, boolean includeRetracted) {
		return this.cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids), "includeRetracted", includeRetracted),
				(r) -> deal(r.get("deal")));
	}

	/**
	 * Up to {@code limit} deals that are not retracted whose ids sort after {@code after}
	 * ("" for the first), in id order: a page of the dump.
	 */
	public List<Deal> everyAfter(String after, int limit) {
		return this.cypher.read(EVERY_AFTER, Map.of("after", after, "limit", limit), (r) -> deal(r.get("deal")));
	}

	/** Every deal of an organization, retracted ones too, latest first, up to a limit. */
	public List<Deal> everyDealOf(String organizationId, int limit) {
		String query = EVERY_DEAL_AT.with("subject", "(o:" + DealStorage.ORGANIZATION + " {id: $id})")
			.with("deals", DealStorage.dealsAt("o", End.EITHER, "r", Set.of()))
			.build();
		return this.cypher.read(query, Map.of("id", organizationId, "limit", limit), (r) -> deal(r.get("deal")));
	}

	/** Every deal at a site, retracted ones too, latest first, up to a limit. */
	public List<Deal> everyDealAtSite(String siteId, int limit) {
		String query = EVERY_DEAL_AT.with("subject", SiteStorage.byId("s", "$id"))
			.with("deals", SiteStorage.dealsAt("s", "r"))
			.build();
		return this.cypher.read(query, Map.of("id", siteId, "limit", limit), (r) -> deal(r.get("deal")));
	}

	/** Whether a deal that is not retracted has this id. */
	public boolean holds(String id) {
		String query = HOLDS.with("deal", DealStorage.byId("r", "$id"))
			.with("visible", DealStorage.visible("r"))
			.build();
		return this.cypher.read(query, Map.of("id", id), (row) -> row.get("holds").asBoolean()).getFirst();
	}

	/**
	 * The deal with this id, retracted ones only when asked for, and only when it meets
	 * the filter's evidence threshold, with what {@code beneath} reads beneath it.
	 * @param filter the statement's names and parameters, shared with {@code beneath}
	 */
	public Optional<Answered<Deal>> byId(String id, boolean includeRetracted, CypherFilter filter,
			DealBeneath beneath) {
		String deal = DealStorage.byId("r", filter.parameter(id));
		String retracted = filter.parameter(includeRetracted);
		Beneath parts = beneath.of("r", "a", "b");
		String query = BY_ID.with("deal", deal)
			.with("includeRetracted", retracted)
			.with("sourced", filter.sourcedEnough("r"))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
		return this.cypher
			.read(query, filter.parameters(), (r) -> new Answered<>(deal(r.get("deal")), r.get("beneath")))
			.stream()
			.findFirst();
	}

	/**
	 * One page of deals, each with what {@code beneath} reads beneath it.
	 * @param filter the statement's view, names and parameters, shared with
	 * {@code beneath}
	 */
	public Connection<Answered<Deal>> page(@Nullable DealWhere where, List<DealOrder> orderBy, Page page,
			boolean withTotal, CypherFilter filter, DealBeneath beneath) {
		String predicate = filter.dealOfMatchedTypes(where, "r", "a", "b");
		Keyset keyset = keyset(orderBy, "r").reading(page);
		Beneath parts = beneath.of("r", "a", "b");
		String deals = DealStorage.withParties("a:" + DealStorage.ORGANIZATION, "r", DealWhere.typesAllowedBy(where),
				"b:" + DealStorage.ORGANIZATION);
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? PAGE_TOTAL.with("deals", deals).with("where", predicate).build()
				: "WITH -1 AS total";
		String query = PAGE.with("total", total)
			.with("deals", deals)
			.with("where", predicate)
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("deal", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("limit", page.fetchSize());
		Record row = this.cypher.read(query, parameters).getFirst();
		List<Edge<Answered<Deal>>> edges = row.get("rows")
			.asList((r) -> new Edge<>(keyset.cursor(r.get("sortValues")).encode(),
					new Answered<>(deal(r.get("deal")), r.get("beneath"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/** The keyset of an ordering of deals {@code r}. */
	private static Keyset keyset(List<DealOrder> orderBy, String r) {
		List<DealOrder> orders = orderBy.isEmpty() ? List.of(new DealOrder(DealOrder.Field.ANNOUNCED_ON, null))
				: orderBy;
		List<SortKey> keys = new ArrayList<>();
		for (DealOrder order : orders) {
			switch (order.field()) {
				case ANNOUNCED_ON -> keys.add(new SortKey("announced",
						DealStorage.property(r, DealStorage.ANNOUNCED_KEY), false, order.descending(), false));
				case AMOUNT -> keys.add(new SortKey("amountUsd", DealStorage.property(r, DealStorage.AMOUNT_USD), true,
						order.descending(), false));
				case ID -> {
					// The id ends every ordering; keys after it could never decide
					// anything.
					return new Keyset(keys, DealStorage.property(r, DealStorage.ID), order.descending());
				}
			}
		}
		return new Keyset(keys, DealStorage.property(r, DealStorage.ID), false);
	}

	static Deal deal(Value r) {
		return DealProperties.decode(r);
	}

	/**
	 * The deals {@code r} of organization {@code o} of the given types, all when none are
	 * given, with {@code o} at the end {@code direction} says.
	 */
	private static String pattern(String o, String r, Set<DealType> types, DealDirection direction) {
		End end = switch (direction) {
			case OUTGOING -> End.FROM;
			case INCOMING -> End.TO;
			case ANY -> End.EITHER;
		};
		return DealStorage.dealsAt(o, end, r, types);
	}

	/** What a response reads beneath a deal bound with both its parties. */
	@FunctionalInterface
	public interface DealBeneath {

		Beneath of(String deal, String from, String to);

	}

}

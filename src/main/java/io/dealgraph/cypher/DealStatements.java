package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.SiteStorage;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;

/**
 * The statements that read deals. Deal patterns come from {@link DealStorage}, with
 * labels from {@link DealType} and the organization's end from {@link End} only; every
 * value is a parameter. Each deal read is bound to {@code r}, its parties to {@code a}
 * (from) and {@code b} (to), unless a method says otherwise. The statements that write
 * deals are in {@link DealWriteStatements}.
 */
public final class DealStatements {

	/**
	 * One page of deals for each of many organizations, with each one's total when asked
	 * for, in one statement.
	 */
	private static final CypherText DEALS_OF_ORGANIZATIONS = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:{{organization}} {id: organizationId})
			CALL (o) {
			  {{page}}
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN organizationId, {{total}} AS total, rows
			""").with("organization", DealStorage.ORGANIZATION);

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

	/**
	 * How many of an organization's deals stand in the view: a page's {@code totalCount}.
	 */
	private static final CypherText TOTAL_AT = CypherText.of("COUNT { {{deals}} WHERE {{standing}} }");

	/**
	 * One page of deals at each of many sites, with each one's total when asked for, in
	 * one statement; ordered as an organization's deals are.
	 */
	private static final CypherText DEALS_AT_SITES = CypherText.of("""
			UNWIND $ids AS siteId
			MATCH {{site}}
			CALL (s) {
			  {{page}}
			  RETURN collect({deal: {{deal}}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN siteId, {{total}} AS total, rows
			""").with("site", SiteStorage.byId("s", "siteId"));

	/** How many deals a site has that stand in the view, as an expression. */
	private static final CypherText TOTAL_AT_SITE = CypherText.of("COUNT { MATCH {{deals}} WHERE {{standing}} }");

	/**
	 * The lines of a subquery that read the deals {@code x} related to deal {@code r},
	 * either way, with the link in {@code link} and their parties, oldest first.
	 */
	private static final CypherText RELATED_AT = CypherText.of("""
			MATCH {{related}} WHERE {{standing}}
			  MATCH {{parties}}
			  WITH {{r}}, {{link}}, {{x}}, {{from}}, {{to}} ORDER BY {{announced}}, {{id}}""");

	/**
	 * The deals related to each of many deals, either way, each with the reason as
	 * stored: the reader turns it to the side of the deal asked about.
	 */
	private static final CypherText RELATED_OF_DEALS = CypherText.of("""
			UNWIND $ids AS dealId
			MATCH {{deal}}
			CALL (r) {
			  {{related}}
			  RETURN collect({deal: {{projection}}, reason: link.reason, fromStart: {{fromStart}}}) AS related
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

	/** How many deals match the filter: the page's {@code totalCount}, a second pass. */
	private static final CypherText PAGE_TOTAL = CypherText
		.of("CALL () { MATCH {{deals}} WHERE {{where}} RETURN count(r) AS total }");

	/**
	 * The deals with these ids, retracted ones too when {@code $includeRetracted}, with
	 * their parties. Reads {@code $ids} and {@code $includeRetracted}; returns
	 * {@code deal}, one row per deal found.
	 */
	public static final String BY_IDS = CypherText.of("""
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

	/**
	 * Deals by id, retracted ones too, each with what a response reads beneath it, in the
	 * order of the ids.
	 */
	private static final CypherText EACH_BY_ID = CypherText.of("""
			UNWIND range(0, size($ids) - 1) AS i
			MATCH {{deal}}, {{parties}}
			{{calls}}
			RETURN i, {{answers}} AS beneath
			ORDER BY i
			""").with("deal", DealStorage.byId("r", "$ids[i]")).with("parties", DealStorage.partiesOf("a", "r", "b"));

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
	 * Every deal of organization {@code $id}, retracted ones too, latest first, up to
	 * {@code $limit}. Returns {@code deal}, one row per deal.
	 */
	public static final String EVERY_DEAL_OF = EVERY_DEAL_AT
		.with("subject", "(o:" + DealStorage.ORGANIZATION + " {id: $id})")
		.with("deals", DealStorage.dealsAt("o", End.EITHER, "r", Set.of()))
		.build();

	/**
	 * Every deal at site {@code $id}, retracted ones too, latest first, up to
	 * {@code $limit}. Returns {@code deal}, one row per deal.
	 */
	public static final String EVERY_DEAL_AT_SITE = EVERY_DEAL_AT.with("subject", SiteStorage.byId("s", "$id"))
		.with("deals", SiteStorage.dealsAt("s", "r"))
		.build();

	/**
	 * Every deal that is not retracted after an id, in id order, a page at a time, with
	 * its parties: the dump reads the graph by these. Reads {@code $after} ("" for the
	 * first page) and {@code $limit}; returns {@code deal}, one row per deal.
	 */
	public static final String EVERY_AFTER = CypherText.of("""
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

	/**
	 * Whether a deal that is not retracted has the id {@code $id}: for a readable key
	 * given to {@code node(id:)}. Returns one row of {@code holds}.
	 */
	public static final String HOLDS = CypherText.of("RETURN EXISTS { MATCH {{deal}} WHERE {{visible}} } AS holds")
		.with("deal", DealStorage.byId("r", "$id"))
		.with("visible", DealStorage.visible("r"))
		.build();

	/**
	 * The order of an organization's or a site's deals, and of the top-level
	 * {@code deals} by default: by announcement date, partial dates before the days
	 * inside them, then id; over deals bound to {@code r}.
	 */
	public static final Keyset IN_ANNOUNCEMENT_ORDER = keyset(List.of(), "r");

	private DealStatements() {
	}

	/**
	 * One order a caller asks deals in.
	 *
	 * @param field {@code ANNOUNCED_ON}, {@code AMOUNT} or {@code ID}, as the
	 * {@code DealOrder} input names them
	 * @param descending whether it runs descending
	 */
	public record Order(String field, boolean descending) {
	}

	/**
	 * What a response reads beneath a deal bound with both its parties: the read
	 * compiler's part of {@link #byId} and {@link #page}.
	 */
	@FunctionalInterface
	public interface BeneathOf {

		Beneath of(String deal, String from, String to);

	}

	/**
	 * A deal with all it stores and its parties' properties, in the filter's view, and
	 * nothing beneath it: for a statement whose response reads nothing nested (an export)
	 * or whose nested fields load themselves.
	 */
	public static BeneathOf whole(CypherFilter filter) {
		return (deal, from, to) -> new Beneath(DealStorage.projection(deal, from, to, filter.asOf()), "", "null");
	}

	/**
	 * A page of each of many organizations' deals of these types (all when none), at the
	 * end {@code end} says, standing in the filter's view, in
	 * {@link #IN_ANNOUNCEMENT_ORDER}, with each one's total when asked for. Reads
	 * {@code $ids} and the filter's parameters; returns {@code organizationId},
	 * {@code total} (-1 when not asked for) and {@code rows} (each a {@code deal} and its
	 * {@code sortValues}), one row per organization found.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String dealsOfOrganizations(Set<DealType> types, End end, Page page, boolean withTotal,
			CypherFilter filter) {
		return DEALS_OF_ORGANIZATIONS.with("page", pageAt("o", "r", "a", "b", types, end, page, filter))
			.with("deal", DealStorage.projection("r", "a", "b", filter.asOf()))
			.with("sortValues", sortValuesAt("r", filter))
			.with("total", withTotal ? totalAt("o", types, end, filter) : "-1")
			.build();
	}

	/**
	 * A page of each of many sites' deals, standing in the filter's view, in
	 * {@link #IN_ANNOUNCEMENT_ORDER}, with each one's total when asked for. Reads
	 * {@code $ids} and the filter's parameters; returns {@code siteId}, {@code total} (-1
	 * when not asked for) and {@code rows} (each a {@code deal} and its
	 * {@code sortValues}), one row per site found.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String dealsAtSites(Page page, boolean withTotal, CypherFilter filter) {
		return DEALS_AT_SITES.with("page", pageAtSite("s", "r", "a", "b", page, filter))
			.with("deal", DealStorage.projection("r", "a", "b", filter.asOf()))
			.with("sortValues", sortValuesAt("r", filter))
			.with("total", withTotal ? totalAtSite("s", filter) : "-1")
			.build();
	}

	/**
	 * The lines of a subquery that read one page of site {@code s}'s deals into
	 * {@code r}, with their parties in {@code from} and {@code to}, standing in the
	 * filter's view, in {@link #IN_ANNOUNCEMENT_ORDER}, as {@link #pageAt} reads an
	 * organization's. Reads the filter's parameters.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String pageAtSite(String s, String r, String from, String to, Page page, CypherFilter filter) {
		return page(SiteStorage.dealsAt(s, r), r, from, to, page, filter);
	}

	/** How many deals {@link #pageAtSite} pages through, as an expression. */
	public static String totalAtSite(String s, CypherFilter filter) {
		// The total counts over a variable of its own.
		String counted = filter.variable("t");
		return TOTAL_AT_SITE.with("deals", SiteStorage.dealsAt(s, counted))
			.with("standing", filter.standing(counted))
			.build();
	}

	/**
	 * The lines of a subquery that read the deals {@code x} related to deal {@code r},
	 * either way, standing in the filter's view, oldest first, with the link in
	 * {@code link} and their parties in {@code from} and {@code to}. Reads the filter's
	 * parameters.
	 */
	public static String relatedAt(String r, String link, String x, String from, String to, CypherFilter filter) {
		return RELATED_AT.with("related", SiteStorage.relatedTo(r, link, x))
			.with("standing", filter.standing(x))
			.with("parties", DealStorage.partiesOf(from, x, to))
			.with("r", r)
			.with("link", link)
			.with("x", x)
			.with("from", from)
			.with("to", to)
			.with("announced", DealStorage.property(x, DealStorage.ANNOUNCED_KEY))
			.with("id", DealStorage.property(x, DealStorage.ID))
			.build();
	}

	/**
	 * Whether {@code link}, read by {@link #relatedAt}, starts at deal {@code r}: the
	 * side from which its stored reason reads.
	 */
	public static String startsAt(String link, String r) {
		return "startNode(" + link + ") = " + r;
	}

	/**
	 * The deals related to each of many deals, standing in the filter's view, oldest
	 * first. Reads {@code $ids} and the filter's parameters; returns {@code dealId} and
	 * {@code related}, a list of each related {@code deal}, its {@code reason} as stored
	 * and {@code fromStart}, whether the link starts at the deal asked about.
	 */
	public static String relatedOfDeals(CypherFilter filter) {
		return RELATED_OF_DEALS.with("deal", DealStorage.byId("r", "dealId"))
			.with("related", relatedAt("r", "link", "x", "a", "b", filter))
			.with("projection", DealStorage.projection("x", "a", "b", filter.asOf()))
			.with("fromStart", startsAt("link", "r"))
			.build();
	}

	/**
	 * Refuses a page of an organization's deals whose cursor {@link #pageAt} would not
	 * read.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static void checkPageAt(Page page) {
		keyset(List.of(), "r").check(page);
	}

	/**
	 * The lines of a subquery that read one page of organization {@code o}'s deals of
	 * these types (all when none), at the end {@code end} says, into {@code r}, with
	 * their parties in {@code from} and {@code to}: standing in the filter's view, by
	 * announcement date as the top-level {@code deals} are by default, partial dates
	 * before the days inside them, then id. Reads the filter's parameters.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String pageAt(String o, String r, String from, String to, Set<DealType> types, End end, Page page,
			CypherFilter filter) {
		return page(DealStorage.dealsAt(o, end, r, types), r, from, to, page, filter);
	}

	/**
	 * One page of the deals {@code r} that pattern {@code deals} finds, for the two
	 * above.
	 */
	private static String page(String deals, String r, String from, String to, Page page, CypherFilter filter) {
		Keyset keyset = keyset(List.of(), r).reading(page);
		return PAGE_AT.with("deals", deals)
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
	public static String totalAt(String o, Set<DealType> types, End end, CypherFilter filter) {
		String r = filter.variable("r");
		return TOTAL_AT.with("deals", DealStorage.dealsAt(o, end, r, types))
			.with("standing", filter.standing(r))
			.build();
	}

	/**
	 * Which of many filters each of many deals meets, in one statement, retracted deals
	 * too. Reads {@code $ids} and the filter's parameters; returns {@code id} and
	 * {@code matches}, one flag per filter in their order, one row per deal found.
	 */
	public static String matchesAll(List<DealWhere> wheres, CypherFilter filter) {
		List<String> tests = wheres.stream()
			.map((where) -> filter.dealWhateverItsStanding(where, "r", "a", "b"))
			.toList();
		return MATCHES_ALL.with("deal", DealStorage.byId("r", "id"))
			.with("parties", DealStorage.partiesOf("a", "r", "b"))
			.with("tests", tests.isEmpty() ? "[]" : "[" + String.join(", ", tests) + "]")
			.build();
	}

	/**
	 * The deal with id {@code id}, retracted ones only when {@code includeRetracted}, and
	 * only when it meets the filter's evidence threshold, with what {@code beneath} reads
	 * beneath it. Both values become the filter's parameters; reads those only. Returns
	 * {@code deal} and {@code beneath}, one row when found.
	 */
	public static String byId(String id, boolean includeRetracted, CypherFilter filter, BeneathOf beneath) {
		String deal = DealStorage.byId("r", filter.parameter(id));
		String retracted = filter.parameter(includeRetracted);
		Beneath parts = beneath.of("r", "a", "b");
		return BY_ID.with("deal", deal)
			.with("includeRetracted", retracted)
			.with("sourced", filter.sourcedEnough("r"))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * What {@code beneath} reads beneath each of the deals with the ids {@code $ids},
	 * retracted ones too: a write's response. Reads {@code $ids} and the filter's
	 * parameters; returns {@code i}, the index of the deal's id, and {@code beneath}, one
	 * row per deal found, in the order of the ids.
	 */
	public static String eachById(BeneathOf beneath) {
		Beneath parts = beneath.of("r", "a", "b");
		return EACH_BY_ID.with("calls", parts.calls()).with("answers", parts.answers()).build();
	}

	/**
	 * One page of the deals that match {@code where}, in {@code keyset}'s order after
	 * {@code cursor}, each with what {@code beneath} reads beneath it, and their total
	 * when asked for. Reads {@code $limit} and the filter's parameters; returns one row
	 * of {@code total} (-1 when not asked for) and {@code rows} (each a {@code deal}, its
	 * {@code sortValues} and {@code beneath}).
	 */
	public static String page(@Nullable DealWhere where, Keyset keyset, @Nullable String cursor, boolean withTotal,
			CypherFilter filter, BeneathOf beneath) {
		String predicate = filter.dealOfMatchedTypes(where, "r", "a", "b");
		Beneath parts = ShownRows.of(beneath.of("r", "a", "b"), List.of("a", "r", "b", "sortValues"), "$limit - 1",
				filter);
		String deals = DealStorage.withParties("a:" + DealStorage.ORGANIZATION, "r", DealWhere.typesAllowedBy(where),
				"b:" + DealStorage.ORGANIZATION);
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? PAGE_TOTAL.with("deals", deals).with("where", predicate).build() : Keyset.NO_TOTAL;
		return PAGE.with("total", total)
			.with("deals", deals)
			.with("where", predicate)
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("after", keyset.after(cursor, filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("deal", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * The keyset of an ordering of deals bound to {@code r}, as {@link #page} reads them;
	 * {@link #IN_ANNOUNCEMENT_ORDER} when none is given.
	 */
	public static Keyset keyset(List<Order> orderBy) {
		return keyset(orderBy, "r");
	}

	/** The keyset of an ordering of deals {@code r}. */
	private static Keyset keyset(List<Order> orderBy, String r) {
		List<Order> orders = orderBy.isEmpty() ? List.of(new Order("ANNOUNCED_ON", false)) : orderBy;
		List<SortKey> keys = new ArrayList<>();
		for (Order order : orders) {
			switch (order.field()) {
				case "ANNOUNCED_ON" -> keys.add(new SortKey("announced",
						DealStorage.property(r, DealStorage.ANNOUNCED_KEY), false, order.descending(), false));
				case "AMOUNT" -> keys.add(new SortKey("amountUsd", DealStorage.property(r, DealStorage.AMOUNT_USD),
						true, order.descending(), false));
				case "ID" -> {
					// The id ends every ordering; keys after it could never decide
					// anything.
					return new Keyset(keys, DealStorage.property(r, DealStorage.ID), order.descending());
				}
				default -> throw new IllegalArgumentException("Deals cannot be ordered by " + order.field());
			}
		}
		return new Keyset(keys, DealStorage.property(r, DealStorage.ID), false);
	}

}

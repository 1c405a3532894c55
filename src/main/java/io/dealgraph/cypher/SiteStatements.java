package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.SiteStorage;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;

/**
 * The statements of sites, run by {@code SiteQueries} and {@code SiteWrites}: reading
 * sites and their operators, and writing sites and the links of deals to sites and to
 * each other. A site is seen only when one of its sources meets the view's evidence
 * threshold, as a deal is. The writes run inside a caller's write transaction; running
 * them twice changes nothing.
 */
public final class SiteStatements {

	/**
	 * A site by id, when its sources meet the view's evidence threshold, with what a
	 * response reads beneath it.
	 */
	private static final CypherText BY_ID = CypherText.of("""
			MATCH {{site}} WHERE {{sourced}}
			{{calls}}
			RETURN {{projection}} AS site, {{answers}} AS beneath
			""");

	/**
	 * One page of sites by name, each with what a response reads beneath it, and their
	 * total when asked for; the sort values are read once, before the nested calls.
	 */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  MATCH (s:{{label}}) WHERE {{where}} AND {{after}}
			  WITH s ORDER BY {{orderBy}} LIMIT {{limit}}
			  WITH s, {{sortValues}} AS sortValues
			  {{calls}}
			  RETURN collect({site: {{projection}}, sortValues: sortValues, beneath: {{answers}}}) AS rows
			}
			RETURN total, rows
			""");

	/** How many sites match the filter: the page's {@code totalCount}, a second pass. */
	private static final CypherText TOTAL = CypherText
		.of("CALL () { MATCH (s:{{label}}) WHERE {{where}} RETURN count(s) AS total }");

	/** The sites of many deals, by name, in one statement. */
	private static final CypherText SITES_OF_DEALS = CypherText.of("""
			UNWIND $ids AS dealId
			MATCH {{deal}}
			CALL (r) {
			  {{sites}}
			  RETURN collect(s {.*}) AS sites
			}
			RETURN dealId, sites
			""");

	/**
	 * The lines of a subquery that read the sites {@code s} of deal {@code r} that meet
	 * the view's evidence threshold, by name, then id.
	 */
	private static final CypherText SITES_AT = CypherText.of("""
			MATCH {{sites}} WHERE {{sourced}}
			  WITH {{r}}, {{s}} ORDER BY {{name}}, {{id}}""");

	/** As {@link #SITES_AT}, over the rows of many deals, each site once. */
	private static final CypherText DISTINCT_SITES_AT = CypherText.of("""
			MATCH {{sites}} WHERE {{sourced}}
			  WITH DISTINCT {{s}} ORDER BY {{name}}, {{id}}""");

	/**
	 * The operators of many sites, in one statement. Reads {@code $ids}; returns
	 * {@code siteId} and {@code operator} (the organization's stored properties), for the
	 * sites that have one.
	 */
	public static final String OPERATORS = CypherText.of("""
			UNWIND $ids AS siteId
			MATCH {{operator}} WHERE s.id = siteId
			RETURN siteId, o {.*} AS operator
			""").with("operator", SiteStorage.operatorOf("s", "o")).build();

	/**
	 * Whether something has an id: for a readable key given to {@code node(id:)}. Reads
	 * {@code $id}; returns {@code holds}.
	 */
	public static final String HOLDS = CypherText.of("RETURN EXISTS { MATCH {{site}} } AS holds")
		.with("site", SiteStorage.byId("s", "$id"))
		.build();

	/** Sites by name, then id: the order of every page of sites. */
	public static final Keyset BY_NAME = new Keyset(List.of(new SortKey("name", "s.name", false, false, true)), "s.id",
			false);

	/**
	 * A site and its operator, which replaces any earlier one. Reads {@code $rows} (each
	 * {@code {properties, operatorId}}, the id "" for none); returns nothing.
	 */
	public static final String UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MERGE (s:{{site}} {id: row.properties.id})
			SET s = row.properties
			WITH s, row
			OPTIONAL MATCH (s)-[old:{{operatedBy}}]->()
			DELETE old
			WITH DISTINCT s, row
			MATCH (o:{{organization}} {id: row.operatorId})
			MERGE (s)-[:{{operatedBy}}]->(o)
			""")
		.with("site", SiteStorage.SITE)
		.with("operatedBy", SiteStorage.OPERATED_BY)
		.with("organization", DealStorage.ORGANIZATION)
		.build();

	/**
	 * Removes the site and deal links of these deals, before they are written anew. Reads
	 * {@code $ids}; returns nothing.
	 */
	public static final String UNLINK = CypherText.of("""
			UNWIND $ids AS id
			MATCH (r:{{deal}} {id: id})-[old:{{at}}|{{related}}]->()
			DELETE old
			""")
		.with("deal", DealStorage.DEAL)
		.with("at", SiteStorage.AT)
		.with("related", SiteStorage.RELATED_TO)
		.build();

	/**
	 * Links deals to the sites they are at. Reads {@code $rows} (each {@code {dealId,
	 * siteId}}); returns nothing.
	 */
	public static final String LINK_SITES = CypherText.of("""
			UNWIND $rows AS row
			MATCH (r:{{deal}} {id: row.dealId}), (s:{{site}} {id: row.siteId})
			MERGE (r)-[:{{at}}]->(s)
			""").with("deal", DealStorage.DEAL).with("site", SiteStorage.SITE).with("at", SiteStorage.AT).build();

	/**
	 * Relates deals to the deals they exist because of. Reads {@code $rows} (each
	 * {@code {dealId, relatedId, reason}}); returns nothing.
	 */
	public static final String RELATE = CypherText.of("""
			UNWIND $rows AS row
			MATCH (r:{{deal}} {id: row.dealId}), (x:{{deal}} {id: row.relatedId})
			MERGE (r)-[:{{related}} {reason: row.reason}]->(x)
			""").with("deal", DealStorage.DEAL).with("related", SiteStorage.RELATED_TO).build();

	private SiteStatements() {
	}

	/**
	 * What the API's {@code SiteWhere} asks of a site; each condition applies when not
	 * null, and all must hold.
	 */
	public record Where(@Nullable String id, @Nullable List<String> idIn, @Nullable String nameContains,
			@Nullable String country, @Nullable String region, @Nullable String operator) {
	}

	/**
	 * The site with id {@code id}, when it meets the view's evidence threshold, with what
	 * {@code beneath} reads beneath it. Reads the filter's parameters (the id among
	 * them); returns {@code site} and {@code beneath}.
	 */
	public static String byId(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		Beneath parts = beneath.apply("s");
		return BY_ID.with("site", SiteStorage.byId("s", filter.parameter(id)))
			.with("sourced", filter.sourcedEnough("s"))
			.with("calls", parts.calls())
			.with("projection", parts.projection())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * A page of the sites matching {@code where} and the view's evidence threshold, in
	 * {@code keyset}'s order, each with what {@code beneath} reads beneath it, and their
	 * total when asked for. Reads the filter's parameters; returns {@code total} (-1 when
	 * not asked for) and {@code rows} (each {@code {site, sortValues, beneath}}).
	 */
	public static String page(@Nullable Where where, Keyset keyset, Page page, boolean withTotal, CypherFilter filter,
			Function<String, Beneath> beneath) {
		String predicate = predicate(where, filter);
		String total = withTotal ? TOTAL.with("label", SiteStorage.SITE).with("where", predicate).build()
				: Keyset.NO_TOTAL;
		Beneath parts = ShownRows.of(beneath.apply("s"), List.of("s", "sortValues"), page, filter);
		return PAGE.with("total", total)
			.with("label", SiteStorage.SITE)
			.with("where", predicate)
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("limit", filter.parameter(page.fetchSize()))
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("calls", parts.calls())
			.with("projection", parts.projection())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * Site {@code s} with all it stores and nothing beneath: for a statement whose
	 * response reads nothing nested, or whose nested fields load themselves.
	 */
	public static Beneath storedOnly(String s) {
		return new Beneath(projection(s), "", "null");
	}

	/** Site {@code s} as the response reads it: all it stores, a handful of fields. */
	public static String projection(String s) {
		return s + " {.*}";
	}

	/**
	 * The sites of many deals, each deal's by name, that meet the view's evidence
	 * threshold. Reads {@code $ids} and the filter's parameters; returns {@code dealId}
	 * and {@code sites} (their stored properties).
	 */
	public static String sitesOf(CypherFilter filter) {
		return SITES_OF_DEALS.with("deal", DealStorage.byId("r", "dealId"))
			.with("sites", sitesAt("r", "s", filter))
			.build();
	}

	/**
	 * The lines of a subquery that read the sites {@code s} of deal {@code r} that meet
	 * the filter's evidence threshold, by name, then id. Reads the filter's parameters.
	 */
	public static String sitesAt(String r, String s, CypherFilter filter) {
		return SITES_AT.with("sites", SiteStorage.sitesOf(r, s))
			.with("sourced", filter.sourcedEnough(s))
			.with("r", r)
			.with("s", s)
			.with("name", s + ".name")
			.with("id", s + ".id")
			.build();
	}

	/**
	 * The lines of a subquery that read the sites {@code s} of the deals bound to
	 * {@code r}, one row each, that meet the filter's evidence threshold, each once, by
	 * name, then id. Reads the filter's parameters.
	 */
	public static String distinctSitesAt(String r, String s, CypherFilter filter) {
		return DISTINCT_SITES_AT.with("sites", SiteStorage.sitesOf(r, s))
			.with("sourced", filter.sourcedEnough(s))
			.with("s", s)
			.with("name", s + ".name")
			.with("id", s + ".id")
			.build();
	}

	/** The line of a subquery that reads the operator {@code o} of site {@code s}. */
	public static String operatorAt(String s, String o) {
		return "MATCH " + SiteStorage.operatorOf(s, o);
	}

	/** {@code where} on site {@code s}, and the view's evidence threshold. */
	private static String predicate(@Nullable Where where, CypherFilter filter) {
		List<String> all = new ArrayList<>();
		all.add(filter.sourcedEnough("s"));
		if (where != null) {
			if (where.id() != null) {
				all.add("s.id = " + filter.parameter(where.id()));
			}
			if (where.idIn() != null) {
				all.add("s.id IN " + filter.parameter(where.idIn()));
			}
			if (where.nameContains() != null) {
				String text = filter.parameter(where.nameContains());
				all.add("(toLower(s.name) CONTAINS toLower(" + text + ") OR any(a IN s.aliases WHERE toLower(a) "
						+ "CONTAINS toLower(" + text + ")))");
			}
			if (where.country() != null) {
				all.add("s.country = " + filter.parameter(where.country()));
			}
			if (where.region() != null) {
				all.add("toLower(s.region) = toLower(" + filter.parameter(where.region()) + ")");
			}
			if (where.operator() != null) {
				all.add("EXISTS { MATCH " + SiteStorage.operatorOf("s", "o") + " WHERE o.id = "
						+ filter.parameter(where.operator()) + " }");
			}
		}
		return String.join(" AND ", all);
	}

}

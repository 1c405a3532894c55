package io.dealgraph.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.filter.CypherFilter;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.SiteStorage;
import io.dealgraph.graph.View;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import org.springframework.stereotype.Repository;

/**
 * Every Cypher statement that reads sites. A site is seen only when one of its sources
 * meets the view's evidence threshold, as a deal is.
 */
@Repository
public class SiteQueries {

	private static final CypherText BY_ID = CypherText.of("""
			MATCH {{site}} WHERE {{sourced}}
			RETURN s {.*} AS site
			""");

	/** One page of sites by name, and their total when asked for. */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  MATCH (s:{{label}}) WHERE {{where}} AND {{after}}
			  WITH s ORDER BY {{orderBy}} LIMIT {{limit}}
			  RETURN collect({site: s {.*}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN total, rows
			""");

	private static final CypherText TOTAL = CypherText
		.of("CALL () { MATCH (s:{{label}}) WHERE {{where}} RETURN count(s) AS total }");

	/** The sites of many deals, by name, in one statement. */
	private static final CypherText SITES_OF_DEALS = CypherText.of("""
			UNWIND $ids AS dealId
			MATCH {{deal}}
			CALL (r) {
			  MATCH {{sites}} WHERE {{sourced}}
			  WITH s ORDER BY s.name, s.id
			  RETURN collect(s {.*}) AS sites
			}
			RETURN dealId, sites
			""");

	/** The operators of many sites, in one statement. */
	private static final CypherText OPERATORS = CypherText.of("""
			UNWIND $ids AS siteId
			MATCH {{operator}} WHERE s.id = siteId
			RETURN siteId, o {.*} AS operator
			""");

	/** Whether something has an id: for a readable key given to {@code node(id:)}. */
	private static final CypherText HOLDS = CypherText.of("RETURN EXISTS { MATCH {{site}} } AS holds");

	private final CypherExecutor cypher;

	SiteQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** The site with this id, when it meets the view's evidence threshold. */
	/** Whether a site has this id. */
	boolean holds(String id) {
		String query = HOLDS.with("site", SiteStorage.byId("s", "$id")).build();
		return this.cypher.read(query, Map.of("id", id), (row) -> row.get("holds").asBoolean()).getFirst();
	}

	public Optional<Site> byId(String id, View view) {
		var filter = new CypherFilter(view);
		String query = BY_ID.with("site", SiteStorage.byId("s", filter.parameter(id)))
			.with("sourced", filter.sourcedEnough("s"))
			.build();
		return this.cypher.read(query, filter.parameters(), (r) -> Site.from(r.get("site"))).stream().findFirst();
	}

	/** A page of the sites matching {@code where}, by name, then id. */
	Connection<Site> page(@Nullable SiteWhere where, Page page, boolean withTotal, View view) {
		var filter = new CypherFilter(view);
		String predicate = predicate(where, filter);
		Keyset keyset = new Keyset(List.of(new SortKey("name", "s.name", false, false, true)), "s.id", false)
			.reading(page);
		String total = withTotal ? TOTAL.with("label", SiteStorage.SITE).with("where", predicate).build()
				: "WITH -1 AS total";
		String query = PAGE.with("total", total)
			.with("label", SiteStorage.SITE)
			.with("where", predicate)
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("limit", filter.parameter(page.fetchSize()))
			.with("sortValues", keyset.sortValues(filter::parameter))
			.build();
		Record row = this.cypher.read(query, filter.parameters()).getFirst();
		List<Edge<Site>> edges = row.get("rows")
			.asList((r) -> new Edge<>(keyset.cursor(r.get("sortValues")).encode(), Site.from(r.get("site"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/** The sites of each deal, keyed by deal id. */
	public Map<String, List<Site>> sitesOf(Collection<String> dealIds, View view) {
		var filter = new CypherFilter(view);
		String query = SITES_OF_DEALS.with("deal", DealStorage.byId("r", "dealId"))
			.with("sites", SiteStorage.sitesOf("r", "s"))
			.with("sourced", filter.sourcedEnough("s"))
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(dealIds));
		Map<String, List<Site>> sites = new LinkedHashMap<>();
		for (Record row : this.cypher.read(query, parameters)) {
			sites.put(row.get("dealId").asString(), row.get("sites").asList(Site::from));
		}
		return sites;
	}

	/** The operator of each site that has one, keyed by site id. */
	public Map<String, Organization> operatorsOf(Collection<String> siteIds) {
		String query = OPERATORS.with("operator", SiteStorage.operatorOf("s", "o")).build();
		Map<String, Organization> operators = new HashMap<>();
		for (Record row : this.cypher.read(query, Map.of("ids", List.copyOf(siteIds)))) {
			operators.put(row.get("siteId").asString(), Organization.from(row.get("operator")));
		}
		return operators;
	}

	/** {@code where} on site {@code s}, and the view's evidence threshold. */
	private static String predicate(@Nullable SiteWhere where, CypherFilter filter) {
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

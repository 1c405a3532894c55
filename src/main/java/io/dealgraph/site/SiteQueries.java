package io.dealgraph.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.cypher.SiteStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.View;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.paging.Page;
import org.springframework.stereotype.Repository;

/**
 * Reads sites, with the statements of {@link SiteStatements}. A site is seen only when
 * one of its sources meets the view's evidence threshold, as a deal is.
 */
@Repository
public class SiteQueries {

	private final CypherExecutor cypher;

	SiteQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** Whether a site has this id. */
	boolean holds(String id) {
		return this.cypher.read(SiteStatements.HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean())
			.getFirst();
	}

	/** The site with this id, when it meets the view's evidence threshold. */
	public Optional<Site> byId(String id, View view) {
		var filter = new CypherFilter(view);
		String query = SiteStatements.byId(id, filter);
		return this.cypher.read(query, filter.parameters(), (r) -> Site.from(r.get("site"))).stream().findFirst();
	}

	/** A page of the sites matching {@code where}, by name, then id. */
	Connection<Site> page(@Nullable SiteWhere where, Page page, boolean withTotal, View view) {
		var filter = new CypherFilter(view);
		Keyset keyset = SiteStatements.BY_NAME.reading(page);
		SiteStatements.Where asked = (where != null) ? new SiteStatements.Where(where.id(), where.idIn(),
				where.nameContains(), where.country(), where.region(), where.operator()) : null;
		String query = SiteStatements.page(asked, keyset, page, withTotal, filter);
		Record row = this.cypher.read(query, filter.parameters()).getFirst();
		List<Edge<Site>> edges = row.get("rows")
			.asList((r) -> new Edge<>(keyset.cursor(r.get("sortValues")).encode(), Site.from(r.get("site"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/** The sites of each deal, keyed by deal id. */
	public Map<String, List<Site>> sitesOf(Collection<String> dealIds, View view) {
		var filter = new CypherFilter(view);
		String query = SiteStatements.sitesOf(filter);
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
		Map<String, Organization> operators = new HashMap<>();
		for (Record row : this.cypher.read(SiteStatements.OPERATORS, Map.of("ids", List.copyOf(siteIds)))) {
			operators.put(row.get("siteId").asString(), Organization.from(row.get("operator")));
		}
		return operators;
	}

}

package io.dealgraph.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.cypher.SiteStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.View;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.cypher.PageStatement;
import io.dealgraph.cypher.Statement;
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
	public boolean holds(String id) {
		return this.cypher.read(SiteStatements.HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean())
			.getFirst();
	}

	/** The site with this id, when it meets the view's evidence threshold. */
	public Optional<Site> byId(String id, View view) {
		return byId(id, new CypherFilter(view), SiteStatements::storedOnly).map(Answered::value);
	}

	/**
	 * The site with this id, when it meets the evidence threshold of the filter's view,
	 * with what {@code beneath} reads beneath it.
	 */
	public Optional<Answered<Site>> byId(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		return byId(byIdStatement(id, filter, beneath));
	}

	/** What {@link #byIdStatement} built, sent. */
	public Optional<Answered<Site>> byId(Statement statement) {
		return this.cypher
			.read(statement.query(), statement.parameters(),
					(r) -> new Answered<>(Site.from(r.get("site")), r.get("beneath")))
			.stream()
			.findFirst();
	}

	/**
	 * The statement of {@link #byId(String, CypherFilter, Function)}, to keep and send
	 * again.
	 */
	public static Statement byIdStatement(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		return Statement.of(SiteStatements.byId(id, filter, beneath), filter);
	}

	/** What {@link #pageStatement} built for {@code page}, sent. */
	public Connection<Answered<Site>> page(PageStatement statement, Page page, boolean withTotal) {
		Record row = this.cypher.read(statement.statement().query(), statement.statement().parameters()).getFirst();
		List<Edge<Answered<Site>>> edges = row.get("rows")
			.asList((r) -> new Edge<>(statement.keyset().cursor(r.get("sortValues")).encode(),
					new Answered<>(Site.from(r.get("site")), r.get("beneath"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/**
	 * The statement of a page of the sites matching {@code where}, by name, then id, each
	 * with what {@code beneath} reads beneath it, with its parameters and the keyset that
	 * reads its cursors.
	 */
	public static PageStatement pageStatement(@Nullable SiteWhere where, Page page, boolean withTotal,
			CypherFilter filter, Function<String, Beneath> beneath) {
		Keyset keyset = SiteStatements.BY_NAME.reading(page);
		SiteStatements.Where asked = (where != null) ? new SiteStatements.Where(where.id(), where.idIn(),
				where.nameContains(), where.country(), where.region(), where.operator()) : null;
		return new PageStatement(
				Statement.of(SiteStatements.page(asked, keyset, page, withTotal, filter, beneath), filter), keyset);
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

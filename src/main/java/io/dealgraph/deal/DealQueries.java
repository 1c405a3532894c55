package io.dealgraph.deal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.DealStatements.BeneathOf;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.RelationReason;
import io.dealgraph.graph.View;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.cypher.PageStatement;
import io.dealgraph.cypher.Statement;
import io.dealgraph.paging.Page;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * Reads deals with the statements of {@link DealStatements}, and maps what comes back to
 * deals.
 */
@Repository
public class DealQueries {

	private final CypherExecutor cypher;

	DealQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** A page of each organization's deals, keyed by organization id. */
	Map<String, Connection<Deal>> dealsOf(Collection<String> organizationIds, DealSelection selection) {
		Page page = selection.page();
		var filter = new CypherFilter(selection.view());
		String query = DealStatements.dealsOfOrganizations(selection.types(), end(selection.direction()), page,
				selection.withTotal(), filter);
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
		String query = DealStatements.dealsAtSites(page, withTotal, filter);
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
		String query = DealStatements.relatedOfDeals(filter);
		Map<String, Object> values = new HashMap<>(filter.parameters());
		values.put("ids", List.copyOf(dealIds));
		Map<String, List<RelatedDeal>> related = new HashMap<>();
		for (Record row : this.cypher.read(query, values)) {
			related.put(row.get("dealId").asString(), row.get("related").asList(DealQueries::relatedDeal));
		}
		return related;
	}

	/**
	 * Reads a related deal, {@code {deal, reason, fromStart}}, with the reason turned to
	 * the side of the deal asked about.
	 */
	public static RelatedDeal relatedDeal(Value link) {
		return new RelatedDeal(deal(link.get("deal")),
				RelationReason.valueOf(link.get("reason").asString()).seenFrom(link.get("fromStart").asBoolean()));
	}

	/**
	 * Reads the rows {@code {deal, sortValues, beneath}} of a page of an organization's
	 * or site's deals, in {@link DealStatements#IN_ANNOUNCEMENT_ORDER}; {@code beneath}
	 * is null when the rows have none.
	 */
	public static Connection<Answered<Deal>> connectionAt(Value rows, Page page, int total) {
		Keyset keyset = DealStatements.IN_ANNOUNCEMENT_ORDER;
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
		String query = DealStatements.matchesAll(wheres, filter);
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
		return this.cypher.read(DealStatements.BY_IDS,
				Map.of("ids", List.copyOf(ids), "includeRetracted", includeRetracted), (r) -> deal(r.get("deal")));
	}

	/**
	 * Up to {@code limit} deals that are not retracted whose ids sort after {@code after}
	 * ("" for the first), in id order: a page of the dump.
	 */
	public List<Deal> everyAfter(String after, int limit) {
		return this.cypher.read(DealStatements.EVERY_AFTER, Map.of("after", after, "limit", limit),
				(r) -> deal(r.get("deal")));
	}

	/** Every deal of an organization, retracted ones too, latest first, up to a limit. */
	public List<Deal> everyDealOf(String organizationId, int limit) {
		return this.cypher.read(DealStatements.EVERY_DEAL_OF, Map.of("id", organizationId, "limit", limit),
				(r) -> deal(r.get("deal")));
	}

	/** Every deal at a site, retracted ones too, latest first, up to a limit. */
	public List<Deal> everyDealAtSite(String siteId, int limit) {
		return this.cypher.read(DealStatements.EVERY_DEAL_AT_SITE, Map.of("id", siteId, "limit", limit),
				(r) -> deal(r.get("deal")));
	}

	/** Whether a deal that is not retracted has this id. */
	public boolean holds(String id) {
		return this.cypher.read(DealStatements.HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean())
			.getFirst();
	}

	/** What {@link #byIdStatement} built, sent. */
	public Optional<Answered<Deal>> byId(Statement statement) {
		return this.cypher
			.read(statement.query(), statement.parameters(),
					(r) -> new Answered<>(deal(r.get("deal")), r.get("beneath")))
			.stream()
			.findFirst();
	}

	/**
	 * The statement of the deal with this id, retracted ones only when asked for, and
	 * only when it meets the filter's evidence threshold, with what {@code beneath} reads
	 * beneath it.
	 * @param filter the statement's names and parameters, shared with {@code beneath}
	 */
	public static Statement byIdStatement(String id, boolean includeRetracted, CypherFilter filter, BeneathOf beneath) {
		return Statement.of(DealStatements.byId(id, includeRetracted, filter, beneath), filter);
	}

	/** What {@link #pageStatement} built for {@code page}, sent. */
	public Connection<Answered<Deal>> page(PageStatement statement, Page page, boolean withTotal) {
		Record row = this.cypher.read(statement.statement().query(), statement.statement().parameters()).getFirst();
		List<Edge<Answered<Deal>>> edges = row.get("rows")
			.asList((r) -> new Edge<>(statement.keyset().cursor(r.get("sortValues")).encode(),
					new Answered<>(deal(r.get("deal")), r.get("beneath"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/**
	 * The statement of one page of deals, each with what {@code beneath} reads beneath
	 * it, with its parameters and the keyset that reads its cursors.
	 * @param filter the statement's view, names and parameters, shared with
	 * {@code beneath}
	 */
	public static PageStatement pageStatement(@Nullable DealWhere where, List<DealOrder> orderBy, Page page,
			boolean withTotal, CypherFilter filter, BeneathOf beneath) {
		Keyset keyset = DealStatements
			.keyset(orderBy.stream()
				.map((order) -> new DealStatements.Order(order.field().name(), order.descending()))
				.toList())
			.reading(page);
		String query = DealStatements.page(where, keyset, page.cursor(), withTotal, filter, beneath);
		return new PageStatement(Statement.of(query, filter).with("limit", page.fetchSize()), keyset);
	}

	static Deal deal(Value r) {
		return DealProperties.decode(r);
	}

	/**
	 * The end of a deal an organization stands at when it is on the side
	 * {@code direction} says: what the statements take for a direction.
	 */
	public static End end(DealDirection direction) {
		return switch (direction) {
			case OUTGOING -> End.FROM;
			case INCOMING -> End.TO;
			case ANY -> End.EITHER;
		};
	}

}

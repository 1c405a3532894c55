package io.dealgraph.deal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Cursor;
import io.dealgraph.paging.Page;
import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * Every Cypher statement that reads deals. Relationship types and directions are spliced in from
 * {@link DealType} and {@link DealDirection} only; every value is a parameter.
 */
@Repository
class DealQueries {

	/** The ordering of an organization's deals: by announcement date (partial dates first), then id. */
	static final String BY_DATE = "announced";

	/** Sorts unknown dates after every real key. */
	private static final String UNKNOWN_DATE_KEY = "9999-99-99";

	/**
	 * One page of deals for each of many organizations, with each one's total, in one statement. The
	 * pattern placeholder is filled from enums by {@link #pattern}.
	 */
	private static final String DEALS_OF_ORGANIZATIONS = """
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			CALL (o) {
			  RETURN COUNT { %1$s } AS total
			}
			CALL (o) {
			  MATCH %1$s
			  WITH r, coalesce(r.announcedKey, $unknownDateKey) AS sortKey
			  WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND r.id > $afterId)
			  ORDER BY sortKey, r.id
			  LIMIT $limit
			  WITH r, startNode(r) AS source, endNode(r) AS target
			  RETURN collect(r {.*, type: type(r), from: source {.*}, to: target {.*}}) AS deals
			}
			RETURN organizationId, total, deals
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
		String query = DEALS_OF_ORGANIZATIONS.formatted(pattern(selection.types(), selection.direction()));
		Map<String, Connection<Deal>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, parameters)) {
			List<Deal> deals = row.get("deals").asList(DealQueries::deal);
			pages.put(row.get("organizationId").asString(),
					Connection.of(deals, page, row.get("total").asInt(), DealQueries::cursor));
		}
		return pages;
	}

	static Deal deal(Value r) {
		return DealProperties.decode(r, Organization.from(r.get("from")), Organization.from(r.get("to")));
	}

	private static Cursor cursor(Deal deal) {
		String key = DealProperties.sortKey(deal.announcedOn());
		return Cursor.of(BY_DATE, (key != null) ? key : UNKNOWN_DATE_KEY, deal.id());
	}

	/** {@code (o)-[r:A|B]->()} for the given types and direction; all types when none are given. */
	static String pattern(Set<DealType> types, DealDirection direction) {
		Set<DealType> effective = types.isEmpty() ? EnumSet.allOf(DealType.class) : types;
		String relationship = "[r:" + effective.stream().map(Enum::name).collect(Collectors.joining("|")) + "]";
		return switch (direction) {
			case OUTGOING -> "(o)-" + relationship + "->(:Organization)";
			case INCOMING -> "(o)<-" + relationship + "-(:Organization)";
			case ANY -> "(o)-" + relationship + "-(:Organization)";
		};
	}

}

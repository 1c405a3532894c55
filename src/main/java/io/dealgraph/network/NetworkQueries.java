package io.dealgraph.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealProperties;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.View;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * The traversals: each one bounded Cypher statement with a hop cap, never an unbounded
 * variable-length match. Deal patterns come from the graph model; hop counts and path
 * counts are spliced in only as checked integers.
 */
@Repository
class NetworkQueries {

	/**
	 * The shortest paths between two organizations, every hop over an allowed deal, from
	 * one party through the deal node to the other; the selector is {@code k} or
	 * {@code g GROUPS}. Counts and the hop cap are checked integers: Cypher takes no
	 * parameter there.
	 */
	private static final CypherText SHORTEST_PATHS = CypherText.of("""
			MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
			MATCH p = SHORTEST {{selector}} (a)({{hop}} WHERE {{deal}} AND {{node}}){1,{{maxHops}}}(b)
			""");

	/**
	 * Every shortest path, with its deals and organizations as each hop's conditions
	 * allow, the first {@code $first} by the ids along them. {@code allShortestPaths}
	 * searches from both ends at once and stops at the shortest length, and a condition
	 * on each node alone ({@code all(n IN nodes(p) WHERE ...)}) is tested during that
	 * search, so a pair of hubs costs milliseconds where {@code SHORTEST k} takes seconds
	 * at a million deals (BENCHMARKS.md, "Paths at a million deals"). It finds only the
	 * shortest length: when fewer than {@code $first} paths have it, {@link #CONNECTIONS}
	 * answers instead.
	 */
	private static final CypherText ALL_SHORTEST = CypherText.of("""
			MATCH (a:{{organization}} {id: $from}), (b:{{organization}} {id: $to})
			MATCH p = allShortestPaths({{walk}})
			WHERE all(n IN nodes(p) WHERE CASE WHEN n:{{deal}} THEN {{dealCondition}} ELSE {{nodeCondition}} END)
			WITH p, [n IN nodes(p) WHERE n:{{organization}}] AS organizations, [n IN nodes(p) WHERE n:{{deal}}] AS deals
			ORDER BY [o IN organizations | o.id], [d IN deals | d.id]
			LIMIT $first
			RETURN size(deals) AS length,
			       [o IN organizations | properties(o)] AS organizations,
			       [d IN deals | {{projection}}] AS deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

	/**
	 * How many lengths the k shortest paths have: the groups of equal length the answer
	 * draws from. SHORTEST k finds them fast; which paths it picks among equal ones does
	 * not matter here.
	 */
	private static final CypherText GROUPS_NEEDED = CypherText.of("""
			{{paths}}RETURN count(DISTINCT length(p)) AS groups
			""");

	/**
	 * The k shortest paths. Paths of equal length are ordered by the ids along them,
	 * organizations then deals, so the same question gets the same paths on any server:
	 * SHORTEST k alone would pick among equal paths as the traversal meets them. So all
	 * paths of the lengths the k shortest have are found (as GROUPS), ordered, and the
	 * first k kept. Asking for k groups instead would also enumerate every path of
	 * lengths no answer needs: through a hub, thousands (4.8 s against 52 ms for SHORTEST
	 * k at 10k deals).
	 */
	private static final CypherText CONNECTIONS = CypherText
		.of("""
				{{paths}}WITH p, [n IN nodes(p) WHERE n:{{organization}}] AS organizations, [n IN nodes(p) WHERE n:{{deal}}] AS deals
				ORDER BY size(deals), [o IN organizations | o.id], [d IN deals | d.id]
				LIMIT $first
				RETURN size(deals) AS length,
				       [o IN organizations | properties(o)] AS organizations,
				       [d IN deals | {{projection}}] AS deals
				""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("deal", DealStorage.DEAL);

	/**
	 * Everything within a number of hops of one organization. Path enumeration stops at
	 * {@code $maxPaths} and the distinct deals at {@code $limit + 1}, so a dense
	 * neighbourhood costs a bounded amount of work and says it was cut. The deals kept
	 * are the nearest first, then by id, so a capped network is the same on any server.
	 */
	private static final CypherText NETWORK = CypherText.of("""
			MATCH (a:Organization {id: $around})
			CALL (a) {
			  OPTIONAL MATCH (a)({{hop}} WHERE {{deal}}){1,{{depth}}}()
			  WITH r LIMIT $maxPaths
			  RETURN collect(r) AS paths
			}
			CALL (paths) {
			  UNWIND paths AS path
			  UNWIND range(0, size(path) - 1) AS hop
			  WITH path[hop] AS d, min(hop) AS distance
			  ORDER BY distance, d.id
			  LIMIT $fetch
			  RETURN collect({{projection}}) AS deals
			}
			RETURN properties(a) AS centre, deals, size(paths) >= $maxPaths AS pathsCut
			""");

	/**
	 * Enough paths to cover any realistic ego network of the capped size; more only
	 * repeats deals.
	 */
	private static final int MAX_PATHS = 20_000;

	private final CypherExecutor cypher;

	NetworkQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	List<Path> connections(String from, String to, int maxHops, Set<DealType> types, int first, boolean directed,
			boolean excludeUndisclosed, View view) {
		var filter = new CypherFilter(view);
		String dealPredicate = filter.standing("r");
		String nodePredicate = excludeUndisclosed
				? "(x.id = " + filter.parameter(to) + " OR NOT coalesce(x.undisclosed, false))" : "true";
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("first", first);
		if (!directed) {
			// The shortest length first, from both ends at once: enough whenever it has
			// `first` paths. A walk of undirected party relationships cannot say which
			// way
			// a deal was crossed, so directed searches take the exact path below.
			String dealCondition = types.isEmpty() ? filter.standing("n")
					: "(" + DealStorage.isOfType("n", types) + " AND " + filter.standing("n") + ")";
			String nodeCondition = excludeUndisclosed ? "(n.id IN [$from, $to] OR NOT coalesce(n.undisclosed, false))"
					: "true";
			String query = ALL_SHORTEST.with("walk", DealStorage.partyWalk("a", maxHops, "b"))
				.with("dealCondition", dealCondition)
				.with("nodeCondition", nodeCondition)
				.with("projection", DealStorage.projection("d", filter.asOf()))
				.build();
			Map<String, Object> values = new HashMap<>(parameters);
			values.putAll(filter.parameters());
			List<Path> shortest = this.cypher.read(query, values, NetworkQueries::path);
			if (shortest.size() >= first) {
				return shortest;
			}
		}
		return kShortest(maxHops, types, first, directed, filter, dealPredicate, nodePredicate, parameters);
	}

	/**
	 * The k shortest paths of any lengths up to {@code maxHops}, exactly, by SHORTEST k:
	 * for directed searches, and when the shortest length has fewer than k paths.
	 */
	private List<Path> kShortest(int maxHops, Set<DealType> types, int first, boolean directed, CypherFilter filter,
			String dealPredicate, String nodePredicate, Map<String, Object> parameters) {
		String hop = DealStorage.pattern("", directed ? End.FROM : End.EITHER, "r", types,
				"x:" + DealStorage.ORGANIZATION);
		CypherText paths = SHORTEST_PATHS.with("hop", hop)
			.with("deal", dealPredicate)
			.with("node", nodePredicate)
			.with("maxHops", Integer.toString(maxHops));
		String groupsNeeded = GROUPS_NEEDED.with("paths", paths.with("selector", Integer.toString(first)).build())
			.build();
		int groups = this.cypher.read(groupsNeeded, parameters, (row) -> row.get("groups").asInt()).getFirst();
		if (groups == 0) {
			return List.of();
		}
		String query = CONNECTIONS.with("paths", paths.with("selector", groups + " GROUPS").build())
			.with("projection", DealStorage.projection("d", filter.asOf()))
			.build();
		return this.cypher.read(query, parameters, NetworkQueries::path);
	}

	@Nullable Network network(NetworkRequest request) {
		var filter = new CypherFilter(request.view());
		// The network's own conditions never name a party, so the party variables are
		// never used.
		String predicate = filter.deal(request.dealWhere(), "r", "a", "b");
		String query = NETWORK.with("hop", DealStorage.pattern("", End.EITHER, "r", request.dealTypes(), ""))
			.with("deal", predicate)
			.with("depth", Integer.toString(request.depth()))
			.with("projection", DealStorage.projection("d", filter.asOf()))
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("around", request.around());
		parameters.put("maxPaths", MAX_PATHS);
		parameters.put("fetch", request.limit() + 1);
		List<Record> rows = this.cypher.read(query, parameters);
		if (rows.isEmpty()) {
			return null;
		}
		Record row = rows.getFirst();
		List<Deal> deals = new ArrayList<>(row.get("deals").asList(DealProperties::decode));
		boolean truncated = deals.size() > request.limit() || row.get("pathsCut").asBoolean();
		if (deals.size() > request.limit()) {
			deals = deals.subList(0, request.limit());
		}
		Map<String, Organization> organizations = new LinkedHashMap<>();
		Organization centre = Organization.from(row.get("centre"));
		organizations.put(centre.id(), centre);
		for (Deal deal : deals) {
			organizations.putIfAbsent(deal.from().id(), deal.from());
			organizations.putIfAbsent(deal.to().id(), deal.to());
		}
		return new Network(List.copyOf(organizations.values()), List.copyOf(deals), truncated);
	}

	private static Path path(Record row) {
		return new Path(row.get("length").asInt(), row.get("organizations").asList(Organization::from),
				row.get("deals").asList(DealProperties::decode));
	}

}

package io.dealgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * The traversals: each one bounded Cypher statement with a hop cap, never an unbounded
 * variable-length match. Deal patterns come from the graph model; hop counts and path
 * counts are spliced in only as checked integers.
 */
@Repository
class NetworkQueries {

	/**
	 * Every shortest path, with its deals and organizations as each hop's conditions
	 * allow, the first {@code $first} by the ids along them. {@code allShortestPaths}
	 * searches from both ends at once and stops at the shortest length, and a condition
	 * on each node alone ({@code all(n IN nodes(p) WHERE ...)}) is tested during that
	 * search, so a pair of hubs costs milliseconds (BENCHMARKS.md, "Paths at a million
	 * deals"). It finds only the shortest length: when fewer than {@code $first} paths
	 * have it, {@link ShortestPaths} searches on.
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
	 * How many deals each of these organizations has at each end: what a step of the path
	 * search from it would cost at most.
	 */
	private static final CypherText DEGREES = CypherText.of("""
			UNWIND $organizations AS id
			MATCH (o:{{organization}} {id: id})
			RETURN id, {{asFrom}} AS asFrom, {{asTo}} AS asTo
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("asFrom", DealStorage.degree("o", End.FROM))
		.with("asTo", DealStorage.degree("o", End.TO));

	/**
	 * One step of the path search: every deal the question allows from these
	 * organizations, read from one end, with the organization across it and that one's
	 * degrees.
	 */
	private static final CypherText HOPS = CypherText.of("""
			UNWIND $organizations AS id
			MATCH (x:{{organization}} {id: id})
			MATCH {{hop}}
			WHERE {{deal}} AND {{node}}
			RETURN id AS from, d.id AS deal, y.id AS to, {{asFrom}} AS asFrom, {{asTo}} AS asTo
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("asFrom", DealStorage.degree("y", End.FROM))
		.with("asTo", DealStorage.degree("y", End.TO));

	/** The organizations and deals of the paths found, by id. */
	private static final CypherText PATH_PARTS = CypherText.of("""
			CALL () {
			  MATCH (o:{{organization}}) WHERE o.id IN $organizations
			  RETURN collect(properties(o)) AS organizations
			}
			CALL () {
			  MATCH (d:{{deal}}) WHERE d.id IN $deals
			  RETURN collect({{projection}}) AS deals
			}
			RETURN organizations, deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

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

	/**
	 * The most partial paths and join pairs one path search may make before it stops and
	 * says it was cut ({@code dealgraph.limits.path-search}).
	 */
	private final long pathBound;

	NetworkQueries(CypherExecutor cypher, @Value("${dealgraph.limits.path-search}") long pathBound) {
		this.cypher = cypher;
		this.pathBound = pathBound;
	}

	/**
	 * The first {@code first} paths of at most {@code maxHops} deals, by length and then
	 * the ids along them, in one read transaction. Undirected, {@code allShortestPaths}
	 * answers when the shortest length has enough paths; otherwise, and for directed
	 * paths, {@link ShortestPaths} searches from both ends within {@link #pathBound}.
	 */
	PathSearch connections(String from, String to, int maxHops, Set<DealType> types, int first, boolean directed,
			boolean excludeUndisclosed, View view) {
		return this.cypher.readTogether((reader) -> {
			if (!directed) {
				List<Path> shortest = allShortest(reader, from, to, maxHops, types, first, excludeUndisclosed, view);
				if (shortest.size() >= first) {
					return new PathSearch(shortest, false);
				}
			}
			var hops = new StoredHops(reader, from, to, types, excludeUndisclosed, view);
			ShortestPaths.Result found = ShortestPaths.search(hops, from, to, maxHops, first, directed, this.pathBound);
			return new PathSearch(parts(reader, found.paths(), view), found.truncated());
		});
	}

	private static List<Path> allShortest(CypherExecutor.Reader reader, String from, String to, int maxHops,
			Set<DealType> types, int first, boolean excludeUndisclosed, View view) {
		var filter = new CypherFilter(view);
		String dealCondition = types.containsAll(EnumSet.allOf(DealType.class)) ? filter.standing("n")
				: "(" + DealStorage.isOfType("n", types) + " AND " + filter.standing("n") + ")";
		String nodeCondition = excludeUndisclosed ? "(n.id IN [$from, $to] OR NOT coalesce(n.undisclosed, false))"
				: "true";
		String query = ALL_SHORTEST.with("walk", DealStorage.partyWalk("a", maxHops, "b"))
			.with("dealCondition", dealCondition)
			.with("nodeCondition", nodeCondition)
			.with("projection", DealStorage.projection("d", filter.asOf()))
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("first", first);
		return reader.run(query, parameters).stream().map(NetworkQueries::path).toList();
	}

	/** The paths found, with their organizations and deals as the view sees them. */
	private static List<Path> parts(CypherExecutor.Reader reader, List<ShortestPaths.Found> paths, View view) {
		if (paths.isEmpty()) {
			return List.of();
		}
		var filter = new CypherFilter(view);
		String query = PATH_PARTS.with("projection", DealStorage.projection("d", filter.asOf())).build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("organizations",
				paths.stream().flatMap((path) -> path.organizations().stream()).distinct().toList());
		parameters.put("deals", paths.stream().flatMap((path) -> path.deals().stream()).distinct().toList());
		Record row = reader.run(query, parameters).getFirst();
		Map<String, Organization> organizations = new HashMap<>();
		row.get("organizations").asList(Organization::from).forEach((o) -> organizations.put(o.id(), o));
		Map<String, Deal> deals = new HashMap<>();
		row.get("deals").asList(DealProperties::decode).forEach((d) -> deals.put(d.id(), d));
		return paths.stream()
			.map((path) -> new Path(path.deals().size(), path.organizations().stream().map(organizations::get).toList(),
					path.deals().stream().map(deals::get).toList()))
			.toList();
	}

	/**
	 * The graph as the path search reads it, in the read transaction of the request: the
	 * deals the view and the deal types allow, and organizations other than placeholders
	 * when they are left out.
	 */
	private static final class StoredHops implements ShortestPaths.Hops {

		private final CypherExecutor.Reader reader;

		private final CypherFilter filter;

		private final CypherText hops;

		private final Set<DealType> types;

		StoredHops(CypherExecutor.Reader reader, String from, String to, Set<DealType> types,
				boolean excludeUndisclosed, View view) {
			this.reader = reader;
			this.filter = new CypherFilter(view);
			String node = excludeUndisclosed ? "(y.id IN [" + this.filter.parameter(from) + ", "
					+ this.filter.parameter(to) + "] OR NOT coalesce(y.undisclosed, false))" : "true";
			this.hops = HOPS.with("deal", this.filter.standing("d")).with("node", node);
			this.types = types;
		}

		@Override
		public Map<String, ShortestPaths.Degree> degrees(Collection<String> organizations) {
			Map<String, ShortestPaths.Degree> degrees = new HashMap<>();
			for (Record row : this.reader.run(DEGREES.build(), Map.of("organizations", List.copyOf(organizations)))) {
				degrees.put(row.get("id").asString(), degree(row));
			}
			return degrees;
		}

		@Override
		public List<ShortestPaths.Hop> from(Collection<String> organizations, End end) {
			String query = this.hops
				.with("hop", DealStorage.pattern("x", end, "d", this.types, "y:" + DealStorage.ORGANIZATION))
				.build();
			Map<String, Object> parameters = new HashMap<>(this.filter.parameters());
			parameters.put("organizations", List.copyOf(organizations));
			return this.reader.run(query, parameters)
				.stream()
				.map((row) -> new ShortestPaths.Hop(row.get("from").asString(), row.get("deal").asString(),
						row.get("to").asString(), degree(row)))
				.toList();
		}

		private static ShortestPaths.Degree degree(Record row) {
			return new ShortestPaths.Degree(row.get("asFrom").asLong(), row.get("asTo").asLong());
		}

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

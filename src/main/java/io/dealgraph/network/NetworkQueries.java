package io.dealgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealProperties;
import io.dealgraph.cypher.NetworkStatements;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.View;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * The traversals: each one bounded Cypher statement with a hop cap, never an unbounded
 * variable-length match, from {@link NetworkStatements}.
 */
@Repository
class NetworkQueries {

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
		String query = NetworkStatements.allShortest(filter, types, maxHops, excludeUndisclosed);
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
		String query = NetworkStatements.pathParts(filter);
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

		private final Function<End, String> hops;

		StoredHops(CypherExecutor.Reader reader, String from, String to, Set<DealType> types,
				boolean excludeUndisclosed, View view) {
			this.reader = reader;
			this.filter = new CypherFilter(view);
			this.hops = NetworkStatements.hops(this.filter, from, to, types, excludeUndisclosed);
		}

		@Override
		public Map<String, ShortestPaths.Degree> degrees(Collection<String> organizations) {
			Map<String, ShortestPaths.Degree> degrees = new HashMap<>();
			Map<String, Object> parameters = Map.of("organizations", List.copyOf(organizations));
			for (Record row : this.reader.run(NetworkStatements.DEGREES, parameters)) {
				degrees.put(row.get("id").asString(), degree(row));
			}
			return degrees;
		}

		@Override
		public List<ShortestPaths.Hop> from(Collection<String> organizations, End end) {
			String query = this.hops.apply(end);
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
		String query = NetworkStatements.network(request.dealWhere(), filter, request.dealTypes(), request.depth());
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

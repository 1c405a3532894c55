package io.dealgraph.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealProperties;
import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.DealStatements.BeneathOf;
import io.dealgraph.cypher.NetworkStatements;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.CypherExecutor;
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

	NetworkQueries(CypherExecutor cypher,
			@org.springframework.beans.factory.annotation.Value("${dealgraph.limits.path-search}") long pathBound) {
		this.cypher = cypher;
		this.pathBound = pathBound;
	}

	/**
	 * As the other {@code connections}, with nothing read beneath the paths' parts.
	 */
	PathSearch connections(String from, String to, int maxHops, Set<DealType> types, int first, boolean directed,
			boolean excludeUndisclosed, View view) {
		var filter = new CypherFilter(view);
		return connections(from, to, maxHops, types, first, directed, excludeUndisclosed, filter,
				DealStatements.whole(filter), OrganizationStatements::storedOnly)
			.search();
	}

	/**
	 * The first {@code first} paths of at most {@code maxHops} deals, by length and then
	 * the ids along them, in one statement ({@link NetworkStatements#paths}), each
	 * organization and deal on them with what {@code organizations} and {@code deals}
	 * read beneath it. Undirected, {@code allShortestPaths} answers when the shortest
	 * length has enough paths; otherwise, and for directed paths, the statement searches
	 * on from both ends within {@link #pathBound}.
	 * @param filter the view, names and parameters of the statement's parts, shared with
	 * {@code deals} and {@code organizations}
	 */
	PathsRead connections(String from, String to, int maxHops, Set<DealType> types, int first, boolean directed,
			boolean excludeUndisclosed, CypherFilter filter, BeneathOf deals, Function<String, Beneath> organizations) {
		String query = NetworkStatements.paths(filter, types, maxHops, directed, excludeUndisclosed, deals,
				organizations);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("first", first);
		parameters.put("bound", this.pathBound);
		List<Record> rows = this.cypher.read(query, parameters);
		if (rows.isEmpty()) {
			return PathsRead.NONE;
		}
		Record row = rows.getFirst();
		List<Found> paths = row.get("paths")
			.asList((path) -> new Found(path.get("organizations").asList(Value::asString),
					path.get("deals").asList(Value::asString)));
		return PathsRead.of(paths, row, row.get("truncated").asBoolean());
	}

	/** A path as ids: its organizations from start to end, and the deal of each hop. */
	private record Found(List<String> organizations, List<String> deals) {
	}

	/**
	 * Paths found, and what was read beneath each of their organizations and deals, by
	 * id.
	 */
	record PathsRead(PathSearch search, Map<String, Value> organizationsBeneath, Map<String, Value> dealsBeneath) {

		/** No path: what a search from an organization to itself finds. */
		static final PathsRead NONE = new PathsRead(new PathSearch(List.of(), false), Map.of(), Map.of());

		/** The paths of these ids, their parts read from {@code row}. */
		static PathsRead of(List<Found> paths, Record row, boolean truncated) {
			Map<String, Organization> organizations = new HashMap<>();
			Map<String, Value> organizationsBeneath = new HashMap<>();
			Map<String, Deal> deals = new HashMap<>();
			Map<String, Value> dealsBeneath = new HashMap<>();
			for (Value part : row.get("organizations").values()) {
				Organization organization = Organization.from(part.get("organization"));
				organizations.put(organization.id(), organization);
				organizationsBeneath.put(organization.id(), part.get("beneath"));
			}
			for (Value part : row.get("deals").values()) {
				Deal deal = DealProperties.decode(part.get("deal"));
				deals.put(deal.id(), deal);
				dealsBeneath.put(deal.id(), part.get("beneath"));
			}
			List<Path> found = paths.stream()
				.map((path) -> new Path(path.deals().size(),
						path.organizations().stream().map(organizations::get).toList(),
						path.deals().stream().map(deals::get).toList()))
				.toList();
			return new PathsRead(new PathSearch(found, truncated), organizationsBeneath, dealsBeneath);
		}

	}

	/**
	 * The network around the request's organization, with nothing read beneath its deals
	 * and organizations: what the exports write. Null when the organization does not
	 * exist.
	 */
	@Nullable Network network(NetworkRequest request) {
		var filter = new CypherFilter(request.view());
		NetworkRead read = network(request, filter, DealStatements.whole(filter), OrganizationStatements::storedOnly,
				null);
		return (read != null) ? read.network() : null;
	}

	/**
	 * The network around the request's organization in one statement, each deal and
	 * organization with what {@code deals} and {@code organizations} read beneath it, and
	 * its deals' sites with what {@code sites} reads beneath them, when it is not null.
	 * Null when the organization does not exist.
	 */
	@Nullable NetworkRead network(NetworkRequest request, CypherFilter filter, BeneathOf deals,
			Function<String, Beneath> organizations, @Nullable Function<String, Beneath> sites) {
		String query = NetworkStatements.network(request.dealWhere(), filter, request.dealTypes(), request.depth(),
				deals, organizations, sites);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("around", request.around());
		parameters.put("maxPaths", MAX_PATHS);
		parameters.put("fetch", request.limit() + 1);
		parameters.put("limit", request.limit());
		List<Record> rows = this.cypher.read(query, parameters);
		if (rows.isEmpty()) {
			return null;
		}
		Record row = rows.getFirst();
		List<Value> dealRows = row.get("deals").asList((deal) -> deal);
		boolean truncated = dealRows.size() > request.limit() || row.get("pathsCut").asBoolean();
		if (dealRows.size() > request.limit()) {
			dealRows = dealRows.subList(0, request.limit());
		}
		List<Value> organizationRows = row.get("organizations").asList((organization) -> organization);
		var network = new Network(
				organizationRows.stream()
					.map((organization) -> Organization.from(organization.get("organization")))
					.toList(),
				dealRows.stream().map((deal) -> DealProperties.decode(deal.get("deal"))).toList(), truncated);
		return new NetworkRead(network, dealRows.stream().map((deal) -> deal.get("beneath")).toList(),
				organizationRows.stream().map((organization) -> organization.get("beneath")).toList(),
				row.get("sites").asList((site) -> site));
	}

	/**
	 * A network, and what was read beneath each of its deals and organizations, in the
	 * order of its own lists; and its deals' sites, each a {@code {site, beneath}} row,
	 * when they were read.
	 */
	record NetworkRead(Network network, List<Value> dealsBeneath, List<Value> organizationsBeneath, List<Value> sites) {
	}

}

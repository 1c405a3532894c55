package io.dealgraph.network;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.deal.Deal;
import io.dealgraph.site.Site;
import io.dealgraph.site.SiteQueries;
import io.dealgraph.filter.Views;
import io.dealgraph.read.DealsBeneath;
import io.dealgraph.read.OrganizationsBeneath;
import io.dealgraph.read.SitesBeneath;
import io.dealgraph.selection.Prefetched;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.source.Confidence;
import io.dealgraph.errors.ApiException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class NetworkController {

	static final int MAX_HOPS = 6;

	static final int MAX_PATHS = 10;

	private final NetworkQueries queries;

	private final SiteQueries sites;

	NetworkController(NetworkQueries queries, SiteQueries sites) {
		this.queries = queries;
		this.sites = sites;
	}

	/**
	 * The sites of a network's deals, each once, by name: read by the network's
	 * statement, or, when the field is selected under several aliases, by one statement
	 * for the whole network.
	 */
	@SchemaMapping
	CompletableFuture<List<Site>> sites(Network network, DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment, () -> {
			Map<String, Site> sites = new TreeMap<>();
			this.sites.sitesOf(network.deals().stream().map(Deal::id).toList(), Views.of(environment))
				.values()
				.forEach((list) -> list.forEach((site) -> sites.putIfAbsent(site.name() + "\u0000" + site.id(), site)));
			return CompletableFuture.completedFuture(List.copyOf(sites.values()));
		});
	}

	/**
	 * The paths, and everything beneath them, see the graph as of {@code asOf}, with the
	 * evidence asked for. Deprecated for {@link #pathsBetween}, which says when the
	 * search was cut.
	 */
	@QueryMapping
	DataFetcherResult<List<Path>> connections(@Argument String from, @Argument String to,
			@Argument @Nullable Integer maxHops, @Argument @Nullable List<DealType> dealTypes,
			@Argument @Nullable Integer first, @Argument @Nullable Boolean directed,
			@Argument @Nullable Boolean excludeUndisclosed, @Argument @Nullable String asOf,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		var filter = new CypherFilter(view);
		List<SelectedField> pathFields = environment.getSelectionSet().getImmediateFields();
		var parts = new PathParts(pathFields, filter);
		NetworkQueries.PathsRead read = search(from, to, maxHops, dealTypes, first, directed, excludeUndisclosed,
				parts);
		parts.keep(environment.getGraphQlContext(), environment.getExecutionStepInfo().getPath(), read);
		return Views.seenAs(view, read.search().paths());
	}

	/**
	 * The paths, and everything beneath them, see the graph as of {@code asOf}, with the
	 * evidence asked for.
	 */
	@QueryMapping
	DataFetcherResult<PathSearch> pathsBetween(@Argument String from, @Argument String to,
			@Argument @Nullable Integer maxHops, @Argument @Nullable List<DealType> dealTypes,
			@Argument @Nullable Integer first, @Argument @Nullable Boolean directed,
			@Argument @Nullable Boolean excludeUndisclosed, @Argument @Nullable String asOf,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		var filter = new CypherFilter(view);
		List<SelectedField> paths = environment.getSelectionSet()
			.getImmediateFields()
			.stream()
			.filter((field) -> field.getName().equals("paths"))
			.toList();
		// Under several aliases, the paths' parts load themselves.
		List<SelectedField> pathFields = (paths.size() == 1) ? paths.getFirst().getSelectionSet().getImmediateFields()
				: List.of();
		var parts = new PathParts(pathFields, filter);
		NetworkQueries.PathsRead read = search(from, to, maxHops, dealTypes, first, directed, excludeUndisclosed,
				parts);
		if (paths.size() == 1) {
			parts.keep(environment.getGraphQlContext(),
					environment.getExecutionStepInfo().getPath().segment(paths.getFirst().getResultKey()), read);
		}
		return Views.seenAs(view, read.search());
	}

	private NetworkQueries.PathsRead search(String from, String to, @Nullable Integer maxHops,
			@Nullable List<DealType> dealTypes, @Nullable Integer first, @Nullable Boolean directed,
			@Nullable Boolean excludeUndisclosed, PathParts parts) {
		int hops = (maxHops != null) ? maxHops : 4;
		if (hops < 1 || hops > MAX_HOPS) {
			throw ApiException.badRequest("'maxHops' must be from 1 to " + MAX_HOPS + ", not " + hops + ".");
		}
		int paths = (first != null) ? first : 5;
		if (paths < 1 || paths > MAX_PATHS) {
			throw ApiException.badRequest("'first' must be from 1 to " + MAX_PATHS + ", not " + paths + ".");
		}
		if (from.equals(to)) {
			return NetworkQueries.PathsRead.NONE;
		}
		var types = (dealTypes == null || dealTypes.isEmpty()) ? EnumSet.allOf(DealType.class)
				: EnumSet.copyOf(dealTypes);
		return this.queries.connections(from, to, hops, types, paths, Boolean.TRUE.equals(directed),
				Boolean.TRUE.equals(excludeUndisclosed), parts.filter, parts.deals, parts.organizations);
	}

	/**
	 * What is read beneath the organizations and deals of the paths found, with the
	 * fields of a path selected, and kept for their nested fields.
	 */
	private static final class PathParts {

		private final CypherFilter filter;

		private final DealsBeneath deals;

		private final OrganizationsBeneath organizations;

		PathParts(List<SelectedField> pathFields, CypherFilter filter) {
			this.filter = filter;
			this.deals = DealsBeneath.listedIn(pathFields, "deals", filter);
			this.organizations = OrganizationsBeneath.listedIn(pathFields, "organizations", filter);
		}

		/** Keeps the answers beneath each path of the list at {@code paths}. */
		void keep(GraphQLContext context, ResultPath paths, NetworkQueries.PathsRead read) {
			List<Path> found = read.search().paths();
			for (int i = 0; i < found.size(); i++) {
				Path path = found.get(i);
				this.organizations.keep(context, paths.segment(i),
						path.organizations()
							.stream()
							.map((organization) -> read.organizationsBeneath().get(organization.id()))
							.toList());
				this.deals.keep(context, paths.segment(i),
						path.deals().stream().map((deal) -> read.dealsBeneath().get(deal.id())).toList());
			}
		}

	}

	/**
	 * The network, and everything beneath it, see the graph as of {@code asOf}, with the
	 * evidence asked for; its deals and organizations are read with their whole selection
	 * in the network's one statement.
	 */
	@QueryMapping
	DataFetcherResult<@Nullable Network> network(@Argument String around, @Argument @Nullable Integer depth,
			@Argument @Nullable List<DealType> dealTypes, @Argument @Nullable String since,
			@Argument @Nullable String until, @Argument @Nullable Double minAmountUsd,
			@Argument @Nullable Integer limit, @Argument @Nullable String asOf,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		NetworkRequest request = NetworkRequest.of(around, depth, dealTypes, since, until, minAmountUsd, limit, asOf,
				minConfidence);
		var filter = new CypherFilter(request.view());
		List<SelectedField> fields = environment.getSelectionSet().getImmediateFields();
		var deals = DealsBeneath.listedIn(fields, "deals", filter);
		var organizations = OrganizationsBeneath.listedIn(fields, "organizations", filter);
		var sites = SitesBeneath.listedIn(fields, "sites", filter);
		NetworkQueries.NetworkRead read = this.queries.network(request, filter, deals, organizations,
				sites.whenSelected());
		if (read == null) {
			return Views.seenAs(request.view(), null);
		}
		ResultPath path = environment.getExecutionStepInfo().getPath();
		deals.keep(environment.getGraphQlContext(), path, read.dealsBeneath());
		organizations.keep(environment.getGraphQlContext(), path, read.organizationsBeneath());
		sites.keep(environment.getGraphQlContext(), path, read.sites());
		return Views.seenAs(request.view(), read.network());
	}

}

package io.dealgraph.network;

import java.util.EnumSet;
import java.util.List;

import graphql.execution.DataFetcherResult;
import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.Views;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.source.Confidence;
import io.dealgraph.errors.ApiException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class NetworkController {

	static final int MAX_HOPS = 6;

	static final int MAX_PATHS = 10;

	private final NetworkQueries queries;

	NetworkController(NetworkQueries queries) {
		this.queries = queries;
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
			@Argument @Nullable Confidence minConfidence) {
		View view = View.of(asOf, minConfidence);
		return Views.seenAs(view,
				search(from, to, maxHops, dealTypes, first, directed, excludeUndisclosed, view).paths());
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
			@Argument @Nullable Confidence minConfidence) {
		View view = View.of(asOf, minConfidence);
		return Views.seenAs(view, search(from, to, maxHops, dealTypes, first, directed, excludeUndisclosed, view));
	}

	private PathSearch search(String from, String to, @Nullable Integer maxHops, @Nullable List<DealType> dealTypes,
			@Nullable Integer first, @Nullable Boolean directed, @Nullable Boolean excludeUndisclosed, View view) {
		int hops = (maxHops != null) ? maxHops : 4;
		if (hops < 1 || hops > MAX_HOPS) {
			throw ApiException.badRequest("'maxHops' must be from 1 to " + MAX_HOPS + ", not " + hops + ".");
		}
		int paths = (first != null) ? first : 5;
		if (paths < 1 || paths > MAX_PATHS) {
			throw ApiException.badRequest("'first' must be from 1 to " + MAX_PATHS + ", not " + paths + ".");
		}
		if (from.equals(to)) {
			return new PathSearch(List.of(), false);
		}
		var types = (dealTypes == null || dealTypes.isEmpty()) ? EnumSet.allOf(DealType.class)
				: EnumSet.copyOf(dealTypes);
		return this.queries.connections(from, to, hops, types, paths, Boolean.TRUE.equals(directed),
				Boolean.TRUE.equals(excludeUndisclosed), view);
	}

	/**
	 * The network, and everything beneath it, see the graph as of {@code asOf}, with the
	 * evidence asked for.
	 */
	@QueryMapping
	DataFetcherResult<@Nullable Network> network(@Argument String around, @Argument @Nullable Integer depth,
			@Argument @Nullable List<DealType> dealTypes, @Argument @Nullable String since,
			@Argument @Nullable String until, @Argument @Nullable Double minAmountUsd,
			@Argument @Nullable Integer limit, @Argument @Nullable String asOf,
			@Argument @Nullable Confidence minConfidence) {
		NetworkRequest request = NetworkRequest.of(around, depth, dealTypes, since, until, minAmountUsd, limit, asOf,
				minConfidence);
		return Views.seenAs(request.view(), this.queries.network(request));
	}

}

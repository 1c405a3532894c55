package io.dealgraph.timeline;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.errors.ApiException;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.filter.Views;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.View;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.read.DealsBeneath;
import io.dealgraph.source.Confidence;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Deals and their status changes in date order, at most {@link #MAX_EVENTS} at once. Each
 * field is one statement: the events, and beneath each event's deal whatever the
 * selection asks for ({@link DealsBeneath}); the evidence threshold holds for the whole
 * subtree.
 */
@Controller
class TimelineController {

	static final int MAX_EVENTS = 500;

	private final TimelineQueries queries;

	TimelineController(TimelineQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	DataFetcherResult<List<TimelineEvent>> timeline(@Argument @Nullable String of, @Argument @Nullable DealWhere where,
			@Argument @Nullable Integer first, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		int size = (first != null) ? first : 100;
		if (size < 0 || size > MAX_EVENTS) {
			throw ApiException.badRequest("'first' must be from 0 to " + MAX_EVENTS + ", not " + size + ".");
		}
		View view = View.of(null, minConfidence);
		var filter = new CypherFilter(view);
		var deals = DealsBeneath.eachIn(environment.getSelectionSet().getImmediateFields(), "deal", filter);
		List<Answered<TimelineEvent>> events = this.queries.events(of, where, size, filter, deals);
		deals.keep(environment.getGraphQlContext(), environment.getExecutionStepInfo().getPath(),
				events.stream().map(Answered::beneath).toList());
		return Views.seenAs(view, events.stream().map(Answered::value).toList());
	}

	@QueryMapping
	DataFetcherResult<Connection<TimelineEvent>> timelineConnection(@Argument @Nullable String of,
			@Argument @Nullable DealWhere where, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		var filter = new CypherFilter(view);
		var deals = DealsBeneath.eachInConnection(environment.getSelectionSet().getImmediateFields(), "deal", filter);
		Connection<Answered<TimelineEvent>> page = this.queries.page(of, where, Page.of(first, after, last, before),
				environment.getSelectionSet().contains("totalCount"), filter, deals);
		deals.keep(environment.getGraphQlContext(), environment.getExecutionStepInfo().getPath(),
				page.edges().stream().map((edge) -> edge.node().beneath()).toList());
		return Views.seenAs(view, page.map(Answered::value));
	}

}

package io.dealgraph.timeline;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.View;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.source.Confidence;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Deals and their status changes in date order, at most {@link #MAX_EVENTS} at once. */
@Controller
class TimelineController {

	static final int MAX_EVENTS = 500;

	private final TimelineQueries queries;

	TimelineController(TimelineQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	List<TimelineEvent> timeline(@Argument @Nullable String of, @Argument @Nullable DealWhere where,
			@Argument @Nullable Integer first, @Argument @Nullable Confidence minConfidence) {
		int size = (first != null) ? first : 100;
		if (size < 0 || size > MAX_EVENTS) {
			throw ApiException.badRequest("'first' must be from 0 to " + MAX_EVENTS + ", not " + size + ".");
		}
		return this.queries.events(of, where, size, View.of(null, minConfidence));
	}

	@QueryMapping
	Connection<TimelineEvent> timelineConnection(@Argument @Nullable String of, @Argument @Nullable DealWhere where,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @Argument @Nullable Confidence minConfidence,
			DataFetchingFieldSelectionSet fields) {
		return this.queries.page(of, where, Page.of(first, after, last, before), fields.contains("totalCount"),
				View.of(null, minConfidence));
	}

}

package io.dealgraph.stats;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.View;
import io.dealgraph.source.Confidence;
import io.dealgraph.stats.DealStatsQueries.Key;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Deal counts and money totals, grouped by the keys asked for. */
@Controller
class DealStatsController {

	/** The bucket fields that need amounts read: without them, no amount is read. */
	private static final List<String> MONEY_FIELDS = List.of("totals", "withoutAmount", "approximateOrLowerBound");

	private final DealStatsQueries queries;

	DealStatsController(DealStatsQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	List<DealStatsBucket> dealStats(@Argument @Nullable DealWhere where, @Argument @Nullable List<Key> groupBy,
			@Argument @Nullable String asOf, @Argument @Nullable Confidence minConfidence,
			DataFetchingFieldSelectionSet selection) {
		Set<Key> keys = (groupBy == null || groupBy.isEmpty()) ? EnumSet.noneOf(Key.class) : EnumSet.copyOf(groupBy);
		return this.queries.buckets(where, keys, View.of(asOf, minConfidence),
				MONEY_FIELDS.stream().anyMatch(selection::contains), selection.contains("capacity"));
	}

}

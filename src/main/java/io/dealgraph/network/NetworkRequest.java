package io.dealgraph.network;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.source.Confidence;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.errors.ApiException;
import io.dealgraph.graph.PartialDates;

/**
 * The arguments of {@code network} and of the export endpoint, checked against the caps:
 * both answer the same question, so both go through here.
 */
public record NetworkRequest(String around, int depth, Set<DealType> dealTypes, @Nullable String since,
		@Nullable String until, @Nullable Double minAmountUsd, int limit, @Nullable String asOf,
		@Nullable Confidence minConfidence) {

	public static final int MAX_DEPTH = 3;

	public static final int DEFAULT_LIMIT = 200;

	public static final int MAX_LIMIT = 1000;

	public static NetworkRequest of(String around, @Nullable Integer depth, @Nullable List<DealType> dealTypes,
			@Nullable String since, @Nullable String until, @Nullable Double minAmountUsd, @Nullable Integer limit,
			@Nullable String asOf, @Nullable Confidence minConfidence) {
		int d = (depth != null) ? depth : 1;
		if (d < 1 || d > MAX_DEPTH) {
			throw ApiException.badRequest("'depth' must be from 1 to " + MAX_DEPTH + ", not " + d + ".");
		}
		int l = (limit != null) ? limit : DEFAULT_LIMIT;
		if (l < 1 || l > MAX_LIMIT) {
			throw ApiException.badRequest("'limit' must be from 1 to " + MAX_LIMIT + ", not " + l + ".");
		}
		if (minAmountUsd != null && (minAmountUsd < 0 || minAmountUsd.isNaN())) {
			throw ApiException.badRequest("'minAmountUsd' must be 0 or more.");
		}
		for (String date : new String[] { since, until, asOf }) {
			if (date != null && !PartialDates.isValid(date)) {
				throw ApiException.badRequest(PartialDates.describeInvalid(date) + ".");
			}
		}
		Set<DealType> types = (dealTypes == null || dealTypes.isEmpty()) ? EnumSet.allOf(DealType.class)
				: EnumSet.copyOf(dealTypes);
		return new NetworkRequest(around, d, types, since, until, minAmountUsd, l, asOf, minConfidence);
	}

	/**
	 * What the network and everything beneath it see: its date and evidence threshold.
	 */
	View view() {
		return View.of(this.asOf, this.minConfidence);
	}

	/** The deal conditions, in the filter language the rest of the API uses. */
	DealWhere dealWhere() {
		return new DealWhere(null, null, null, null, this.since, this.until, this.minAmountUsd, null, null, null, null,
				null, null, null, null, null, null, null);
	}

}

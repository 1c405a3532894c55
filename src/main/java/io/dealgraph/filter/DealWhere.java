package io.dealgraph.filter;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.DealStatus;
import io.dealgraph.deal.DealType;
import io.dealgraph.source.Confidence;

/** The {@code DealWhere} input; see the schema for each field's meaning. */
public record DealWhere(@Nullable DealType type, @Nullable List<DealType> typeIn, @Nullable DealStatus status,
		@Nullable List<DealStatus> statusIn, @Nullable String announcedFrom, @Nullable String announcedTo,
		@Nullable Double amountUsdMin, @Nullable Double amountUsdMax, @Nullable OrganizationWhere from,
		@Nullable OrganizationWhere to, @Nullable Confidence sourceConfidence, @Nullable List<DealWhere> AND,
		@Nullable List<DealWhere> OR, @Nullable DealWhere NOT) {
}

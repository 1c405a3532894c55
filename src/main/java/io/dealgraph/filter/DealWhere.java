package io.dealgraph.filter;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.DealStatus;
import io.dealgraph.graph.DealType;
import io.dealgraph.source.Confidence;

/** The {@code DealWhere} input; see the schema for each field's meaning. */
public record DealWhere(@Nullable DealType type, @Nullable List<DealType> typeIn, @Nullable DealStatus status,
		@Nullable List<DealStatus> statusIn, @Nullable String announcedFrom, @Nullable String announcedTo,
		@Nullable Double amountUsdMin, @Nullable Double amountUsdMax, @Nullable OrganizationWhere from,
		@Nullable OrganizationWhere to, @Nullable Confidence sourceConfidence, @Nullable List<DealWhere> AND,
		@Nullable List<DealWhere> OR, @Nullable DealWhere NOT) {

	/**
	 * The deal types a statement must match for this filter: only those its {@code type}
	 * and {@code typeIn} allow, so that Neo4j scans those labels alone. The predicate
	 * still checks them, so an empty intersection matches nothing.
	 */
	public static Set<DealType> typesAllowedBy(@Nullable DealWhere where) {
		Set<DealType> types = EnumSet.allOf(DealType.class);
		if (where != null && where.type() != null) {
			types.retainAll(EnumSet.of(where.type()));
		}
		if (where != null && where.typeIn() != null) {
			types.retainAll(where.typeIn());
		}
		return types.isEmpty() ? EnumSet.allOf(DealType.class) : types;
	}

}

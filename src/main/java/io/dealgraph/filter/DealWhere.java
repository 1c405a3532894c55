package io.dealgraph.filter;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.DealType;
import io.dealgraph.source.Confidence;

/** The {@code DealWhere} input; see the schema for each field's meaning. */
public record DealWhere(@Nullable DealType type, @Nullable List<DealType> typeIn, @Nullable DealStatus status,
		@Nullable List<DealStatus> statusIn, @Nullable String announcedFrom, @Nullable String announcedTo,
		@Nullable Double amountUsdMin, @Nullable Double amountUsdMax, @Nullable OrganizationWhere from,
		@Nullable OrganizationWhere to, @Nullable Confidence sourceConfidence, @Nullable FinancingRole role,
		@Nullable List<FinancingRole> roleIn, @Nullable AcquisitionScope scope,
		@Nullable List<AcquisitionScope> scopeIn, @Nullable List<DealWhere> AND, @Nullable List<DealWhere> OR,
		@Nullable DealWhere NOT) {

	/**
	 * The deal types a statement must match for this filter: only those its {@code type}
	 * and {@code typeIn} allow, so that Neo4j scans those labels alone. The predicate
	 * still checks them, so an empty intersection matches nothing.
	 */
	public static Set<DealType> typesAllowedBy(@Nullable DealWhere where) {
		Set<DealType> types = allowed(where);
		return types.isEmpty() ? EnumSet.allOf(DealType.class) : types;
	}

	/**
	 * Whether {@code type} and {@code typeIn} allow some type together, so that matching
	 * the labels of {@link #typesAllowedBy} checks them whole.
	 */
	public static boolean allowsSomeType(@Nullable DealWhere where) {
		return !allowed(where).isEmpty();
	}

	private static Set<DealType> allowed(@Nullable DealWhere where) {
		Set<DealType> types = EnumSet.allOf(DealType.class);
		if (where != null && where.type() != null) {
			types.retainAll(EnumSet.of(where.type()));
		}
		if (where != null && where.typeIn() != null) {
			types.retainAll(where.typeIn());
		}
		return types;
	}

	/**
	 * Whether the filter itself names what a relationship {@link Relationship.Counted
	 * counts} (a financing's role, an acquisition's scope), so that it, not the
	 * relationship's default, decides which of those deals match.
	 */
	public static boolean widens(@Nullable DealWhere where, Relationship.Counted counted) {
		if (where == null) {
			return false;
		}
		return switch (counted) {
			case EVERY_DEAL -> false;
			case OWN_MONEY, ARRANGING -> where.role() != null || where.roleIn() != null;
			case COMPANIES -> where.scope() != null || where.scopeIn() != null;
		};
	}

	/**
	 * Whether the filter tests a deal's parties, at any depth of {@code AND}, {@code OR}
	 * and {@code NOT}: a statement that needs nothing else of them need not match them.
	 */
	public static boolean testsParties(@Nullable DealWhere where) {
		if (where == null) {
			return false;
		}
		if (where.from() != null || where.to() != null || testsParties(where.NOT())) {
			return true;
		}
		return Stream.concat(Stream.ofNullable(where.AND()), Stream.ofNullable(where.OR()))
			.flatMap(List::stream)
			.anyMatch(DealWhere::testsParties);
	}

}

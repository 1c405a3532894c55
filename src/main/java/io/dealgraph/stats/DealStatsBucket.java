package io.dealgraph.stats;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;

/**
 * One group of deals: its keys (only those grouped by are set), its count and its money
 * totals.
 */
public record DealStatsBucket(@Nullable DealType type, @Nullable Integer year, @Nullable InvestorType investorType,
		@Nullable OrganizationKind fromKind, @Nullable OrganizationKind toKind, @Nullable String currency,
		@Nullable Organization from, @Nullable Organization to, int count, List<MoneyTotal> totals, int withoutAmount,
		int approximateOrLowerBound, List<CapacityTotal> capacity) {

	/**
	 * The megawatts of the deals of one basis (null: the source does not say), how many
	 * deals they sum, and how many of those figures are not exact.
	 */
	public record CapacityTotal(@Nullable CapacityBasis basis, double mw, int deals, int qualified) {
	}

	/** A sum of amounts in one currency over one kind of period. */
	public record MoneyTotal(String currency, AmountPeriod period, double amount, int count) {
	}

}

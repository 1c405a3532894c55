package io.dealgraph.editing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.source.Confidence;

/**
 * The mutation inputs, bound from GraphQL by Spring for GraphQL; see the schema for their
 * rules.
 */
final class Inputs {

	private Inputs() {
	}

	record OrganizationInput(String id, String name, OrganizationKind kind, @Nullable List<String> aliases,
			@Nullable String category, @Nullable String country, @Nullable String ticker,
			@Nullable List<InvestorType> investorTypes, @Nullable List<InvestorTypeClaimInput> investorTypeClaims,
			@Nullable List<KindClaimInput> kindClaims, @Nullable Boolean undisclosed) {
	}

	record InvestorTypeClaimInput(InvestorType type, List<SourceInput> sources) {
	}

	record KindClaimInput(OrganizationKind kind, List<SourceInput> sources) {
	}

	record DealInput(DealType type, String from, String to, @Nullable String announcedOn, @Nullable MoneyInput amount,
			@Nullable Double capacityMw, @Nullable CapacityBasis capacityBasis,
			@Nullable CapacityQualifier capacityQualifier, @Nullable Double termYears,
			@Nullable FinancingInstrument instrument, @Nullable Double stakePercent, @Nullable FinancingRole role,
			@Nullable AcquisitionScope scope, @Nullable String round, DealStatus status, @Nullable String statusOn,
			@Nullable String description, List<SourceInput> sources) {
	}

	record MoneyInput(double amount, String currency, @Nullable AmountQualifier qualifier,
			@Nullable AmountPeriod period) {
	}

	record SourceInput(@Nullable String url, @Nullable String title, @Nullable String publisher,
			@Nullable String publishedOn, @Nullable String retrievedOn, @Nullable String archiveUrl,
			@Nullable String quote, Confidence confidence, @Nullable String note) {
	}

}

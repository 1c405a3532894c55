package io.dealgraph.filter;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;

/** The {@code OrganizationWhere} input; see the schema for each field's meaning. */
public record OrganizationWhere(@Nullable String id, @Nullable List<String> idIn, @Nullable String name,
		@Nullable String nameContains, @Nullable OrganizationKind kind, @Nullable List<OrganizationKind> kindIn,
		@Nullable OrganizationKind hasKind, @Nullable String country, @Nullable InvestorType investorType,
		@Nullable OrganizationWhere financedBy, @Nullable OrganizationWhere financed,
		@Nullable OrganizationWhere arrangedBy, @Nullable OrganizationWhere arranged,
		@Nullable OrganizationWhere stakeHeldBy, @Nullable OrganizationWhere holdsStakeIn,
		@Nullable OrganizationWhere guaranteedBy, @Nullable OrganizationWhere guarantees,
		@Nullable OrganizationWhere customerOf, @Nullable OrganizationWhere providerTo,
		@Nullable OrganizationWhere acquiredBy, @Nullable OrganizationWhere acquired,
		@Nullable OrganizationWhere partnerOf, @Nullable OrganizationWhere regulatedBy,
		@Nullable OrganizationWhere subsidiaryOf, @Nullable OrganizationWhere parentOf, @Nullable DealWhere via,
		@Nullable List<OrganizationWhere> AND, @Nullable List<OrganizationWhere> OR, @Nullable OrganizationWhere NOT) {

	/** The filter given for this relationship, or null. */
	public @Nullable OrganizationWhere filterOf(Relationship relationship) {
		return switch (relationship) {
			case CUSTOMERS -> providerTo();
			case PROVIDERS -> customerOf();
			case FINANCIERS -> financedBy();
			case FINANCED -> financed();
			case ARRANGERS -> arrangedBy();
			case ARRANGED -> arranged();
			case STAKEHOLDERS -> stakeHeldBy();
			case STAKES -> holdsStakeIn();
			case GUARANTORS -> guaranteedBy();
			case GUARANTEED -> guarantees();
			case ACQUISITIONS -> acquired();
			case ACQUIRER -> acquiredBy();
			case SUBSIDIARIES -> parentOf();
			case PARENT -> subsidiaryOf();
			case REGULATORS -> regulatedBy();
			case PARTNERS -> partnerOf();
		};
	}

}

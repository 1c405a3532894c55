package io.dealgraph.filter;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.organization.InvestorType;
import io.dealgraph.organization.OrganizationKind;

/** The {@code OrganizationWhere} input; see the schema for each field's meaning. */
public record OrganizationWhere(@Nullable String id, @Nullable List<String> idIn, @Nullable String name,
		@Nullable String nameContains, @Nullable OrganizationKind kind, @Nullable List<OrganizationKind> kindIn,
		@Nullable String country, @Nullable InvestorType investorType, @Nullable OrganizationWhere financedBy,
		@Nullable OrganizationWhere financed, @Nullable OrganizationWhere customerOf,
		@Nullable OrganizationWhere providerTo, @Nullable OrganizationWhere acquiredBy,
		@Nullable OrganizationWhere acquired, @Nullable OrganizationWhere partnerOf,
		@Nullable OrganizationWhere regulatedBy, @Nullable OrganizationWhere subsidiaryOf,
		@Nullable OrganizationWhere parentOf, @Nullable DealWhere via, @Nullable List<OrganizationWhere> AND,
		@Nullable List<OrganizationWhere> OR, @Nullable OrganizationWhere NOT) {
}

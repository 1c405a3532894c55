package io.dealgraph.graph;

/** How an organization invests. Any organization that finances others may carry some. */
public enum InvestorType {

	PRIVATE_EQUITY, HEDGE_FUND, VENTURE_CAPITAL, ASSET_MANAGER, BANK, SOVEREIGN_WEALTH, STRATEGIC, FAMILY_OFFICE,
	PRIVATE_CREDIT, OTHER

}

package io.dealgraph.graph;

/**
 * The part a financier played in a FINANCING. Only lenders and investors give their own
 * money; an arranger or underwriter placed someone else's, so its amount is never counted
 * as money given.
 */
public enum FinancingRole {

	LENDER, INVESTOR, ARRANGER, UNDERWRITER;

	/** True when the {@code from} party gave its own money. */
	public boolean givesOwnMoney() {
		return this == LENDER || this == INVESTOR;
	}

}

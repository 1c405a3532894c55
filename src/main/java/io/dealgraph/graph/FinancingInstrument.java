package io.dealgraph.graph;

import org.jspecify.annotations.Nullable;

/**
 * How money was given in a FINANCING, or what a STAKE is held in. A guarantee is a
 * GUARANTEE deal of its own, so {@link #CREDIT_BACKSTOP} is no longer written.
 */
public enum FinancingInstrument {

	DEBT, CONVERTIBLE_NOTES, EQUITY, PREFERRED_EQUITY, WARRANTS, CREDIT_BACKSTOP, SALE_LEASEBACK, OTHER;

	/** The instruments a STAKE can be held in: shares or the right to buy them. */
	public boolean isShareholding() {
		return this == EQUITY || this == PREFERRED_EQUITY || this == WARRANTS;
	}

	/**
	 * The role of a party that gave money through this instrument: lending for debt,
	 * investing for shares; null when the instrument does not tell.
	 */
	public @Nullable FinancingRole roleOfAGiver() {
		return switch (this) {
			case DEBT, CONVERTIBLE_NOTES, SALE_LEASEBACK -> FinancingRole.LENDER;
			case EQUITY, PREFERRED_EQUITY, WARRANTS -> FinancingRole.INVESTOR;
			case CREDIT_BACKSTOP, OTHER -> null;
		};
	}

}

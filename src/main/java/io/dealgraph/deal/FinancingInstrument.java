package io.dealgraph.deal;

/** How a financing was given. */
public enum FinancingInstrument {

	DEBT, CONVERTIBLE_NOTES, EQUITY, PREFERRED_EQUITY, WARRANTS, CREDIT_BACKSTOP, SALE_LEASEBACK, OTHER

}

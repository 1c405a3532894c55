package io.dealgraph.deal;

/** What span of time an amount covers. */
public enum AmountPeriod {

	TOTAL, PER_YEAR

}

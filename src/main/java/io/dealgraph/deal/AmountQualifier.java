package io.dealgraph.deal;

/** How exact a reported amount is. */
public enum AmountQualifier {

	EXACT, APPROXIMATE, AT_LEAST, UP_TO

}

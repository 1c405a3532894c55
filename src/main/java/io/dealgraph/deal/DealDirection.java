package io.dealgraph.deal;

/** Which side of a deal an organization is on. */
public enum DealDirection {

	/**
	 * The organization is {@code from}: provider, financier, acquirer, regulator or
	 * parent.
	 */
	OUTGOING,
	/** The organization is {@code to}. */
	INCOMING,
	/** Either side. */
	ANY

}

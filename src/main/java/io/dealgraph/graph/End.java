package io.dealgraph.graph;

/**
 * Which end of a deal an organization stands at. Every deal points from one party to the
 * other: from the provider, financier, acquirer, parent or regulator to the other side. A
 * partnership's direction carries no meaning, so it is read from {@link #EITHER} end.
 */
public enum End {

	/** The deal points away from the organization. */
	FROM,
	/** The deal points at the organization. */
	TO,
	/** Either end: the direction is not part of the meaning. */
	EITHER

}

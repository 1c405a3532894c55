package io.dealgraph.graph;

/** How far a megawatt figure is the capacity itself. */
public enum CapacityQualifier {

	EXACT, APPROXIMATE, AT_LEAST, UP_TO,

	/** A planned build-out or pathway, not capacity contracted or built. */
	TARGET

}

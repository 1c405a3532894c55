package io.dealgraph.source;

/** How far a source's claim can be trusted. */
public enum Confidence {

	HIGH, MEDIUM, LOW

}

package io.dealgraph.graph;

import org.jspecify.annotations.Nullable;

/**
 * What a request sees of the graph. A top-level field sets it from its arguments, and
 * every field beneath obeys it: a nested field never sees more than the field above it
 * asked for. Today that is the date of an as-of view; the evidence threshold of the deal
 * model joins it here.
 *
 * @param asOf the graph as it stood on this partial date, counted to its end; null for
 * the graph as it is now
 */
public record View(@Nullable String asOf) {

	/** The graph as it is now: every visible deal. */
	public static final View NOW = new View(null);

	public static View asOf(@Nullable String asOf) {
		return (asOf != null) ? new View(asOf) : NOW;
	}

	/**
	 * The largest date key inside the as-of date, which a standing deal was announced by
	 * and not ended by; null for now.
	 */
	public @Nullable String asOfKey() {
		return (this.asOf != null) ? PartialDateKeys.lastSortKey(this.asOf) : null;
	}

}

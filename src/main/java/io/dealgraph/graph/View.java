package io.dealgraph.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.source.Confidence;

/**
 * What a request sees of the graph. A top-level field sets it from its arguments, and
 * every field beneath obeys it: a nested field never sees more than the field above it
 * asked for.
 *
 * @param asOf the graph as it stood on this partial date, counted to its end; null for
 * the graph as it is now
 * @param minConfidence only deals with a source of at least this confidence count; null
 * for every deal
 */
public record View(@Nullable String asOf, @Nullable Confidence minConfidence) {

	/** The graph as it is now: every visible deal. */
	public static final View NOW = new View(null, null);

	public static View asOf(@Nullable String asOf) {
		return of(asOf, null);
	}

	public static View of(@Nullable String asOf, @Nullable Confidence minConfidence) {
		return (asOf == null && minConfidence == null) ? NOW : new View(asOf, minConfidence);
	}

	/**
	 * The largest date key inside the as-of date, which a standing deal was announced by
	 * and not ended by; null for now.
	 */
	public @Nullable String asOfKey() {
		return (this.asOf != null) ? PartialDateKeys.lastSortKey(this.asOf) : null;
	}

	/** The source confidences a deal needs one of to count; null when any will do. */
	public @Nullable List<String> acceptedConfidences() {
		return (this.minConfidence != null) ? this.minConfidence.andAbove().stream().map(Enum::name).toList() : null;
	}

}

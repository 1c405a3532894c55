package io.dealgraph.source;

import org.jspecify.annotations.Nullable;

/**
 * Where a fact comes from, with what a newsroom needs to cite it. Nothing here is ever
 * filled in by guess: a title, a date or a quote the research did not read stays null.
 *
 * @param url the page or filing; null only for a document that has no address, such as
 * the starting article
 * @param title the title, where known
 * @param publisher the publisher, where known
 * @param publishedOn when the document was published, as precise as it shows
 * @param retrievedOn when the document was read
 * @param archiveUrl an archived copy, for pages that may change or vanish
 * @param quote the document's own words that support the claim
 * @param confidence how far the claim can be trusted
 * @param note what the source supports when it backs only part of the claim
 */
public record Source(@Nullable String url, @Nullable String title, @Nullable String publisher,
		@Nullable String publishedOn, @Nullable String retrievedOn, @Nullable String archiveUrl, @Nullable String quote,
		Confidence confidence, @Nullable String note) {

	/** A source known by its address, title and publisher only. */
	public static Source of(@Nullable String url, @Nullable String title, @Nullable String publisher,
			Confidence confidence, @Nullable String note) {
		return new Source(url, title, publisher, null, null, null, null, confidence, note);
	}

}

package io.dealgraph.source;

import org.jspecify.annotations.Nullable;

/**
 * Where a fact comes from.
 *
 * @param url the page or filing; null only for the starting article, which has no address
 * @param title the title, where known
 * @param publisher the publisher, where known
 * @param confidence how far the claim can be trusted
 * @param note what the source supports when it backs only part of the claim
 */
public record Source(@Nullable String url, @Nullable String title, @Nullable String publisher, Confidence confidence,
		@Nullable String note) {
}

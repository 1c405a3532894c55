package io.dealgraph.organization;

import org.jspecify.annotations.Nullable;

import io.dealgraph.source.Source;

/**
 * One sourced claim about an organization. Where sources disagree there is one fact per
 * claim, each with its own source.
 */
public record Fact(String attribute, String value, @Nullable String unit, @Nullable String asOf, Source source,
		@Nullable String note) {
}

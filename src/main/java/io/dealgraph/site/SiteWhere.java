package io.dealgraph.site;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The {@code SiteWhere} input; see the schema for each field's meaning. */
public record SiteWhere(@Nullable String id, @Nullable List<String> idIn, @Nullable String nameContains,
		@Nullable String country, @Nullable String region, @Nullable String operator) {
}

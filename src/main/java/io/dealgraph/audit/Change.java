package io.dealgraph.audit;

import org.jspecify.annotations.Nullable;

/** One write to the graph, as the audit log keeps it. */
public record Change(String id, String at, String by, String operation, String target, @Nullable String before,
		@Nullable String after) {
}

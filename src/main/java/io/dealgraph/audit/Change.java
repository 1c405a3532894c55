package io.dealgraph.audit;

import org.jspecify.annotations.Nullable;

/** One write to the graph, as the audit log keeps it. */
public record Change(String id, String at, String by, String operation, String target, @Nullable String before,
		@Nullable String after) {

	/**
	 * The readable id, the GraphQL field {@code key}: the same as {@code id} until
	 * {@code id} takes the global form ({@link io.dealgraph.graph.GlobalId}).
	 */
	public String key() {
		return this.id;
	}
}

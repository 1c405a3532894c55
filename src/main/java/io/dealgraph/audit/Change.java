package io.dealgraph.audit;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;

/**
 * One write to the graph, as the audit log keeps it.
 *
 * @param sequence its place in the log, in the order writes committed: the
 * {@code ?version=} of a citable page
 */
public record Change(String id, long sequence, String at, String by, String operation, String target,
		@Nullable String before, @Nullable String after) implements Identified {

	/** The readable id, the GraphQL field {@code key}; {@code id} is global. */
	@Override
	public String key() {
		return this.id;
	}

	@Override
	public Interface identifiedAs() {
		return Interface.Change;
	}

	@Override
	public String typeName() {
		return "Change";
	}
}

package io.dealgraph.audit;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.node.NodeReader;
import org.springframework.stereotype.Component;

/** Changes of the audit log for {@code node(id:)}. */
@Component
class ChangeNodes implements NodeReader {

	private final ChangeQueries changes;

	ChangeNodes(ChangeQueries changes) {
		this.changes = changes;
	}

	@Override
	public Interface reads() {
		return Interface.Change;
	}

	@Override
	public boolean holds(String key) {
		return this.changes.holds(key);
	}

	@Override
	public @Nullable Identified read(String key, Request request) {
		return this.changes.byId(key).orElse(null);
	}

}

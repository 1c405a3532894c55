package io.dealgraph.site;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.graph.View;
import io.dealgraph.node.NodeReader;
import org.springframework.stereotype.Component;

/** Sites for {@code node(id:)}: as {@code site(id:)} reads them. */
@Component
class SiteNodes implements NodeReader {

	private final SiteQueries sites;

	SiteNodes(SiteQueries sites) {
		this.sites = sites;
	}

	@Override
	public Interface reads() {
		return Interface.Site;
	}

	@Override
	public boolean holds(String key) {
		return this.sites.holds(key);
	}

	@Override
	public @Nullable Identified read(String key, Request request) {
		return this.sites.byId(key, View.NOW).orElse(null);
	}

}

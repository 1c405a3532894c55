package io.dealgraph.network;

import java.util.EnumSet;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.neo4j.CypherExecutor;

/**
 * The application's path search, as {@code pathsBetween} runs it, for the benchmark in
 * another package that measures it on a graph of its own.
 */
public final class PathSearches {

	private PathSearches() {
	}

	/**
	 * Paths over every deal type in the graph as it is now, without placeholders left
	 * out.
	 */
	public static PathSearch search(CypherExecutor cypher, String from, String to, int maxHops, int first,
			boolean directed, long bound) {
		return new NetworkQueries(cypher, bound).connections(from, to, maxHops, EnumSet.allOf(DealType.class), first,
				directed, false, View.of(null, null));
	}

}

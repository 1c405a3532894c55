package io.dealgraph.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection: one page of results, how to continue, and how many there are in all.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	/**
	 * Builds a page from up to {@code page.first() + 1} fetched rows: the extra row, when present, only
	 * tells that a next page exists.
	 */
	public static <T> Connection<T> of(List<T> fetched, Page page, int totalCount, Function<T, Cursor> cursorOf) {
		boolean hasNext = fetched.size() > page.first();
		List<T> nodes = hasNext ? fetched.subList(0, page.first()) : fetched;
		List<Edge<T>> edges = nodes.stream().map((node) -> new Edge<>(cursorOf.apply(node).encode(), node)).toList();
		var info = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.getFirst().cursor(),
				edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(edges, info, totalCount);
	}

}

package io.dealgraph.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection: one page of results, how to continue, and how many there are in
 * all.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	/**
	 * Builds a page from up to {@code page.first() + 1} fetched edges: the extra one,
	 * when present, only tells that a next page exists.
	 */
	public static <T> Connection<T> of(List<Edge<T>> fetched, Page page, int totalCount) {
		boolean hasNext = fetched.size() > page.first();
		List<Edge<T>> edges = hasNext ? fetched.subList(0, page.first()) : fetched;
		var info = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.getFirst().cursor(),
				edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(edges, info, totalCount);
	}

	/** The same page with each node replaced by what {@code mapping} makes of it. */
	public <U> Connection<U> map(Function<T, U> mapping) {
		return new Connection<>(
				this.edges.stream().map((edge) -> new Edge<>(edge.cursor(), mapping.apply(edge.node()))).toList(),
				this.pageInfo, this.totalCount);
	}

}

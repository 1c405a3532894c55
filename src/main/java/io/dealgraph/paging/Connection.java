package io.dealgraph.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection: one page of results, how to continue, and how many there are in
 * all.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	/**
	 * Builds a page from up to {@code page.fetchSize()} edges fetched in the direction
	 * the page reads: the extra one, when present, only tells that another page lies
	 * beyond it. A backward page's edges are turned back into the forward order. A page
	 * from a cursor has a page on the cursor's side: the cursor's own row at least,
	 * unless it has gone since.
	 */
	public static <T> Connection<T> of(List<Edge<T>> fetched, Page page, int totalCount) {
		boolean beyond = fetched.size() > page.size();
		List<Edge<T>> kept = beyond ? fetched.subList(0, page.size()) : fetched;
		List<Edge<T>> edges = page.backward() ? kept.reversed() : kept;
		boolean fromCursor = page.cursor() != null;
		var info = new PageInfo(page.backward() ? fromCursor : beyond, page.backward() ? beyond : fromCursor,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(List.copyOf(edges), info, totalCount);
	}

	/** The same page with each node replaced by what {@code mapping} makes of it. */
	public <U> Connection<U> map(Function<T, U> mapping) {
		return new Connection<>(
				this.edges.stream().map((edge) -> new Edge<>(edge.cursor(), mapping.apply(edge.node()))).toList(),
				this.pageInfo, this.totalCount);
	}

}

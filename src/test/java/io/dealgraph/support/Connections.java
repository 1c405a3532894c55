package io.dealgraph.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a connection over HTTP, page by page, forward with {@code first}/{@code after}
 * and backward with {@code last}/{@code before}, checking what each page's info says.
 */
public final class Connections {

	/** The page arguments, bound to {@link #VARIABLES}. */
	public static final String PAGE_ARGUMENTS = "first: $first, after: $after, last: $last, before: $before";

	public static final String VARIABLES = "$first: Int, $after: String, $last: Int, $before: String";

	/** The selection of a connection that a walk reads: ids, cursors, page info. */
	public static final String EDGES = "edges { cursor node { key } } "
			+ "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

	private Connections() {
	}

	/** One page: its keys in order and its page info. */
	public record Page(List<String> ids, boolean hasNextPage, boolean hasPreviousPage, String startCursor,
			String endCursor) {
	}

	public static Page page(HttpGraphQlTester graphQl, String document, String path, Map<String, Object> variables) {
		GraphQlTester.Response response = graphQl.document(document).variables(variables).execute();
		response.errors().verify();
		List<String> ids = response.path(path + ".edges[*].node.key").entityList(String.class).get();
		return new Page(ids, response.path(path + ".pageInfo.hasNextPage").entity(Boolean.class).get(),
				response.path(path + ".pageInfo.hasPreviousPage").entity(Boolean.class).get(),
				ids.isEmpty() ? null : response.path(path + ".pageInfo.startCursor").entity(String.class).get(),
				ids.isEmpty() ? null : response.path(path + ".pageInfo.endCursor").entity(String.class).get());
	}

	/**
	 * Walks the connection at {@code path} forward, then backward, {@code size} rows a
	 * page, checks that both walks agree and that the page info says what follows, and
	 * answers the rows in the forward order.
	 */
	public static List<String> walkBothWays(HttpGraphQlTester graphQl, String path, String field, int size,
			String close) {
		String document = "query(" + VARIABLES + ") { " + field + " { " + EDGES + " } " + close + " }";
		List<String> forward = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			Map<String, Object> variables = (after == null) ? Map.of("first", size)
					: Map.of("first", size, "after", after);
			Page page = page(graphQl, document, path, variables);
			assertThat(page.hasPreviousPage()).as("hasPreviousPage forward").isEqualTo(after != null);
			assertThat(page.ids()).hasSizeLessThanOrEqualTo(size);
			forward.addAll(page.ids());
			more = page.hasNextPage();
			if (more) {
				assertThat(page.ids()).hasSize(size);
			}
			after = page.endCursor();
		}
		List<String> backward = new ArrayList<>();
		String before = null;
		more = true;
		while (more) {
			Map<String, Object> variables = (before == null) ? Map.of("last", size)
					: Map.of("last", size, "before", before);
			Page page = page(graphQl, document, path, variables);
			assertThat(page.hasNextPage()).as("hasNextPage backward").isEqualTo(before != null);
			assertThat(page.ids()).hasSizeLessThanOrEqualTo(size);
			backward.addAll(0, page.ids());
			more = page.hasPreviousPage();
			if (more) {
				assertThat(page.ids()).hasSize(size);
			}
			before = page.startCursor();
		}
		assertThat(forward).as("each row once").doesNotHaveDuplicates();
		assertThat(backward).as("backward, " + path).isEqualTo(forward);
		return forward;
	}

}

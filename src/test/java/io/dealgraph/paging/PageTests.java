package io.dealgraph.paging;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.dealgraph.errors.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relay's arguments read to a page, and a page's rows to a connection, both ways. */
class PageTests {

	@Test
	void firstAndAfterReadForwardLastAndBeforeBackwardAndTwentyByDefault() {
		assertThat(Page.of(null, null, null, null)).isEqualTo(new Page(20, null, false));
		assertThat(Page.of(5, "c", null, null)).isEqualTo(new Page(5, "c", false));
		assertThat(Page.of(null, null, 5, "c")).isEqualTo(new Page(5, "c", true));
		assertThat(Page.of(null, null, null, "c")).isEqualTo(new Page(20, "c", true));
		assertThat(Page.of(null, null, 0, null)).isEqualTo(new Page(0, null, true));
	}

	@Test
	void aMixOfDirectionsOrASizeOutOfRangeIsABadRequest() {
		assertThatThrownBy(() -> Page.of(2, null, 2, null)).isInstanceOf(ApiException.class)
			.hasMessageContaining("not both");
		assertThatThrownBy(() -> Page.of(null, "a", 2, null)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> Page.of(2, null, null, "b")).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> Page.of(null, null, 101, null)).isInstanceOf(ApiException.class)
			.hasMessageContaining("'last' may be at most 100");
		assertThatThrownBy(() -> Page.of(-1, null, null, null)).isInstanceOf(ApiException.class)
			.hasMessageContaining("'first' must be 0 or more");
	}

	@Test
	void aBackwardPageIsAnsweredInTheForwardOrderWithItsPreviousPageFlagged() {
		// Rows fetched backward from cursor "k": j, i, h, g (one more than the page).
		Connection<String> page = Connection.of(edges("j", "i", "h", "g"), new Page(3, "k", true), -1);
		assertThat(page.edges().stream().map(Edge::node)).containsExactly("h", "i", "j");
		assertThat(page.pageInfo()).isEqualTo(new PageInfo(true, true, "h", "j"));

		Connection<String> last = Connection.of(edges("c", "b", "a"), new Page(3, null, true), -1);
		assertThat(last.edges().stream().map(Edge::node)).containsExactly("a", "b", "c");
		assertThat(last.pageInfo()).isEqualTo(new PageInfo(false, false, "a", "c"));
	}

	@Test
	void aForwardPageKeepsItsOrderAndFlagsTheNextPage() {
		Connection<String> page = Connection.of(edges("a", "b", "c"), new Page(2, null, false), -1);
		assertThat(page.edges().stream().map(Edge::node)).containsExactly("a", "b");
		assertThat(page.pageInfo()).isEqualTo(new PageInfo(true, false, "a", "b"));
	}

	private static List<Edge<String>> edges(String... ids) {
		return IntStream.range(0, ids.length).mapToObj((i) -> new Edge<>(ids[i], ids[i])).toList();
	}

}

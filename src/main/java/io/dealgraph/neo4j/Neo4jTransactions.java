package io.dealgraph.neo4j;

import java.util.Set;

import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * Spring Data Neo4j's transaction manager and client, built on one bookmark manager, and
 * the same bookmarks for the driver's own queries: a transaction that begins after
 * another has committed on this instance carries that commit's bookmark, so on a cluster
 * a read after a write is served by a member that has the write. Across instances nothing
 * is shared; see the README.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jTransactions {

	@Bean
	Neo4jBookmarkManager bookmarkManager() {
		return Neo4jBookmarkManager.create();
	}

	@Bean
	Neo4jTransactionManager transactionManager(Driver driver, DatabaseSelectionProvider databases,
			Neo4jBookmarkManager bookmarks) {
		return Neo4jTransactionManager.with(driver)
			.withDatabaseSelectionProvider(databases)
			.withBookmarkManager(bookmarks)
			.build();
	}

	/** The transaction manager's bookmarks, as the driver's queries take them. */
	@Bean
	BookmarkManager sharedBookmarks(Neo4jBookmarkManager bookmarks) {
		return new SharedBookmarks(bookmarks);
	}

	@Bean
	Neo4jClient neo4jClient(Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks) {
		return Neo4jClient.with(driver)
			.withDatabaseSelectionProvider(databases)
			.withNeo4jBookmarkManager(bookmarks)
			.build();
	}

	/**
	 * The driver's view of Spring Data Neo4j's bookmark manager: the driver's reads begin
	 * with its bookmarks and leave theirs with it.
	 */
	static final class SharedBookmarks implements BookmarkManager {

		private final Neo4jBookmarkManager bookmarks;

		SharedBookmarks(Neo4jBookmarkManager bookmarks) {
			this.bookmarks = bookmarks;
		}

		@Override
		public Set<Bookmark> getBookmarks() {
			return Set.copyOf(this.bookmarks.getBookmarks());
		}

		@Override
		public void updateBookmarks(Set<Bookmark> previous, Set<Bookmark> added) {
			this.bookmarks.updateBookmarks(previous, added);
		}

	}

}

package io.dealgraph.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read after a write carries the write's bookmark, so on a cluster it is served by a
 * member that has the write. Shown with the executor built as the application builds it,
 * on bookmarks that note what each read began with.
 */
@RunsDealgraph
class ReadYourWritesTests {

	@Autowired
	Driver driver;

	@Autowired
	DatabaseSelectionProvider databases;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Neo4jBookmarkManager applicationBookmarks;

	@AfterEach
	void removeProbes() {
		this.cypher.write((tx) -> tx.run("MATCH (p:ReadYourWritesProbe) DELETE p", Map.of()));
	}

	@Test
	void aReadAfterAWriteBeginsWithTheWritesBookmark() {
		Neo4jBookmarkManager store = Neo4jBookmarkManager.create();
		var reads = new RecordingBookmarks(new Neo4jTransactions.SharedBookmarks(store));
		var executor = new CypherExecutor(this.driver,
				Neo4jClient.with(this.driver)
					.withDatabaseSelectionProvider(this.databases)
					.withNeo4jBookmarkManager(store)
					.build(),
				Neo4jTransactionManager.with(this.driver)
					.withDatabaseSelectionProvider(this.databases)
					.withBookmarkManager(store)
					.build(),
				reads, TransactionTimeouts.all(Duration.ofSeconds(30)), Duration.ofSeconds(3), new DriverStatements(),
				new SimpleMeterRegistry());

		executor.write((tx) -> tx.run("CREATE (:ReadYourWritesProbe {at: datetime()})", Map.of()));
		Set<Bookmark> written = Set.copyOf(store.getBookmarks());
		assertThat(written).as("the write's bookmark").isNotEmpty();

		int seen = executor.read("MATCH (p:ReadYourWritesProbe) RETURN count(p) AS n", Map.of())
			.getFirst()
			.get("n")
			.asInt();
		assertThat(seen).isEqualTo(1);
		assertThat(reads.handedOut).as("the bookmarks the read began with")
			.isNotEmpty()
			.allSatisfy((began) -> assertThat(began).containsAll(written));
	}

	@Test
	void theApplicationsWritesLeaveTheirBookmarkWithTheManagerItsReadsBeginWith() {
		Collection<Bookmark> before = Set.copyOf(this.applicationBookmarks.getBookmarks());
		this.cypher.write((tx) -> tx.run("CREATE (:ReadYourWritesProbe {at: datetime()})", Map.of()));
		assertThat(this.applicationBookmarks.getBookmarks()).isNotEmpty().isNotEqualTo(before);
	}

	/** The shared bookmarks as the executor's reads take them, noting each hand-out. */
	static final class RecordingBookmarks implements BookmarkManager {

		private final BookmarkManager shared;

		final List<Set<Bookmark>> handedOut = new ArrayList<>();

		RecordingBookmarks(BookmarkManager shared) {
			this.shared = shared;
		}

		@Override
		public Set<Bookmark> getBookmarks() {
			Set<Bookmark> bookmarks = this.shared.getBookmarks();
			this.handedOut.add(bookmarks);
			return bookmarks;
		}

		@Override
		public void updateBookmarks(Set<Bookmark> previous, Set<Bookmark> added) {
			this.shared.updateBookmarks(previous, added);
		}

	}

}

package io.dealgraph.stats;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.StatsStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The keys a request may group deal statistics by are named in the stats feature, and
 * each one's Cypher in the statement builder, which may not depend on the feature: every
 * key the schema offers must be one the statement knows.
 */
class StatsKeysTests {

	@Test
	void theStatementGroupsByEveryKeyARequestMayName() {
		for (DealStatsQueries.Key key : DealStatsQueries.Key.values()) {
			assertThat(StatsStatements.buckets(null, new CypherFilter(), Set.of(key.name()), true, true)).as(key.name())
				.contains("RETURN");
		}
	}

	/**
	 * In Cypher every expression of an aggregating {@code WITH} that is not an aggregate
	 * is a grouping key: a constant there is built into each deal's key and hashed.
	 */
	@Test
	void countsGroupByTheKeysAskedForAndNothingElse() {
		String statement = StatsStatements.buckets(null, new CypherFilter(), Set.of("YEAR"), false, false);
		assertThat(statement.lines().filter((line) -> line.contains("count(r)")))
			.containsExactly("WITH keyYear, count(r) AS count");
	}

	/** A bucket's megawatts are a list: as a grouping key it would be hashed per deal. */
	@Test
	void withCapacityEachBucketIsCountedOnItsOwnDeals() {
		String statement = StatsStatements.buckets(null, new CypherFilter(), Set.of("YEAR"), false, true);
		assertThat(statement.lines().filter((line) -> line.contains("count(r)")))
			.containsExactly("  WITH count(r) AS count");
		assertThat(statement).contains("WITH keyYear, collect(r) AS bucketDeals");
	}

	@Test
	void aKeyTheStatementDoesNotKnowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StatsStatements.buckets(null, new CypherFilter(), Set.of("SEASON"), false, false));
	}

}

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

	@Test
	void aKeyTheStatementDoesNotKnowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StatsStatements.buckets(null, new CypherFilter(), Set.of("SEASON"), false, false));
	}

}

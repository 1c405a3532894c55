package io.dealgraph.system;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request costs one Cypher statement per level of its shape, however many results each
 * level has.
 */
@RunsDealgraph
class RoundTripTests {

	private static final String THREE_LEVELS = """
			query($first: Int) {
			  organizations(first: $first) {
			    edges { node { id
			      deals(first: 5) { edges { node { id from { id
			        financiers { id
			          deals(first: 2) { totalCount edges { node { id } } }
			        }
			      } } } }
			    } }
			  }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void aThreeLevelQueryOverSixtyOrganizationsCostsOneStatementPerLevel() {
		long many = statementsFor(60);
		long few = statementsFor(3);
		// organizations, their deals, the financiers of each deal's provider, the
		// financiers' deals
		assertThat(many).isEqualTo(4);
		assertThat(few).isEqualTo(many);
	}

	private long statementsFor(int organizations) {
		long before = this.cypher.statementCount();
		this.graphQl.document(THREE_LEVELS)
			.variable("first", organizations)
			.execute()
			.path("organizations.edges")
			.entityList(Object.class)
			.hasSize(organizations);
		return this.cypher.statementCount() - before;
	}

}

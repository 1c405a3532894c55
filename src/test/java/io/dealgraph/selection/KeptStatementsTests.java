package io.dealgraph.selection;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Editors;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A top-level read keeps its statement with the operation ({@link PerOperation}), never
 * its answer: the same document with the same variables, sent again after a write, shows
 * the write, still in one statement. Over HTTP, on the seed graph.
 */
@RunsDealgraph
@RemovesItsWrites
class KeptStatementsTests {

	private static final String DEALS_OF = """
			query($id: ID!) {
			  organization(id: $id) { deals(first: 50, types: [SUPPLY]) { totalCount edges { node { key to { key } } } } }
			  organizations(where: {id: $id}) { edges { node { key deals(types: [SUPPLY]) { totalCount } } } }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void theSameQuestionAskedAgainAfterAWriteSeesTheWrite() {
		int before = suppliesOf("hut-8");
		assertThat(suppliesOf("hut-8")).isEqualTo(before);
		Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", Editors.supplyDeal("hut-8", "coreweave"))
			.execute()
			.path("recordDeal.key")
			.hasValue();
		long statements = this.cypher.statementCount();
		assertThat(suppliesOf("hut-8")).isEqualTo(before + 1);
		// one statement per top-level field, kept or not
		assertThat(this.cypher.statementCount() - statements).isEqualTo(2);
	}

	@Test
	void otherVariablesReadTheirOwnOrganization() {
		for (int round = 0; round < 2; round++) {
			for (String id : new String[] { "hut-8", "core-scientific" }) {
				Map<String, Object> organization = this.graphQl.document(DEALS_OF)
					.variable("id", id)
					.execute()
					.path("organizations.edges[0].node")
					.entity(Map.class)
					.get();
				assertThat(organization).containsEntry("key", id);
			}
		}
	}

	/** Supply deals of the organization, as the two top-level fields count them. */
	private int suppliesOf(String id) {
		var response = this.graphQl.document(DEALS_OF).variable("id", id).execute();
		int total = response.path("organization.deals.totalCount").entity(Integer.class).get();
		int listed = response.path("organization.deals.edges").entityList(Object.class).get().size();
		int paged = response.path("organizations.edges[0].node.deals.totalCount").entity(Integer.class).get();
		assertThat(listed).isEqualTo(total);
		assertThat(paged).isEqualTo(total);
		return total;
	}

}

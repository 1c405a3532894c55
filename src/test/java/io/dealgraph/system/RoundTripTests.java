package io.dealgraph.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.TestCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request costs one Cypher statement per level of its shape, however many results each
 * level has. Statements are counted at the driver, so none goes uncounted.
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

	@Autowired
	Driver driver;

	@Autowired
	Neo4jClient client;

	@LocalServerPort
	int port;

	@Test
	void everyStatementIsCountedAtTheDriverWhoeverSendsIt() {
		long before = this.cypher.statementCount();
		this.driver.executableQuery("RETURN 1 AS one").execute();
		try (var session = this.driver.session()) {
			session.run("RETURN 1 AS one").consume();
			session.executeRead((tx) -> tx.run("RETURN 1 AS one").consume());
			try (var tx = session.beginTransaction()) {
				tx.run("RETURN 1 AS one").consume();
				tx.commit();
			}
		}
		this.client.query("RETURN 1 AS one").fetch().one();
		assertThat(this.cypher.statementCount() - before).isEqualTo(5);
	}

	@Test
	void theCountIsAMeterOnPrometheus() {
		HttpResponse<String> metrics = new Http(this.port).send("GET", "/actuator/prometheus", "text/plain",
				"Authorization", "Bearer " + TestCredentials.ADMIN_KEY);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern("(?m)^dealgraph_cypher_statements_total(\\{[^}]*})? [1-9]");
	}

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

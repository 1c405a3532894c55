package io.dealgraph.deal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalist's questions that the seed answered wrongly before each deal meant one
 * thing (issue 17; ../shared/reviews/seed-data-audit.md names each deal). Each answer is
 * the API's, checked against the seed's own rows in plain Cypher.
 */
@RunsDealgraph
class DealMeaningsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	Graph graph;

	@Test
	void argoHasNoAcquirerAndNorthernDatasIsNotElektron() {
		var answer = Examples.using(this.graphQl).documentName("whoAcquiredArgoAndNorthernData").execute();

		answer.path("argo.acquirer").valueIsNull();
		answer.path("argo.deals.edges[*].node")
			.entityList(Map.class)
			.satisfies((deals) -> assertThat(deals).anySatisfy((deal) -> {
				assertThat(deal.get("key")).isEqualTo("E072");
				assertThat(deal.get("scope")).isEqualTo("ASSET");
			}));
		answer.path("northernData.acquirer").valueIsNull();
		answer.path("northernData.deals.edges[*].node")
			.entityList(Map.class)
			.satisfies((deals) -> assertThat(deals).anySatisfy((deal) -> {
				assertThat(deal.get("key")).isEqualTo("E111");
				assertThat(deal.get("scope")).isEqualTo("BUSINESS_UNIT");
			}));
		assertThat(this.graph.ids("""
				MATCH (:Organization {id: $id})<-[:TO]-(d:Acquisition {scope: 'COMPANY', status: 'COMPLETED'})
				WHERE d.retractedAt IS NULL
				RETURN d.id AS id
				""", Map.of("id", "argo-blockchain"))).as("no completed takeover of Argo in the graph").isEmpty();
	}

	@Test
	void aBoughtSiteMatchesAcquiredByOnlyWhenTheFilterWidensTheScope() {
		String query = """
				query($via: DealWhere) {
				  organizations(where: {acquiredBy: {id: "galaxy-digital", via: $via}}) { edges { node { key } } }
				}
				""";
		this.graphQl.document(query)
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.doesNotContain("argo-blockchain");
		this.graphQl.document(query)
			.variable("via", Map.of("scopeIn", List.of("ASSET")))
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.contains("argo-blockchain");
	}

	@Test
	void twoSeasHoldsAStakeInCoreScientificAndFinancedNothing() {
		var answer = Examples.using(this.graphQl).documentName("whatTwoSeasHolds").execute();

		answer.path("organization.stakes[*].name").entityList(String.class).containsExactly("Core Scientific");
		answer.path("organization.financed").entityList(Object.class).hasSize(0);
		this.graphQl.document("""
				{ organization(id: "core-scientific") { financiers { key } stakeholders { key } } }
				""")
			.execute()
			.path("organization.financiers[*].key")
			.entityList(String.class)
			.doesNotContain("two-seas-capital", "gullane-capital")
			.path("organization.stakeholders[*].key")
			.entityList(String.class)
			.contains("two-seas-capital", "gullane-capital");
		assertThat(this.graph.ids("""
				MATCH (:Organization {id: 'two-seas-capital'})<-[:FROM]-(d:Financing) RETURN d.id AS id
				""")).isEmpty();
	}

	@Test
	void googleGuaranteesFluidstackAndFinancesNoOne() {
		var answer = Examples.using(this.graphQl).documentName("whatGoogleGuaranteesAndHolds").execute();

		answer.path("organization.guaranteed[*].name").entityList(String.class).containsExactly("Fluidstack");
		answer.path("organization.financed").entityList(Object.class).hasSize(0);
		answer.path("organization.stakes[*].name")
			.entityList(String.class)
			.containsExactly("Cipher Mining", "TeraWulf");
		assertThat(this.graph.ids("""
				MATCH (:Organization {id: 'google'})<-[:FROM]-(d:Guarantee)-[:TO]->(:Organization {id: 'fluidstack'})
				RETURN d.id AS id
				""")).containsExactly("E015", "E046", "E049", "E054", "E057");
	}

	@Test
	void aBankThatRanTheBooksArrangedTheNotesAndGaveNoMoney() {
		this.graphQl.document("""
				{ organization(id: "terawulf") { financiers { key } arrangers { key } } }
				""")
			.execute()
			.path("organization.financiers[*].key")
			.entityList(String.class)
			.doesNotContain("morgan-stanley")
			.path("organization.arrangers[*].key")
			.entityList(String.class)
			.contains("morgan-stanley");
		String financedByMorganStanley = """
				query($via: DealWhere) {
				  organizations(where: {financedBy: {id: "morgan-stanley", via: $via}}) { edges { node { key } } }
				}
				""";
		this.graphQl.document(financedByMorganStanley)
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.doesNotContain("terawulf", "cipher-mining");
		this.graphQl.document(financedByMorganStanley)
			.variable("via", Map.of("role", "ARRANGER"))
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("terawulf");
	}

	@Test
	void financingTotalsLeaveOutStakesGuaranteesAndArrangerRoles() {
		var answer = Examples.using(this.graphQl).documentName("moneyGivenApartFromArrangedAndGuaranteed").execute();
		double moneyGiven = usdTotal(
				answer.path("moneyGiven[?(@.currency == 'USD')].totals[*]").entityList(Map.class).get());
		double arranged = usdTotal(
				answer.path("arrangedOrUnderwritten[?(@.currency == 'USD')].totals[*]").entityList(Map.class).get());

		assertThat(moneyGiven).isEqualTo(sum("""
				MATCH (d:Financing)
				WHERE d.retractedAt IS NULL AND d.currency = 'USD' AND d.amountPeriod = 'TOTAL'
				  AND NOT coalesce(d.role, '') IN ['ARRANGER', 'UNDERWRITER']
				WITH coalesce(d.round, d.id) AS roundOrDeal, max(d.amount) AS amount
				RETURN sum(amount) AS total
				"""));
		// E052 $3.2B, E061 $1.4B and E062 $333M: Morgan Stanley's notes (E017, E018 have
		// no amount).
		assertThat(arranged).isEqualTo(4_933_000_000.0);
		assertThat(sum("""
				MATCH (d:Financing|Stake|Guarantee)
				WHERE d.retractedAt IS NULL AND d.currency = 'USD' AND d.amountPeriod = 'TOTAL'
				RETURN sum(d.amount) AS total
				""")).as("what a financing total counted before stakes, guarantees and roles had their own kinds")
			.isGreaterThan(moneyGiven + arranged);
	}

	@Test
	void aRoundWithTwoLeadsIsCountedOnceInTotalsWithBothInvestorsVisible() {
		// E092 (Mubadala) and E093 (Valor) co-led Crusoe's ~$1.38B Series E; each row
		// carries the round's amount.
		String query = """
				{
				  dealStats(where: {type: FINANCING, to: {id: "crusoe"}, announcedFrom: "2025-10", announcedTo: "2025-10"}) {
				    count totals { currency period amount count }
				  }
				  organization(id: "crusoe") { financiers { key } }
				}
				""";
		var answer = this.graphQl.document(query).execute();

		answer.path("dealStats[0].count").entity(Integer.class).isEqualTo(5);
		answer.path("dealStats[0].totals[0].amount").entity(Double.class).isEqualTo(1_380_000_000.0);
		answer.path("organization.financiers[*].key")
			.entityList(String.class)
			.contains("mubadala", "valor-equity-partners", "nvidia", "supermicro", "founders-fund");
		assertThat(this.graph.ids("""
				MATCH (d:Financing {round: 'crusoe-series-e-2025'}) RETURN d.id AS id
				""")).containsExactly("E092", "E093", "E094", "E095", "E096");
	}

	private double sum(String query) {
		return this.cypher.read(query, Map.of()).getFirst().get("total").asDouble();
	}

	private static double usdTotal(List<Map> totals) {
		return totals.stream()
			.filter((total) -> "TOTAL".equals(total.get("period")))
			.mapToDouble((total) -> ((Number) total.get("amount")).doubleValue())
			.sum();
	}

}

package io.dealgraph.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classifications are sourced claims (issue 18, items 4 and 5): a journalist can see who
 * calls Coatue private equity, and leave out a label that rests on weak sources. Answers
 * are checked against the claims' facts in plain Cypher.
 */
@RunsDealgraph
class ClassificationClaimsTests {

	private static final String ARTICLE = "Bitcoin Miners Are Cashing in on the AI Boom, but It's Not All Smooth Sailing";

	/**
	 * Miners with a FINANCING of own money from an organization that a claim of at least
	 * the given confidences calls private equity.
	 */
	private static final String MINERS_FINANCED_BY_PE = """
			MATCH (m:Miner)<-[:TO]-(r:Financing)-[:FROM]->(f:Organization)
			WHERE r.retractedAt IS NULL AND NOT coalesce(r.role, '') IN ['ARRANGER', 'UNDERWRITER']
			  AND any(c IN r.sourceConfidences WHERE c IN $accepted)
			  AND EXISTS { (f)-[:HAS_FACT]->(x:Fact {attribute: 'investor_type', value: 'PRIVATE_EQUITY'})
			               WHERE x.confidence IN $accepted }
			RETURN DISTINCT m.id AS id
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void coatuesClaimsListPrivateEquityWithTheArticleAndHedgeFundWithTheirSources() {
		var coatue = Examples.using(this.graphQl).documentName("coatueInvestorTypeClaims").execute();
		coatue.path("organization.investorTypes").entityList(String.class).contains("PRIVATE_EQUITY", "HEDGE_FUND");
		List<Map<String, Object>> claims = coatue.path("organization.investorTypeClaims")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Map<String, Map<String, Object>> byType = new TreeMap<>();
		claims.forEach((claim) -> byType.put((String) claim.get("type"), claim));
		assertThat(byType).containsKeys("PRIVATE_EQUITY", "HEDGE_FUND");
		assertThat(sources(byType.get("PRIVATE_EQUITY"))).anySatisfy((source) -> {
			assertThat(source.get("title")).isEqualTo(ARTICLE);
			assertThat(source.get("url")).isNull();
			assertThat(source.get("confidence")).isEqualTo("LOW");
		}).anySatisfy((source) -> {
			// Bloomberg, syndicated: a mirror, so at most MEDIUM.
			assertThat((String) source.get("url")).contains("coatue-invests-bitcoin-miner-hut");
			assertThat((String) source.get("quote")).contains("hedge fund and private equity firm");
			assertThat(source.get("confidence")).isEqualTo("MEDIUM");
		});
		assertThat(byType.get("PRIVATE_EQUITY").get("confidence")).isEqualTo("MEDIUM");
		assertThat(sources(byType.get("HEDGE_FUND"))).isNotEmpty()
			.allSatisfy((source) -> assertThat(source.get("confidence")).isNotNull());
	}

	@Test
	void onHighEvidenceNoMinerIsFinancedByPrivateEquityThroughCoatueAndNeitherAreTheirAiCustomers() {
		var answer = Examples.using(this.graphQl).documentName("privateEquityMinersByEvidence").execute();
		Set<String> onAny = new TreeSet<>(
				answer.path("minersFinancedByPrivateEquity.edges[*].node.key").entityList(String.class).get());
		assertThat(onAny).contains("hut-8")
			.isEqualTo(this.graph.ids(MINERS_FINANCED_BY_PE, Map.of("accepted", List.of("HIGH", "MEDIUM", "LOW"))));
		answer.path("hut8sFinanciersOnHighEvidence.financiers[?(@.key == 'coatue')].investorTypes[*]")
			.entityList(String.class)
			.hasSize(0);
		answer = this.graphQl.document("""
				query {
				  onHighEvidence: organizations(where: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}},
				                                minConfidence: HIGH) { edges { node { key } } }
				  theirAiCustomersOnHighEvidence: organizations(
				    where: {kind: AI_FIRM, customerOf: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}}},
				    minConfidence: HIGH) { edges { node { key } } }
				}
				""").execute();
		Set<String> onHigh = new TreeSet<>(
				answer.path("onHighEvidence.edges[*].node.key").entityList(String.class).get());
		assertThat(onHigh).doesNotContain("hut-8")
			.isEqualTo(this.graph.ids(MINERS_FINANCED_BY_PE, Map.of("accepted", List.of("HIGH"))));
		answer.path("theirAiCustomersOnHighEvidence.edges[*].node.key")
			.entityList(String.class)
			.satisfies((customers) -> assertThat(new TreeSet<>(customers)).isEqualTo(this.graph.ids("""
					MATCH (c:AIFirm)<-[:TO]-(r:Deal)-[:FROM]->(m:Organization)
					WHERE (r:Partnership OR r:Supply) AND r.retractedAt IS NULL AND 'HIGH' IN r.sourceConfidences
					  AND m.id IN $miners
					RETURN DISTINCT c.id AS id
					""", Map.of("miners", List.copyOf(onHigh)))));
	}

	@Test
	void atEachThresholdAnOrganizationsInvestorTypesAreTheTypesItsClaimsOfThatConfidenceSupport() {
		for (String threshold : List.of("HIGH", "MEDIUM", "LOW")) {
			List<String> accepted = switch (threshold) {
				case "HIGH" -> List.of("HIGH");
				case "MEDIUM" -> List.of("HIGH", "MEDIUM");
				default -> List.of("HIGH", "MEDIUM", "LOW");
			};
			Map<String, Set<String>> served = new HashMap<>();
			this.graphQl.document("""
					query($min: Confidence) {
					  organizations(first: 100, minConfidence: $min) { edges { node { key investorTypes } } }
					}
					""")
				.variable("min", threshold)
				.execute()
				.path("organizations.edges[*].node")
				.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get()
				.forEach((node) -> {
					@SuppressWarnings("unchecked")
					List<String> types = (List<String>) node.get("investorTypes");
					if (!types.isEmpty()) {
						served.put((String) node.get("key"), new TreeSet<>(types));
					}
				});
			Map<String, Set<String>> claimed = new HashMap<>();
			this.graph.rows("""
					MATCH (o:Organization)-[:HAS_FACT]->(x:Fact {attribute: 'investor_type'})
					WHERE x.confidence IN $accepted
					RETURN o.id AS id, x.value AS type
					""", Map.of("accepted", accepted))
				.forEach((row) -> claimed.computeIfAbsent(row.get("id"), (id) -> new TreeSet<>()).add(row.get("type")));
			assertThat(served).as("investor types at %s", threshold).isEqualTo(claimed);
		}
	}

	@Test
	void everyNamedOrganizationsPrimaryKindIsAClaimWithASourceListedFirst() {
		this.graphQl.document("""
				{ organizations(first: 100) {
				    edges { node { key undisclosed kind kindClaims { kind primary sources { confidence } } } } } }
				""")
			.execute()
			.path("organizations.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.stream()
			.filter((node) -> !Boolean.TRUE.equals(node.get("undisclosed")))
			.forEach((node) -> {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> kinds = (List<Map<String, Object>>) node.get("kindClaims");
				assertThat(kinds).as("kind claims of %s", node.get("key")).isNotEmpty();
				assertThat(kinds.getFirst()).containsEntry("kind", node.get("kind")).containsEntry("primary", true);
				assertThat(sources(kinds.getFirst())).isNotEmpty();
			});
	}

	@Test
	void aMinerThatIsAlsoClaimedToBeAnAiCloudMatchesBothKindsWhileItsTypeStaysMiner() {
		this.graphQl.document("""
				{ organizations(first: 100, where: {kind: MINER, hasKind: AI_FIRM}) { edges { node { key kinds } } } }
				""")
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.contains("iren")
			.path("organizations.edges[0].node.kinds[0]")
			.entity(String.class)
			.isEqualTo("MINER");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sources(Map<String, Object> claim) {
		return (List<Map<String, Object>>) claim.get("sources");
	}

}

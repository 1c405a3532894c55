package io.dealgraph.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters answer the questions they read as. Each answer is checked against the same
 * question asked in plain Cypher, on the seed data.
 */
@RunsDealgraph
class OrganizationFilterTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void aiCustomersOfMinersFinancedByPrivateEquity() {
		TreeSet<String> answer = new TreeSet<>(Examples.using(this.graphQl)
			.documentName("aiCustomersOfMinersFinancedByPrivateEquity")
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.get());

		assertThat(answer).isEqualTo(this.graph.ids("""
				MATCH (pe:Organization)<-[:FROM]-(:Financing)-[:TO]->(m:Miner),
				      (m)<-[:FROM]-(:Partnership|Supply)-[:TO]->(ai:AIFirm)
				WHERE 'PRIVATE_EQUITY' IN pe.investorTypes
				RETURN DISTINCT ai.id AS id
				"""));
		// Hut 8 took $150M from Coatue, which the article calls private equity, and hosts
		// Anthropic.
		assertThat(answer).contains("anthropic");
	}

	@Test
	void andOrAndNotCombineAsWritten() {
		TreeSet<String> answer = ids("""
				{ kindIn: [MINER, EXCHANGE],
				  OR: [{country: "CA"}, {nameContains: "core"}],
				  NOT: {id: "bitfarms"} }
				""");
		assertThat(answer).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (o:Organization)
				WHERE o.kind IN ['MINER', 'EXCHANGE'] AND (o.country = 'CA' OR toLower(o.name) CONTAINS 'core')
				  AND o.id <> 'bitfarms'
				RETURN o.id AS id
				"""));
	}

	@Test
	void relationshipFiltersNestThreeLevelsDeep() {
		// Which investors financed the miners that host AI firms Nvidia financed?
		TreeSet<String> answer = ids("""
				{ kind: INVESTOR,
				  financed: { kind: MINER, providerTo: { kind: AI_FIRM, financedBy: { id: "nvidia" } } } }
				""");
		assertThat(answer).isNotEmpty()
			.isEqualTo(this.graph
				.ids("""
						MATCH (i:Investor)<-[:FROM]-(f:Financing)-[:TO]->(:Miner)<-[:FROM]-(:Partnership|Supply)-[:TO]->(ai:AIFirm),
						      (ai)<-[:TO]-(g:Financing)-[:FROM]->(:Organization {id: 'nvidia'})
						WHERE NOT coalesce(f.role, '') IN ['ARRANGER', 'UNDERWRITER']
						  AND NOT coalesce(g.role, '') IN ['ARRANGER', 'UNDERWRITER']
						RETURN DISTINCT i.id AS id
						"""))
			.as("Two Seas holds Core Scientific shares and financed nothing (E007)")
			.doesNotContain("two-seas-capital");
	}

	@Test
	void anEdgeFilterNarrowsTheDealThatLinksTheTwo() {
		TreeSet<String> answer = ids(
				"""
						{ financedBy: { kind: INVESTOR, via: { announcedFrom: "2024-06", amountUsdMin: 100000000, status: COMPLETED } } }
						""");
		assertThat(answer).isNotEmpty().isEqualTo(this.graph.ids("""
				MATCH (:Investor)<-[:FROM]-(d:Financing)-[:TO]->(o:Organization)
				WHERE d.announcedKey >= '2024-06-00' AND d.amountUsd >= 100000000 AND d.status = 'COMPLETED'
				RETURN DISTINCT o.id AS id
				"""));
		TreeSet<String> anyFinancing = ids("{ financedBy: { kind: INVESTOR } }");
		assertThat(anyFinancing).containsAll(answer).hasSizeGreaterThan(answer.size());
	}

	@Test
	void partnersAreFoundOnEitherSide() {
		assertThat(ids("{ partnerOf: { id: \"coreweave\" } }")).contains("core-scientific", "nvidia");
	}

	@Test
	void investorTypeMatchesAnyOfTheTypesAnOrganizationCarries() {
		assertThat(ids("{ investorType: PRIVATE_EQUITY }")).contains("coatue", "blackstone");
		assertThat(ids("{ investorType: HEDGE_FUND }")).contains("coatue");
	}

	@Test
	void aFilterThatStartsFromItsRareEndAnswersAsOneThatChecksEveryOrganization() {
		// A page first tries the filter on a prefix of the order, 20 pages long, and
		// only when that prefix neither fills the page nor runs to the end does it walk
		// from the rare end or, under AND, check every organization
		// (OrganizationStatements.PROBED, CypherFilter#matching). Over the seed's 88
		// organizations, pages of 1 and of 3 take each of those ways somewhere; one page
		// of 100 is one prefix that holds every organization, the filter tested on each.
		for (String where : List.of(
				"{ kind: AI_FIRM, customerOf: { kind: MINER, financedBy: { investorType: PRIVATE_EQUITY } } }",
				"{ financedBy: { id: \"coatue\" } }", "{ providerTo: { name: \"Anthropic\" } }",
				"{ customerOf: { financedBy: { idIn: [\"coatue\", \"blackstone\"] } } }",
				"{ partnerOf: { id: \"coreweave\", via: { announcedFrom: \"2024\" } } }",
				"{ customerOf: { providerTo: { partnerOf: { id: \"coreweave\" } } } }")) {
			var testedOnEach = page(where, 100);
			assertThat(testedOnEach.get("totalCount")).as(where).isNotEqualTo(0);
			for (int first : List.of(1, 3)) {
				assertThat(page(where, first)).as(where).isEqualTo(testedOnEach);
				assertThat(page("{ AND: [" + where + "] }", first)).as(where).isEqualTo(testedOnEach);
			}
			assertThat(lastTwo(where)).as(where).isEqualTo(lastTwo("{ AND: [" + where + "] }"));
		}
	}

	/** The last two answers: the order read backwards from its end. */
	private List<String> lastTwo(String where) {
		return this.graphQl.document("{ organizations(where: " + where + ", last: 2) { edges { node { key } } } }")
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.get();
	}

	/**
	 * Every answer, in order, and the total, read in pages of {@code first} to the end.
	 */
	private Map<String, Object> page(String where, int first) {
		List<String> ids = new ArrayList<>();
		String after = null;
		Integer total = null;
		do {
			var response = this.graphQl.document("""
					query($after: String) {
					  organizations(where: %s, first: %d, after: $after) {
					    totalCount edges { node { key } } pageInfo { hasNextPage endCursor }
					  }
					}
					""".formatted(where, first)).variable("after", after).execute();
			ids.addAll(response.path("organizations.edges[*].node.key").entityList(String.class).get());
			total = response.path("organizations.totalCount").entity(Integer.class).get();
			after = response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("organizations.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		return Map.of("ids", ids, "totalCount", total);
	}

	private TreeSet<String> ids(String where) {
		List<String> ids = this.graphQl
			.document("{ organizations(where: " + where + ", first: 100) { edges { node { key } } } }")
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.get();
		return new TreeSet<>(ids);
	}

}

package io.dealgraph.seed;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starting article's claims are in the graph, attributed to it, beside the sources
 * that differ.
 */
@RunsDealgraph
class ArticleFactsTests {

	private static final String ARTICLE = "Bitcoin Miners Are Cashing in on the AI Boom, but It's Not All Smooth Sailing";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void bitDigitalsShareOfRevenueFromAiIsGivenByTheArticleAndByAnotherSource() {
		List<Map<String, Object>> facts = facts("bit-digital", "ai_revenue_share");
		assertThat(facts).anySatisfy((fact) -> {
			assertThat(fact.get("value")).isEqualTo("27");
			assertThat(source(fact).get("title")).isEqualTo(ARTICLE);
		});
		assertThat(facts).anySatisfy((fact) -> {
			assertThat(fact.get("value")).isEqualTo("26");
			assertThat((String) source(fact).get("url")).contains("theminermag.com");
		});
	}

	@Test
	void hut8MakesSixPercentOfItsRevenueFromAiAccordingToTheArticle() {
		assertThat(facts("hut-8", "ai_revenue_share")).singleElement().satisfies((fact) -> {
			assertThat(fact.get("value")).isEqualTo("6");
			assertThat(source(fact).get("title")).isEqualTo(ARTICLE);
		});
	}

	@Test
	void coatueIsPrivateEquityToTheArticleOnLowConfidenceAndAHedgeFundToOtherSources() {
		List<Map<String, Object>> facts = facts("coatue", "investor_type");
		assertThat(facts).extracting((fact) -> fact.get("value")).contains("PRIVATE_EQUITY", "HEDGE_FUND");
		assertThat(facts).filteredOn((fact) -> fact.get("value").equals("PRIVATE_EQUITY")).anySatisfy((fact) -> {
			assertThat(source(fact).get("title")).isEqualTo(ARTICLE);
			assertThat(source(fact).get("confidence")).isEqualTo("LOW");
		});
		assertThat(facts).filteredOn((fact) -> fact.get("value").equals("HEDGE_FUND"))
			.allSatisfy((fact) -> assertThat(source(fact).get("title")).isNotEqualTo(ARTICLE));
	}

	@Test
	void theSeventyMegawattExpansionForCoreWeaveRestsOnTheArticle() {
		var deals = this.graphQl.document("""
				{ organization(id: "core-scientific") {
				    deals(types: [PARTNERSHIP], direction: OUTGOING, first: 100) {
				      edges { node { capacityMw termYears amount { amount } to { key } sources { title confidence } } }
				} } }
				""").execute().path("organization.deals.edges[*].node").entityList(Map.class).get();
		assertThat(deals).anySatisfy((deal) -> {
			assertThat(deal.get("capacityMw")).isEqualTo(70.0);
			assertThat(deal.get("termYears")).isEqualTo(12.0);
			assertThat(((Map<?, ?>) deal.get("amount")).get("amount")).isEqualTo(1.2e9);
			assertThat((List<?>) deal.get("sources"))
				.anySatisfy((source) -> assertThat(((Map<?, ?>) source).get("title")).isEqualTo(ARTICLE));
		});
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> facts(String organizationId, String attribute) {
		List<Map<String, Object>> facts = (List<Map<String, Object>>) (List<?>) this.graphQl
			.document("query($id: ID!) { organization(id: $id) { facts { attribute value unit asOf "
					+ "source { url title confidence } note } } }")
			.variable("id", organizationId)
			.execute()
			.path("organization.facts")
			.entityList(Map.class)
			.get();
		return facts.stream().filter((fact) -> attribute.equals(fact.get("attribute"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> source(Map<String, Object> fact) {
		return (Map<String, Object>) fact.get("source");
	}

}

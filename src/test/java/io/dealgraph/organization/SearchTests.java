package io.dealgraph.organization;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class SearchTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@ParameterizedTest
	@CsvSource({ "hut8, hut-8", "Hut 8, hut-8", "HUT-8, hut-8", "Core Scientfic, core-scientific",
			"coreweave, coreweave", "core weave, coreweave", "Nvidea, nvidia", "robinhood markets, robinhood",
			"Iris Energy, iren", "goldman, goldman-sachs" })
	void findsACompanyThroughCasePunctuationAndTypos(String text, String expectedFirst) {
		assertThat(search(text)).first().isEqualTo(expectedFirst);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\"", "`})//", "/* */", "\u201Cquoted\u201D", "a\\b", "*", "~", "OR AND NOT" })
	void oddTextFindsNothingOrSomethingButNeverFails(String text) {
		this.graphQl.document("query($t: String!) { search(text: $t) { key } }")
			.variable("t", text)
			.execute()
			.errors()
			.verify();
	}

	@Test
	void theLongestTextTheCapsAllowWithAsManyDistinctWordsAsAllowedGetsAnAnswer() {
		String text = longestAllowedText();
		assertThat(text).hasSize(OrganizationQueries.MAX_SEARCH_CHARACTERS);
		assertThat(OrganizationQueries.searchTerms(text)).hasSize(OrganizationQueries.MAX_SEARCH_TERMS)
			.doesNotHaveDuplicates();
		this.graphQl.document("query($t: String!) { search(text: $t, first: 100) { key } }")
			.variable("t", text)
			.execute()
			.errors()
			.verify()
			.path("search")
			.entityList(Object.class)
			.satisfies((found) -> assertThat(found).hasSizeLessThanOrEqualTo(100));
	}

	@Test
	void textOverTheCapsIsABadRequestAndChangesNothing() {
		String oneCharacterTooMany = longestAllowedText() + "x";
		String oneWordTooMany = String.join(" ", Collections.nCopies(OrganizationQueries.MAX_SEARCH_TERMS + 1, "hut"));
		String huge = "a".repeat(900_000);
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		for (String text : List.of(oneCharacterTooMany, oneWordTooMany, huge)) {
			this.graphQl.document("query($t: String!) { search(text: $t) { key } }")
				.variable("t", text)
				.execute()
				.errors()
				.expect((error) -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
						&& error.getMessage().startsWith("'text' has "))
				.verify();
		}
		assertThat(graph.counts()).isEqualTo(before);
	}

	/**
	 * As many distinct words as allowed, long enough together to reach the character cap:
	 * the most expensive query Lucene can be asked through the API.
	 */
	private static String longestAllowedText() {
		int terms = OrganizationQueries.MAX_SEARCH_TERMS;
		int length = (OrganizationQueries.MAX_SEARCH_CHARACTERS - (terms - 1)) / terms;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < terms; i++) {
			if (i > 0) {
				text.append(' ');
			}
			// Word i: a letter of its own, then letters of company names, so no two words
			// share a prefix.
			String word = (char) ('a' + i) + "corescientific hut8 coreweave".replace(" ", "");
			text.append(word.repeat(length / word.length() + 1), 0, length);
		}
		while (text.length() < OrganizationQueries.MAX_SEARCH_CHARACTERS) {
			text.append('z');
		}
		return text.toString();
	}

	private List<String> search(String text) {
		return this.graphQl.document("query($t: String!) { search(text: $t, first: 5) { key } }")
			.variable("t", text)
			.execute()
			.path("search[*].key")
			.entityList(String.class)
			.get();
	}

}

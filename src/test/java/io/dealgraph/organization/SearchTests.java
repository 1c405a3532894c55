package io.dealgraph.organization;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class SearchTests {

	@Autowired
	HttpGraphQlTester graphQl;

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
		this.graphQl.document("query($t: String!) { search(text: $t) { id } }")
			.variable("t", text)
			.execute()
			.errors()
			.verify();
	}

	private List<String> search(String text) {
		return this.graphQl.document("query($t: String!) { search(text: $t, first: 5) { id } }")
			.variable("t", text)
			.execute()
			.path("search[*].id")
			.entityList(String.class)
			.get();
	}

}

package io.dealgraph.errors;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import io.dealgraph.neo4j.CypherExecutor;

/**
 * Bad arguments get a clear error with a stable code, never a 500 or a stack trace, and
 * change nothing.
 */
@RunsDealgraph
class BadInputTests {

	private static final List<String> INJECTIONS = List.of("'", "\"", "`", "})", "//", "/*", "\u2018x\u2019",
			"\u201Cx\u201D", "x' OR 1=1 //", "a` DETACH DELETE n //", "${x}", "\\u0000");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@ParameterizedTest
	@ValueSource(strings = { "organizations(first: 101) { totalCount }", "organizations(first: -1) { totalCount }",
			"organizations(after: \"bm90IGEgY3Vyc29y\") { totalCount }",
			"organizations(where: {kind: MINOR}) { totalCount }",
			"organizations(where: {via: {status: COMPLETED}}) { totalCount }",
			"deals(where: {announcedFrom: \"2024-13\"}) { totalCount }",
			"deals(where: {announcedFrom: \"June 2024\"}) { totalCount }",
			"deals(orderBy: [{field: SIZE}]) { totalCount }", "search(text: \"hut\", first: 1000) { key }",
			"organization(id: \"hut-8\") { deals(first: 500) { totalCount } }" })
	void badArgumentsAreABadRequest(String selection) {
		assertCode("{ " + selection + " }", "BAD_REQUEST");
	}

	@ParameterizedTest
	@ValueSource(ints = { 11, 30 })
	void filtersNestedTooDeepExceedALimit(int depth) {
		String where = "{kind: MINER}";
		for (int i = 0; i < depth; i++) {
			where = "{financedBy: " + where + "}";
		}
		assertCode("{ organizations(where: " + where + ") { totalCount } }", "LIMIT_EXCEEDED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nameContains", "name", "id", "country" })
	void injectionAttemptsInStringFiltersAreOnlyText(String field) {
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		for (String text : INJECTIONS) {
			String type = field.equals("id") ? "ID!" : "String!";
			this.graphQl
				.document("query($t: " + type + ") { organizations(where: {" + field + ": $t}) { totalCount } "
						+ "deals(where: {from: {" + field + ": $t}}) { totalCount } }")
				.variable("t", text)
				.execute()
				.errors()
				.verify()
				.path("organizations.totalCount")
				.entity(Integer.class)
				.isEqualTo(0);
		}
		assertThat(graph.counts()).isEqualTo(before);
	}

	private void assertCode(String document, String code) {
		Graph graph = new Graph(this.cypher);
		List<Long> before = graph.counts();
		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty().allSatisfy((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", code);
				assertThat(error.getMessage()).doesNotContain("Exception", "MATCH", "at io.");
			}));
		assertThat(graph.counts()).isEqualTo(before);
	}

}

package io.dealgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document in graphql/examples runs without error and finds something. What each
 * one finds is asserted in the tests of its feature.
 */
@RunsDealgraph
class ExamplesTests {

	@Autowired
	HttpGraphQlTester graphQl;

	static Stream<String> examples() throws IOException {
		try (var files = Files.list(Path.of("graphql/examples"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".graphql"))
				.map((name) -> name.substring(0, name.length() - ".graphql".length()))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("examples")
	void everyExampleRunsAndFindsSomething(String example) {
		Examples.using(this.graphQl)
			.documentName(example)
			.execute()
			.errors()
			.verify()
			.path("")
			.entity(Map.class)
			.satisfies((data) -> assertThat(data.values()).allSatisfy(
					(value) -> assertThat(value).isNotNull().asString().isNotEqualTo("[]").doesNotContain("edges=[]")));
	}

}

package io.dealgraph.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The documents in {@code graphql/examples/}: the README's examples are the tests'
 * inputs.
 */
public final class Examples {

	private Examples() {
	}

	/**
	 * The example names (file names without {@code .graphql}), sorted, as the repository
	 * holds them.
	 */
	public static List<String> names() {
		try (var files = Files.list(Path.of("graphql", "examples"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".graphql"))
				.map((name) -> name.substring(0, name.length() - ".graphql".length()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list graphql/examples", ex);
		}
	}

	public static HttpGraphQlTester using(HttpGraphQlTester tester) {
		return tester.mutate()
			.documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql/examples/")),
					List.of(".graphql")))
			.build();
	}

}

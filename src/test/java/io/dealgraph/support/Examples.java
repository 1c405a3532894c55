package io.dealgraph.support;

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

	public static HttpGraphQlTester using(HttpGraphQlTester tester) {
		return tester.mutate()
			.documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql/examples/")),
					List.of(".graphql")))
			.build();
	}

}

package io.dealgraph.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-java runs one instrumentation at every step of every field: a second one would
 * make it chain them there, at a cost measured in the network's request time (see
 * {@link RequestInstrumentation}). What each rule does is tested with the rule, over HTTP
 * ({@code LimitsTests}, {@code IdArgumentsTests}).
 */
@RunsDealgraph
class InstrumentationTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void theSchemaRunsOneInstrumentation() {
		Instrumentation instrumentation = this.graphQlSource.graphQl().getInstrumentation();
		// Spring for GraphQL always wraps the instrumentations it is given in a chain;
		// with one inside, the chain hands each step straight to it.
		assertThat(instrumentation).isInstanceOf(ChainedInstrumentation.class);
		assertThat(((ChainedInstrumentation) instrumentation).getInstrumentations()).singleElement()
			.isInstanceOf(RequestInstrumentation.class);
	}

}

package io.dealgraph.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import io.dealgraph.graph.PartialDates;

/** The {@code PartialDate} scalar: a string that must be YYYY, YYYY-MM or YYYY-MM-DD. */
@Configuration(proxyBeanMethods = false)
class PartialDateScalar {

	@Bean
	RuntimeWiringConfigurer partialDateWiring() {
		GraphQLScalarType scalar = GraphQLScalarType.newScalar()
			.name("PartialDate")
			.description("A date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD.")
			.coercing(new PartialDateCoercing())
			.build();
		return (wiring) -> wiring.scalar(scalar);
	}

	private static final class PartialDateCoercing implements Coercing<String, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof String text && PartialDates.isValid(text)) {
				return text;
			}
			throw new CoercingSerializeException("Not a partial date");
		}

		@Override
		public String parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text && PartialDates.isValid(text)) {
				return text;
			}
			throw new CoercingParseValueException(PartialDates.describeInvalid(String.valueOf(input)));
		}

		@Override
		public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue string && PartialDates.isValid(string.getValue())) {
				return string.getValue();
			}
			throw new CoercingParseLiteralException("A PartialDate must be a string YYYY, YYYY-MM or YYYY-MM-DD");
		}

	}

}

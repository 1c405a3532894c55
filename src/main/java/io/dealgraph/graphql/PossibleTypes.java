package io.dealgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;

import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /graphql/possible-types}: each abstract type of the schema (interface or
 * union) with the object types that can stand for it, the {@code possibleTypes} that
 * Apollo Client's {@code InMemoryCache} needs to match fragments on {@code Organization}
 * or {@code Deal}. Read from the served schema, so it cannot drift from it.
 */
@RestController
class PossibleTypes {

	private final Map<String, List<String>> byAbstractType;

	PossibleTypes(GraphQlSource source) {
		this.byAbstractType = of(source.schema());
	}

	@GetMapping(path = "/graphql/possible-types", produces = "application/json")
	Map<String, List<String>> possibleTypes() {
		return this.byAbstractType;
	}

	/**
	 * The abstract types of {@code schema}, in name order, each with its object types.
	 */
	static Map<String, List<String>> of(GraphQLSchema schema) {
		Map<String, List<String>> possible = new TreeMap<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__")) {
				continue;
			}
			List<GraphQLObjectType> objectTypes = switch (type) {
				case GraphQLInterfaceType anInterface -> schema.getImplementations(anInterface);
				case GraphQLUnionType union -> union.getTypes().stream().map(GraphQLObjectType.class::cast).toList();
				default -> null;
			};
			if (objectTypes != null) {
				possible.put(type.getName(), objectTypes.stream().map(GraphQLObjectType::getName).sorted().toList());
			}
		}
		return possible;
	}

}

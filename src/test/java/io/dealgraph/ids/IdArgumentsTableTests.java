package io.dealgraph.ids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import graphql.Scalars;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ID} that a client can send, as an argument or an input field anywhere in
 * the contract, is in the table of id arguments, so that it takes both forms; and the
 * table names nothing the contract does not have. Read from the printed contract, no
 * server.
 */
class IdArgumentsTableTests {

	@Test
	void everyIdAClientCanSendIsInTheTable() throws IOException {
		GraphQLSchema schema = UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(Path.of("graphql", "schema.graphql"))));
		TreeSet<String> idsInContract = new TreeSet<>();
		for (GraphQLType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				object.getFieldDefinitions()
					.forEach((field) -> field.getArguments()
						.stream()
						.filter((argument) -> isId(argument.getType()))
						.forEach((argument) -> idsInContract
							.add(object.getName() + "." + field.getName() + "(" + argument.getName() + ":)")));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.stream()
					.filter((field) -> isId(field.getType()))
					.forEach((field) -> idsInContract.add(input.getName() + "." + field.getName()));
			}
		}
		assertThat(idsInContract).isNotEmpty();
		TreeSet<String> inTable = new TreeSet<>(IdArguments.INTERFACES.keySet());
		assertThat(inTable).doesNotContainAnyElementsOf(IdArguments.ANY_INTERFACE);
		inTable.addAll(IdArguments.ANY_INTERFACE);
		assertThat(inTable).isEqualTo(idsInContract);
	}

	private static boolean isId(GraphQLType type) {
		return GraphQLTypeUtil.unwrapAll(type).getName().equals(Scalars.GraphQLID.getName());
	}

}

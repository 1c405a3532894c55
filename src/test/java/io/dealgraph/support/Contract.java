package io.dealgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The committed contract, {@code graphql/schema.graphql}, which {@code ContractTests}
 * holds equal to the served schema: fast tests read the schema from it, without starting
 * the app.
 */
public final class Contract {

	/** The printed schema, as committed. */
	public static final Path FILE = Path.of("graphql", "schema.graphql");

	private Contract() {
	}

	/** The contract as a schema to measure and validate documents against. */
	public static GraphQLSchema schema() {
		try {
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(FILE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

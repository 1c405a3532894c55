package io.dealgraph.node;

import java.util.List;

import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;

import io.dealgraph.graph.Identified;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * How a {@code Node} is served: its object type, and its global {@code id}, on every
 * object type that implements {@code Node}, read from the schema rather than listed, so a
 * new type with an identity needs nothing here.
 */
@Configuration(proxyBeanMethods = false)
class NodeWiring {

	private static final String NODE = "Node";

	/** The global id of the node being answered. */
	private static final DataFetcher<String> GLOBAL_ID = (environment) -> ((Identified) environment.getSource())
		.globalId();

	@Bean
	static RuntimeWiringConfigurer nodes() {
		return new RuntimeWiringConfigurer() {

			@Override
			public void configure(RuntimeWiring.Builder wiring) {
				wiring.type(NODE, (type) -> type.typeResolver((environment) -> environment.getSchema()
					.getObjectType(((Identified) environment.getObject()).typeName())));
			}

			@Override
			public void configure(RuntimeWiring.Builder wiring, List<WiringFactory> factories) {
				factories.add(new GlobalIds());
			}

		};
	}

	/** Serves {@code id} as the global id on every object type that implements Node. */
	private static final class GlobalIds implements WiringFactory {

		@Override
		public boolean providesDataFetcher(FieldWiringEnvironment environment) {
			return environment.getFieldDefinition().getName().equals("id")
					&& environment.getParentType() instanceof ObjectTypeDefinition object
					&& object.getImplements()
						.stream()
						.anyMatch((implemented) -> implemented instanceof TypeName name && name.getName().equals(NODE));
		}

		@Override
		public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
			return GLOBAL_ID;
		}

	}

}

package io.dealgraph.graphql;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.OrganizationKind;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object types that implement {@code Organization} (one per organization kind) and
 * {@code Deal} (one per deal type), generated at start from their interface, so the 13
 * types can never drift from it. Each type has the interface's fields, described as
 * there, plus any that an {@code extend type} in the schema adds ({@code Financing}'s
 * {@code instrument}); its description is its enum value's, with the value's name.
 *
 * <p>
 * Front-ends need them as object types: a query asks for a kind's fields with
 * {@code ... on Financing}, and Apollo's and Relay's caches and fragments read
 * {@code __typename}. Generating them keeps one copy, the interface's.
 */
@Configuration(proxyBeanMethods = false)
class ImplementationTypes {

	@Bean
	GraphQlSourceBuilderCustomizer implementationTypesFromInterfaces() {
		return (builder) -> builder.configureTypeDefinitions(ImplementationTypes::addTo);
	}

	/** Adds every kind's and deal type's object type to {@code registry}. */
	static void addTo(TypeDefinitionRegistry registry) {
		for (OrganizationKind kind : OrganizationKind.values()) {
			add(registry, "Organization", kind.typeName(), "OrganizationKind", kind.name(), "Kind");
		}
		for (DealType type : DealType.values()) {
			add(registry, "Deal", type.typeName(), "DealType", type.name(), "Type");
		}
	}

	private static void add(TypeDefinitionRegistry registry, String interfaceName, String typeName, String enumName,
			String value, String word) {
		InterfaceTypeDefinition implemented = registry.getType(interfaceName, InterfaceTypeDefinition.class)
			.orElseThrow(() -> new IllegalStateException("The schema has no interface " + interfaceName));
		EnumValueDefinition enumValue = registry.getType(enumName, EnumTypeDefinition.class)
			.flatMap((values) -> values.getEnumValueDefinitions()
				.stream()
				.filter((definition) -> definition.getName().equals(value))
				.findFirst())
			.orElseThrow(() -> new IllegalStateException("The schema's " + enumName + " has no value " + value));
		String description = enumValue.getDescription().getContent() + " " + word + " `" + value + "`.";
		var type = ObjectTypeDefinition.newObjectTypeDefinition()
			.name(typeName)
			.description(new Description(description, null, false))
			.implementz(new TypeName(interfaceName))
			.fieldDefinitions(implemented.getFieldDefinitions())
			.build();
		registry.add(type).ifPresent((error) -> {
			throw new IllegalStateException("Cannot add the object type " + typeName + ": " + error.getMessage());
		});
	}

}

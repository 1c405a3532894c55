package io.dealgraph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.graph.Relationship;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object types that implement {@code Organization} (one per organization kind) and
 * {@code Deal} (one per deal type), generated at start from their interface, so the 13
 * types can never drift from it; each also implements what its interface implements
 * ({@code Node}). Each type has the interface's fields, described as there, plus any that
 * an {@code extend type} in the schema adds ({@code Financing}'s {@code instrument}); its
 * description is its enum value's, with the value's name. Before them,
 * {@code Organization} gains a connection beside each relationship list
 * ({@code financiersConnection}), one per row of the relationship table.
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

	/**
	 * Adds the relationship connections to {@code Organization}, then every kind's and
	 * deal type's object type to {@code registry}.
	 */
	static void addTo(TypeDefinitionRegistry registry) {
		addRelationshipConnections(registry);
		for (OrganizationKind kind : OrganizationKind.values()) {
			add(registry, "Organization", kind.typeName(), "OrganizationKind", kind.name(), "Kind");
		}
		for (DealType type : DealType.values()) {
			add(registry, "Deal", type.typeName(), "DealType", type.name(), "Type");
		}
	}

	/**
	 * Beside each relationship list of {@code Organization} ({@code financiers}, capped
	 * at {@link Relationship#LIST_LIMIT}), its connection ({@code financiersConnection}):
	 * the same parties in the same order, every one, a page at a time, with their count.
	 * One per row of the relationship table, so a new row brings its connection.
	 */
	private static void addRelationshipConnections(TypeDefinitionRegistry registry) {
		InterfaceTypeDefinition organization = registry.getType("Organization", InterfaceTypeDefinition.class)
			.orElseThrow(() -> new IllegalStateException("The schema has no interface Organization"));
		List<FieldDefinition> fields = new ArrayList<>(organization.getFieldDefinitions());
		for (Relationship relationship : Relationship.values()) {
			Relationship.Field field = relationship.field().orElse(null);
			if (field == null || field.latest()) {
				continue;
			}
			fields.add(FieldDefinition.newFieldDefinition()
				.name(field.connectionName())
				.description(description("The organizations of `" + field.name()
						+ "`, every one of them, by name, then id, a page at a time, with `totalCount`."))
				.inputValueDefinitions(List.of(
						argument("first", "Int",
								"How many after `after`, 0 to 100; 20 when neither `first` nor `last` is given."),
						argument("after", "String", "The `endCursor` of the previous page."),
						argument("last", "Int",
								"How many before `before`, 0 to 100, read backward and answered in the same order "
										+ "as forward pages."),
						argument("before", "String", "The `startCursor` of the next page, to page backward.")))
				.type(new NonNullType(new TypeName("OrganizationConnection")))
				.build());
		}
		registry.remove(organization);
		registry.add(organization.transform((builder) -> builder.definitions(fields))).ifPresent((error) -> {
			throw new IllegalStateException("Cannot add the relationship connections: " + error.getMessage());
		});
	}

	private static InputValueDefinition argument(String name, String type, String text) {
		return InputValueDefinition.newInputValueDefinition()
			.name(name)
			.type(new TypeName(type))
			.description(description(text))
			.build();
	}

	private static Description description(String text) {
		return new Description(text, null, false);
	}

	/**
	 * The interface and those it implements ({@code Node}): an object type names every
	 * interface it stands for.
	 */
	private static List<graphql.language.Type> implementing(InterfaceTypeDefinition implemented) {
		List<graphql.language.Type> interfaces = new ArrayList<>();
		interfaces.add(new TypeName(implemented.getName()));
		interfaces.addAll(implemented.getImplements());
		return interfaces;
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
			.implementz(implementing(implemented))
			.fieldDefinitions(implemented.getFieldDefinitions())
			.build();
		registry.add(type).ifPresent((error) -> {
			throw new IllegalStateException("Cannot add the object type " + typeName + ": " + error.getMessage());
		});
	}

}

package io.dealgraph.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph model's table of relationships and the published contract say the same: every
 * relationship field of {@code Organization} and every relationship filter of
 * {@code OrganizationWhere} is a row, and every row names a field and filter the schema
 * has. Reads {@code graphql/schema.graphql}; no server, no database.
 */
class RelationshipTests {

	private static final TypeDefinitionRegistry CONTRACT = contract();

	@Test
	void everyOrganizationFieldThatNamesOtherOrganizationsIsARow() {
		InterfaceTypeDefinition organization = CONTRACT.getType("Organization", InterfaceTypeDefinition.class)
			.orElseThrow();
		Set<String> relationshipFields = organization.getFieldDefinitions()
			.stream()
			.filter((field) -> innermost(field.getType()).equals("Organization"))
			.map(FieldDefinition::getName)
			.collect(Collectors.toSet());
		Set<String> rows = withFields().stream()
			.map((row) -> row.field().orElseThrow().name())
			.collect(Collectors.toSet());
		assertThat(rows).isEqualTo(relationshipFields);
	}

	@Test
	void aListFieldIsAListInTheSchemaAndALatestFieldIsOneOrganization() {
		InterfaceTypeDefinition organization = CONTRACT.getType("Organization", InterfaceTypeDefinition.class)
			.orElseThrow();
		for (Relationship row : withFields()) {
			Relationship.Field field = row.field().orElseThrow();
			Type<?> type = organization.getFieldDefinitions()
				.stream()
				.filter((f) -> f.getName().equals(field.name()))
				.findFirst()
				.orElseThrow()
				.getType();
			assertThat(isList(type)).as(field.name()).isEqualTo(!field.latest());
		}
	}

	@Test
	void everyRelationshipFilterIsARow() {
		InputObjectTypeDefinition where = CONTRACT.getType("OrganizationWhere", InputObjectTypeDefinition.class)
			.orElseThrow();
		Set<String> relationshipFilters = where.getInputValueDefinitions()
			.stream()
			.filter((field) -> !Set.of("AND", "OR", "NOT").contains(field.getName()))
			.filter((field) -> innermost(field.getType()).equals("OrganizationWhere"))
			.map(InputValueDefinition::getName)
			.collect(Collectors.toSet());
		Set<String> rows = Set.of(Relationship.values()).stream().map(Relationship::filter).collect(Collectors.toSet());
		assertThat(rows).isEqualTo(relationshipFilters);
	}

	@Test
	void aFieldAndItsFilterReadTheSameDealsFromTheSameEnd() {
		// customers lists the organizations a provider serves; providerTo finds the
		// providers that serve one: both read PARTNERSHIP and SUPPLY from the provider's
		// end.
		assertThat(Relationship.CUSTOMERS.subject()).isEqualTo(End.FROM);
		assertThat(Relationship.CUSTOMERS.filter()).isEqualTo("providerTo");
		assertThat(Relationship.CUSTOMERS.types()).containsExactlyInAnyOrder(DealType.PARTNERSHIP, DealType.SUPPLY);
		assertThat(Relationship.FINANCIERS.subject()).isEqualTo(End.TO);
		assertThat(Relationship.FINANCIERS.filter()).isEqualTo("financedBy");
		assertThat(Relationship.PARTNERS.subject()).isEqualTo(End.EITHER);
	}

	@Test
	void onlyTheSingleFieldsNarrowTheDealsTheyRead() {
		for (Relationship row : withFields()) {
			Relationship.Field field = row.field().orElseThrow();
			assertThat(field.condition() != Relationship.Condition.ANY).as(field.name()).isEqualTo(field.latest());
		}
		assertThat(Relationship.ACQUIRER.field().orElseThrow().condition()).isEqualTo(Relationship.Condition.COMPLETED);
		assertThat(Relationship.PARENT.field().orElseThrow().condition()).isEqualTo(Relationship.Condition.NOT_ENDED);
	}

	private static String innermost(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return innermost(nonNull.getType());
		}
		if (type instanceof ListType list) {
			return innermost(list.getType());
		}
		return ((TypeName) type).getName();
	}

	private static boolean isList(Type<?> type) {
		return (type instanceof NonNullType nonNull) ? isList(nonNull.getType()) : type instanceof ListType;
	}

	private static TypeDefinitionRegistry contract() {
		try {
			return new SchemaParser().parse(Path.of("graphql", "schema.graphql").toFile());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("graphql/schema.graphql could not be read", ex);
		}
	}

	private static List<Relationship> withFields() {
		return Arrays.stream(Relationship.values()).filter((row) -> row.field().isPresent()).toList();
	}

}

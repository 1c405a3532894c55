package io.dealgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.Contract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst in GraphiQL reads the schema's descriptions as its manual: every type,
 * field, argument, input field, enum value and directive of the contract has one. Reads
 * the committed contract, which {@code ContractTests} holds equal to the served schema;
 * no Spring, no database.
 */
class SchemaDescriptionsTests {

	@Test
	void everyPartOfTheContractIsDescribed() throws IOException {
		Document contract = Parser.parse(Files.readString(Contract.FILE));
		List<String> undescribed = new ArrayList<>();
		for (Definition<?> definition : contract.getDefinitions()) {
			switch (definition) {
				case ObjectTypeDefinition type -> {
					check(undescribed, "type " + type.getName(), type.getDescription());
					fields(undescribed, type.getName(), type.getFieldDefinitions());
				}
				case InterfaceTypeDefinition type -> {
					check(undescribed, "interface " + type.getName(), type.getDescription());
					fields(undescribed, type.getName(), type.getFieldDefinitions());
				}
				case InputObjectTypeDefinition type -> {
					check(undescribed, "input " + type.getName(), type.getDescription());
					inputs(undescribed, type.getName() + ".", type.getInputValueDefinitions());
				}
				case EnumTypeDefinition type -> {
					check(undescribed, "enum " + type.getName(), type.getDescription());
					type.getEnumValueDefinitions()
						.forEach((value) -> check(undescribed, type.getName() + "." + value.getName(),
								value.getDescription()));
				}
				case ScalarTypeDefinition type -> check(undescribed, "scalar " + type.getName(), type.getDescription());
				case UnionTypeDefinition type -> check(undescribed, "union " + type.getName(), type.getDescription());
				case DirectiveDefinition directive -> {
					check(undescribed, "@" + directive.getName(), directive.getDescription());
					inputs(undescribed, "@" + directive.getName() + ".", directive.getInputValueDefinitions());
				}
				default -> {
				}
			}
		}
		assertThat(undescribed).as("parts of %s without a description", Contract.FILE).isEmpty();
	}

	private static void fields(List<String> undescribed, String type, List<FieldDefinition> fields) {
		for (FieldDefinition field : fields) {
			check(undescribed, type + "." + field.getName(), field.getDescription());
			inputs(undescribed, type + "." + field.getName() + ".", field.getInputValueDefinitions());
		}
	}

	private static void inputs(List<String> undescribed, String prefix, List<InputValueDefinition> inputs) {
		inputs.forEach((input) -> check(undescribed, prefix + input.getName(), input.getDescription()));
	}

	private static void check(List<String> undescribed, String what, @Nullable Description description) {
		if (description == null || description.getContent().isBlank()) {
			undescribed.add(what);
		}
	}

}

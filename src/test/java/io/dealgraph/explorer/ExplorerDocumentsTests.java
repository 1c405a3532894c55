package io.dealgraph.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.Test;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.support.Contract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's GraphQL operations are valid against the schema, and every operation its
 * code runs is among them, checked without a browser: the documents are one file,
 * {@code explorer.graphql}, read as the schema's contract reads it ({@code ContractTests}
 * holds the contract equal to the served schema).
 */
class ExplorerDocumentsTests {

	private static final Path EXPLORER = Path.of("src", "main", "resources", "static", "explorer");

	private static final Pattern OPERATION_RUN = Pattern.compile("graphQl\\('([A-Za-z]+)'");

	@Test
	void everyKindAndDealTypeHasItsOwnLookAndLegendEntry() throws IOException {
		String look = Files.readString(EXPLORER.resolve("look.js"));
		for (OrganizationKind kind : OrganizationKind.values()) {
			assertThat(look).as("a look for the kind " + kind).containsPattern("(?m)^  " + kind.name() + ": \\{");
		}
		for (DealType type : DealType.values()) {
			assertThat(look).as("a look for the deal type " + type).containsPattern("(?m)^  " + type.name() + ": \\{");
		}
	}

	@Test
	void theExplorersOperationsAreValidAgainstTheSchema() throws IOException {
		Document documents = Parser.parse(Files.readString(EXPLORER.resolve("explorer.graphql")));
		List<ValidationError> errors = ParseAndValidate.validate(Contract.schema(), documents);
		assertThat(errors).isEmpty();
	}

	@Test
	void everyOperationTheExplorerRunsIsInItsDocument() throws IOException {
		Document documents = Parser.parse(Files.readString(EXPLORER.resolve("explorer.graphql")));
		List<String> defined = documents.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(OperationDefinition::getName)
			.toList();
		List<String> run = new ArrayList<>();
		try (var scripts = Files.list(EXPLORER)) {
			for (Path script : scripts.filter((file) -> file.toString().endsWith(".js")).toList()) {
				Matcher calls = OPERATION_RUN.matcher(Files.readString(script));
				while (calls.find()) {
					run.add(calls.group(1));
				}
			}
		}
		assertThat(run).as("operations the explorer runs").isNotEmpty();
		assertThat(defined).containsAll(run);
		assertThat(run).as("operations the document defines and nothing runs").containsAll(defined);
	}

}

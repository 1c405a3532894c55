package io.dealgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.Contract;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract front-ends code against: the schema the server serves is the one committed
 * as {@code graphql/schema.graphql}. A breaking change (a field, argument, type or enum
 * value removed or changed incompatibly) fails this test with the list of breakages; the
 * way through is a deprecation first, or, where none is possible, updating the file in
 * the same commit, so that the change shows in review. Any other change fails too until
 * the file is updated:
 * {@code ./mvnw test -Dtest=ContractTests -Ddealgraph.schema.update=true}.
 */
@RunsDealgraph
class ContractTests {

	private static final Path CONTRACT = Contract.FILE;

	/** The directives that graphql-java itself defines; the contract holds ours only. */
	private static final Set<String> BUILT_IN = Set.of("include", "skip", "deprecated", "specifiedBy", "oneOf", "defer",
			"experimental_disableErrorPropagation");

	@Autowired
	GraphQlSource graphQl;

	@Test
	void theServedSchemaIsTheCommittedContract() throws IOException {
		GraphQLSchema served = this.graphQl.schema();
		String printed = print(served);
		if (Boolean.getBoolean("dealgraph.schema.update")) {
			Files.writeString(CONTRACT, printed);
		}
		String committed = Files.readString(CONTRACT);
		if (committed.equals(printed)) {
			return;
		}
		var reporter = new CapturingReporter();
		new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(committed, printed), reporter);
		List<String> breakages = reporter.getBreakages().stream().map(ContractTests::describe).toList();
		if (!breakages.isEmpty()) {
			fail("Breaking changes to the API contract (deprecate first; if that cannot be done, update " + CONTRACT
					+ " in the same commit):\n  " + String.join("\n  ", breakages));
		}
		fail("The schema changed without breaking anything: update " + CONTRACT
				+ " with ./mvnw test -Dtest=ContractTests -Ddealgraph.schema.update=true and commit it.");
	}

	@Test
	void theContractIsCompleteAndStatesTheCostDirective() throws IOException {
		String committed = Files.readString(CONTRACT);
		assertThat(committed).contains("type Query", "type Mutation", "type Subscription", "directive @listSize",
				"interface Organization", "interface Deal");
	}

	static String print(GraphQLSchema schema) {
		return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
			.includeScalarTypes(true)
			.includeSchemaDefinition(false)
			.includeDirectiveDefinition((name) -> !BUILT_IN.contains(name))
			.includeDirectives(true)).print(schema);
	}

	private static String describe(DiffEvent event) {
		return event.getCategory() + " " + event.getTypeName()
				+ ((event.getFieldName() != null) ? "." + event.getFieldName() : "") + ": " + event.getReasonMsg();
	}

}

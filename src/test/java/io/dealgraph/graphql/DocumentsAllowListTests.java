package io.dealgraph.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.Contract;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document provider on its own, against the committed schema: in allow-list mode only
 * registered documents run, by text or by hash; the cache never holds more than its size.
 */
class DocumentsAllowListTests {

	private static final GraphQLSchema SCHEMA = Contract.schema();

	private static final String EXAMPLES = "file:graphql/examples/*.graphql";

	private final String example = read("aiCustomersOfMinersFinancedByPrivateEquity");

	@Test
	void inAllowListModeARegisteredDocumentRunsByItsTextOrItsHashAlone() {
		Documents documents = documents(true, DataSize.ofMegabytes(1), EXAMPLES);
		assertThat(errors(documents, this.example, Map.of())).isEmpty();
		assertThat(errors(documents, null, persistedQuery(Documents.sha256(this.example)))).isEmpty();
		assertThat(errors(documents, this.example, persistedQuery(Documents.sha256(this.example)))).isEmpty();
	}

	@Test
	void inAllowListModeAnyOtherDocumentIsRefusedAndCannotBeRegisteredThroughApq() {
		Documents documents = documents(true, DataSize.ofMegabytes(1), EXAMPLES);
		String other = "{ organization(id: \"hut-8\") { name } }";
		String hash = Documents.sha256(other);
		assertThat(codes(errors(documents, other, Map.of()))).containsExactly("PERSISTED_QUERY_NOT_IN_LIST");
		assertThat(codes(errors(documents, other, persistedQuery(hash))))
			.containsExactly("PERSISTED_QUERY_NOT_IN_LIST");
		assertThat(codes(errors(documents, null, persistedQuery(hash)))).containsExactly("PERSISTED_QUERY_NOT_IN_LIST");
		assertThat(documents.holds(other)).isFalse();
	}

	@Test
	void withoutAllowListAnyValidDocumentRunsAndAnUnknownHashIsNotFound() {
		Documents documents = documents(false, DataSize.ofMegabytes(1), EXAMPLES);
		String other = "{ organization(id: \"hut-8\") { name } }";
		assertThat(codes(errors(documents, null, persistedQuery(Documents.sha256(other)))))
			.containsExactly("PERSISTED_QUERY_NOT_FOUND");
		assertThat(errors(documents, other, Map.of())).isEmpty();
		assertThat(errors(documents, null, persistedQuery(Documents.sha256(other)))).isEmpty();
	}

	@Test
	void theCacheIsBoundedByTheWeightOfItsDocumentsNotByTheirCount() {
		String first = "{ organization(id: \"probe-0\") { name kind country } }";
		long size = 3L * Documents.weight(first);
		Documents documents = documents(false, DataSize.ofBytes(size), EXAMPLES);
		for (int i = 0; i < 10; i++) {
			String query = "{ organization(id: \"probe-" + i + "\") { name kind country } }";
			assertThat(errors(documents, query, Map.of())).isEmpty();
			assertThat(documents.keptWeight()).isLessThanOrEqualTo(size);
		}
		long held = java.util.stream.IntStream.range(0, 10)
			.filter((i) -> documents.holds("{ organization(id: \"probe-" + i + "\") { name kind country } }"))
			.count();
		assertThat(held).isBetween(1L, 3L);
	}

	@Test
	void aRegisteredLocationThatDoesNotExistStopsTheStartWithItsName() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> documents(false, DataSize.ofMegabytes(1), "file:graphql/no-such-file.graphql"))
			.hasMessageContaining("no-such-file.graphql");
	}

	private static Documents documents(boolean allowList, DataSize size, String registered) {
		return new Documents(new DocumentSettings(size, allowList, List.of(registered, "")),
				new PathMatchingResourcePatternResolver());
	}

	private static List<GraphQLError> errors(Documents documents, String query, Map<String, Object> extensions) {
		ExecutionInput input = ExecutionInput.newExecutionInput()
			.query((query != null) ? query : PersistedQuerySupport.PERSISTED_QUERY_MARKER)
			.extensions(extensions)
			.build();
		PreparsedDocumentEntry entry = documents.getDocumentAsync(input, DocumentsAllowListTests::parseAndValidate)
			.join();
		return entry.hasErrors() ? List.copyOf(entry.getErrors()) : List.of();
	}

	/** What graphql-java does when no document is kept: parse, then validate. */
	private static PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
		ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA, input);
		return result.isFailure() ? new PreparsedDocumentEntry(List.copyOf(result.getErrors()))
				: new PreparsedDocumentEntry(result.getDocument());
	}

	private static List<Object> codes(List<GraphQLError> errors) {
		return errors.stream().map((error) -> error.getExtensions().get("code")).toList();
	}

	private static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private static String read(String example) {
		try {
			return Files.readString(Path.of("graphql", "examples", example + ".graphql"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

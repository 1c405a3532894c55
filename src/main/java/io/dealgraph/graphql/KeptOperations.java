package io.dealgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

import io.dealgraph.limits.QueryLimits;
import io.dealgraph.limits.QueryLimits.Measure;
import io.dealgraph.selection.PerOperation;
import org.springframework.stereotype.Component;

/**
 * What a document's operation gives with one set of variables, worked out once and kept
 * for the next request that sends the same: its cost measure ({@link QueryLimits}), its
 * normalized form, the selection every controller reads through
 * {@code getSelectionSet()}, which graphql-java otherwise builds for every request, and
 * what its top-level fields work out from it ({@link PerOperation}: their statements).
 * Front-ends send the same few documents with the same few variables again and again, and
 * {@link Documents} hands back the same parsed document for the same text: measuring was
 * 5-6% of a single lookup's request-thread samples, and normalizing 13%.
 * <p>
 * Kept by the parsed document's identity, weakly: graphql-java's documents have no
 * equality (and a normalized operation finds a field by the document's own field nodes),
 * and a document dropped from {@link Documents}' cache takes what was kept with it. Then
 * by operation name and variables, up to {@link #PER_DOCUMENT} sets per document;
 * variables too large to keep as a key, such as an import's rows, are worked out every
 * time, as before.
 */
@Component
class KeptOperations {

	/**
	 * How many sets of variables are kept for one document: a search box sends a new set
	 * with every word, and those are worked out afresh once this many are kept.
	 */
	static final int PER_DOCUMENT = 64;

	/**
	 * The most values, or 64-character pieces of text, that a request's variables may
	 * hold to be kept: 64 sets of them stay under a megabyte per document.
	 */
	static final int SMALL_VARIABLES = 256;

	/** What an operation's answers depend on besides its document and the schema. */
	private record Operation(@Nullable String name, Map<String, Object> variables) {
	}

	private final Cache<Document, Cache<Operation, Kept>> kept = Caffeine.newBuilder()
		.weakKeys()
		.executor(Runnable::run)
		.build();

	/**
	 * What is kept for the operation about to run, worked out now if it is new; worked
	 * out for this request alone when its variables are too large to keep.
	 */
	Kept kept(ExecutionContext execution) {
		Map<String, Object> variables = execution.getExecutionInput().getVariables();
		if (!isSmall(variables, new int[] { SMALL_VARIABLES })) {
			return workedOut(execution);
		}
		return this.kept
			.get(execution.getDocument(),
					(parsed) -> Caffeine.newBuilder()
						.maximumSize(PER_DOCUMENT)
						.executor(Runnable::run)
						.<Operation, Kept>build())
			.get(new Operation(execution.getOperationDefinition().getName(), variables), (key) -> workedOut(execution));
	}

	private static Kept workedOut(ExecutionContext execution) {
		OperationDefinition operation = execution.getOperationDefinition();
		return new Kept(
				QueryLimits.measure(execution.getGraphQLSchema(), execution.getDocument(), operation.getName(),
						execution.getExecutionInput().getVariables()),
				execution.getGraphQLSchema(), operation, execution.getFragmentsByName(),
				execution.getCoercedVariables());
	}

	/**
	 * Whether a value is small enough to keep as part of a key: a front-end's ids,
	 * filters and page sizes are, an import's rows are not. Counts a unit per value and
	 * per 64 characters of text, and stops as soon as the budget is spent.
	 */
	static boolean isSmall(@Nullable Object value, int[] budget) {
		budget[0] -= (value instanceof String text) ? 1 + text.length() / 64 : 1;
		if (value instanceof Map<?, ?> map) {
			for (var entry : map.entrySet()) {
				if (budget[0] < 0 || !isSmall(entry.getKey(), budget) || !isSmall(entry.getValue(), budget)) {
					return false;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object element : list) {
				if (budget[0] < 0 || !isSmall(element, budget)) {
					return false;
				}
			}
		}
		return budget[0] >= 0;
	}

	/**
	 * One operation with one set of variables: its measure, and its normalized form once
	 * a fetcher first asks for a selection. It holds the document's nodes, never the
	 * document itself, so the document's weak key can go.
	 */
	static final class Kept {

		private final Measure measure;

		private final GraphQLSchema schema;

		private final OperationDefinition operation;

		private final Map<String, FragmentDefinition> fragments;

		private final CoercedVariables variables;

		private volatile @Nullable ExecutableNormalizedOperation normalized;

		/** What its top-level fields worked out, by path ({@link PerOperation}). */
		private final Map<ResultPath, Object> workedOut = new ConcurrentHashMap<>();

		private Kept(Measure measure, GraphQLSchema schema, OperationDefinition operation,
				Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
			this.measure = measure;
			this.schema = schema;
			this.operation = operation;
			this.fragments = fragments;
			this.variables = variables;
		}

		Measure measure() {
			return this.measure;
		}

		Map<ResultPath, Object> workedOut() {
			return this.workedOut;
		}

		/**
		 * The fetcher's environment, its selection read from the kept normalized
		 * operation rather than from one built for this request; as graphql-java does it,
		 * only when the fetcher asks.
		 */
		DataFetchingEnvironment withKeptSelection(DataFetchingEnvironment environment) {
			return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
				.selectionSet(
						DataFetchingFieldSelectionSetImpl.newCollector(this.schema, environment.getFieldType(), () -> {
							ExecutionStepInfo step = environment.getExecutionStepInfo();
							return normalized().getNormalizedField(environment.getMergedField(), step.getObjectType(),
									step.getPath());
						}))
				.build();
		}

		private ExecutableNormalizedOperation normalized() {
			ExecutableNormalizedOperation normalized = this.normalized;
			if (normalized == null) {
				// Two first requests at once may both build it: the same answer, kept
				// once.
				normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(this.schema,
						this.operation, this.fragments, this.variables);
				this.normalized = normalized;
			}
			return normalized;
		}

	}

}

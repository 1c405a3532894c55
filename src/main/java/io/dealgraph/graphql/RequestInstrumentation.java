package io.dealgraph.graphql;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import org.jspecify.annotations.Nullable;

import io.dealgraph.graphql.KeptOperations.Kept;
import io.dealgraph.ids.IdArguments;
import io.dealgraph.limits.QueryLimits;
import io.dealgraph.selection.PerOperation;
import org.springframework.stereotype.Component;

/**
 * The schema's one instrumentation: {@link QueryLimits} before an operation runs and
 * after it, {@link IdArguments} on each field's fetcher, and each fetcher's selection and
 * top-level fields' statements ({@link PerOperation}) read from what
 * {@link KeptOperations} keeps for the operation.
 * <p>
 * One, and silent at every step of every field, because that is where an instrumentation
 * costs: with two or more, graphql-java chains them at each step of each field, a list
 * and a context object each time, even where none has anything to do: 13.5% of the
 * request threads' samples in a 1,000-deal network with two. Every step answers
 * {@code null}, which graphql-java reads as nothing to do. {@code InstrumentationTests}
 * fails when a second instrumentation appears.
 */
@Component
class RequestInstrumentation implements Instrumentation {

	private final QueryLimits limits;

	private final IdArguments ids;

	private final KeptOperations operations;

	RequestInstrumentation(QueryLimits limits, IdArguments ids, KeptOperations operations) {
		this.limits = limits;
		this.ids = ids;
		this.operations = operations;
	}

	/** One request's: what is kept for its operation, once known. */
	private static final class RequestState implements InstrumentationState {

		private @Nullable Kept kept;

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new RequestState();
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Kept kept = this.operations.kept(execution);
		((RequestState) state).kept = kept;
		this.limits.refuseOverLimits(execution, kept.measure());
		PerOperation.attach(execution.getGraphQLContext(), kept.workedOut());
		return null;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		DataFetcher<?> readingIds = this.ids.readingIds(fetcher, parameters);
		// A trivial fetcher reads a property, never a selection.
		if (parameters.isTrivialDataFetcher()) {
			return readingIds;
		}
		// Set before any field runs: the operation begins first.
		Kept kept = Objects.requireNonNull(((RequestState) state).kept);
		return (environment) -> readingIds.get(kept.withKeptSelection(environment));
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return CompletableFuture.completedFuture(this.limits.afterExecution(result, parameters.getGraphQLContext()));
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable ExecutionStrategyInstrumentationContext beginExecutionStrategy(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable ExecuteObjectInstrumentationContext beginExecuteObject(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldListCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return null;
	}

}

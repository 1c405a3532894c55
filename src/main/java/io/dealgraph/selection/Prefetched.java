package io.dealgraph.selection;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Answers of nested fields that their top-level field's statement has already read, kept
 * for the request by their place in the response ({@code /organization/deals}, with
 * aliases and list indexes). A nested field takes its answer from here when there is one,
 * and loads it itself only when the top-level field could not read it (a shape the read
 * compiler does not know, or a field under a mutation), so an answer never depends on
 * which path produced it.
 */
public final class Prefetched {

	private static final String KEY = Prefetched.class.getName();

	private Prefetched() {
	}

	/** Keeps the answer of the field at {@code path}, null included. */
	public static void put(GraphQLContext context, ResultPath path, @Nullable Object answer) {
		answers(context).put(path, new Answer(answer));
	}

	/**
	 * The answer read for this field by the statement above it, or what {@code load}
	 * loads when there is none.
	 */
	@SuppressWarnings("unchecked")
	public static <T> CompletableFuture<T> orLoad(DataFetchingEnvironment environment,
			Supplier<CompletableFuture<T>> load) {
		Map<ResultPath, Answer> answers = environment.getGraphQlContext().get(KEY);
		Answer answer = (answers != null) ? answers.get(environment.getExecutionStepInfo().getPath()) : null;
		return (answer != null) ? CompletableFuture.completedFuture((T) answer.value()) : load.get();
	}

	private static Map<ResultPath, Answer> answers(GraphQLContext context) {
		return context.computeIfAbsent(KEY, (key) -> new ConcurrentHashMap<ResultPath, Answer>());
	}

	/** An answer, which may be null, as a map value, which may not. */
	private record Answer(@Nullable Object value) {
	}

}

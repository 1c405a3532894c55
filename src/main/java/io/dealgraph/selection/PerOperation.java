package io.dealgraph.selection;

import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;

/**
 * What a top-level field works out from its operation alone, that is from its arguments
 * and its selection, kept with the operation for the next request that sends the same
 * document and variables: the statement a read compiles, with its parameters. Never what
 * the graph holds, which every request reads anew.
 * <p>
 * Compiling a single lookup's statement (reading the selection, building the text) was
 * about an eighth of its request-thread samples, for text that is the same every time.
 * Only top-level fields keep anything, by their response key: a nested field's path holds
 * list indexes, so its values would grow with the data.
 */
public final class PerOperation {

	private static final String KEY = PerOperation.class.getName();

	private PerOperation() {
	}

	/**
	 * Gives this request's fields what is kept with its operation; a request without it
	 * works everything out for itself.
	 */
	public static void attach(GraphQLContext context, Map<ResultPath, Object> kept) {
		context.put(KEY, kept);
	}

	/**
	 * The value the field at {@code path} worked out when its operation last ran with
	 * these variables, or {@code work}'s, kept for the next time. A refusal (an
	 * exception) is not kept.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T remembered(GraphQLContext context, ResultPath path, Supplier<T> work) {
		Map<ResultPath, Object> kept = context.get(KEY);
		if (kept == null || path.getLevel() != 1 || !path.isNamedSegment()) {
			return work.get();
		}
		Object value = kept.get(path);
		if (value == null) {
			value = work.get();
			kept.putIfAbsent(path, value);
		}
		return (T) value;
	}

}

package io.dealgraph.filter;

import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import io.dealgraph.graph.View;

/**
 * Carries a {@link View} from the top-level field that sets it to every field beneath, as
 * GraphQL's local context, which graphql-java hands from a field to its children until a
 * field replaces it. Only top-level fields set one.
 */
public final class Views {

	private static final String KEY = View.class.getName();

	private Views() {
	}

	/** The answer of a top-level field, with the view that its whole subtree sees. */
	public static <T> DataFetcherResult<T> seenAs(View view, T data) {
		return DataFetcherResult.<T>newResult().data(data).localContext(GraphQLContext.of(Map.of(KEY, view))).build();
	}

	/** The view set above this field; the graph as it is now when none was. */
	public static View of(DataFetchingEnvironment environment) {
		if (environment.getLocalContext() instanceof GraphQLContext context) {
			View view = context.get(KEY);
			if (view != null) {
				return view;
			}
		}
		return View.NOW;
	}

}

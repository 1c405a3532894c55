package io.dealgraph.errors;

import java.util.Map;

import graphql.GraphQLError;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription's stream that fails (a filter refused, a subscriber that fell behind)
 * ends with one GraphQL error carrying its stable code, as a query's failure does; our
 * own failures carry an error id that the log has too.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof ApiException api) {
			return ErrorResponses.graphQlError(api.code(), api.getMessage(), api.extensions(), null);
		}
		ErrorCode code = ErrorCode.of(ex);
		if (code != ErrorCode.INTERNAL) {
			return ErrorResponses.graphQlError(code, ErrorResponses.standardMessage(code), Map.of(), null);
		}
		String errorId = ErrorResponses.internalErrorId("subscription", ex);
		return ErrorResponses.graphQlError(code, "Internal error " + errorId, Map.of("errorId", errorId), null);
	}

}

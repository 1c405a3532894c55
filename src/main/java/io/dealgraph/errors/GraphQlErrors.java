package io.dealgraph.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.core.annotation.Order;

/**
 * The one place where failures become GraphQL errors. Every error leaves with a stable
 * {@code extensions.code}; no stack trace, class name or Cypher reaches a response. An
 * unexpected failure is logged with an id that the response carries, so a user's report
 * can be found in the log.
 */
// Inside RequestObservation (order 1), and after AccessRefusals among the exception
// resolvers.
@Order(2)
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		ErrorCode code = ErrorCode.of(ex);
		String message;
		Map<String, Object> more;
		if (ex instanceof ApiException api) {
			message = api.getMessage();
			more = api.extensions();
		}
		else if (code == ErrorCode.INTERNAL) {
			String errorId = ErrorResponses.internalErrorId(env.getExecutionStepInfo().getPath().toString(), ex);
			message = "Internal error " + errorId;
			more = Map.of("errorId", errorId);
		}
		else {
			if (code == ErrorCode.UNAVAILABLE) {
				log.warn("Neo4j unavailable: {}", ex.getMessage());
			}
			message = ErrorResponses.standardMessage(code);
			more = Map.of();
		}
		return ErrorResponses.graphQlError(code, message, more, env);
	}

	/**
	 * Errors raised by graphql-java itself (syntax, validation, an unknown enum value, a
	 * bad scalar) carry only a classification; give them the stable code too.
	 */
	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			if (response.getErrors().isEmpty()
					|| response.getErrors().stream().allMatch((e) -> e.getExtensions().containsKey("code"))) {
				return response;
			}
			List<GraphQLError> errors = response.getErrors().stream().map(GraphQlErrors::withCode).toList();
			return response.transform((builder) -> builder.errors(errors));
		});
	}

	private static GraphQLError withCode(ResponseError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		// Syntax, validation and bad argument values are the request's fault; anything
		// else graphql-java
		// raises on its own (a null where the schema promised none) is ours.
		boolean requestFault = error.getErrorType() == ErrorType.ValidationError
				|| error.getErrorType() == ErrorType.InvalidSyntax;
		// graphql-java's parser stops a document over its token or character limit with a
		// message that says so.
		boolean parserLimit = error.getMessage() != null && error.getMessage().contains("have been presented");
		if (!extensions.containsKey("code")) {
			if (parserLimit) {
				extensions.put("code", ErrorCode.LIMIT_EXCEEDED.name());
			}
			else if (requestFault) {
				extensions.put("code", ErrorCode.BAD_REQUEST.name());
			}
			else {
				String errorId = UUID.randomUUID().toString();
				log.error("Internal error {}: {} at {}", errorId, error.getMessage(), error.getPath());
				extensions.put("code", ErrorCode.INTERNAL.name());
				extensions.put("errorId", errorId);
			}
		}
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.errorType(error.getErrorType())
			.locations(error.getLocations())
			.path(error.getParsedPath())
			.extensions(extensions)
			.build();
	}

}

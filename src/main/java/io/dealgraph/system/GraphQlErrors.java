package io.dealgraph.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The one place where failures become GraphQL errors. Every error leaves with a stable
 * {@code extensions.code}; no stack trace, class name or Cypher reaches a response. An unexpected
 * failure is logged with an id that the response carries, so a user's report can be found in the log.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			Map<String, Object> extensions = new LinkedHashMap<>(api.extensions());
			extensions.put("code", api.code().name());
			return GraphqlErrorBuilder.newError(env)
				.errorType(classification(api.code()))
				.message(api.getMessage())
				.extensions(extensions)
				.build();
		}
		if (ex instanceof ServiceUnavailableException || ex instanceof SessionExpiredException) {
			log.warn("Neo4j unavailable: {}", ex.getMessage());
			return error(env, ErrorCode.UNAVAILABLE, "The database is unavailable; try again shortly.");
		}
		if (ex instanceof ClientException client && isTimeout(client.code())
				|| ex instanceof TransientException transientEx && isTimeout(transientEx.code())) {
			return error(env, ErrorCode.TIMEOUT, "The query took longer than the transaction timeout.");
		}
		String errorId = UUID.randomUUID().toString();
		log.error("Internal error {} at {}", errorId, env.getExecutionStepInfo().getPath(), ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.DataFetchingException)
			.message("Internal error " + errorId)
			.extensions(Map.of("code", ErrorCode.INTERNAL.name(), "errorId", errorId))
			.build();
	}

	private static boolean isTimeout(String neo4jCode) {
		return neo4jCode != null && neo4jCode.contains("TransactionTimedOut");
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(classification(code))
			.message(message)
			.extensions(Map.of("code", code.name()))
			.build();
	}

	private static ErrorClassification classification(ErrorCode code) {
		return (code == ErrorCode.BAD_REQUEST) ? ErrorType.ValidationError : ErrorType.DataFetchingException;
	}

	/**
	 * Errors raised by graphql-java itself (syntax, validation, an unknown enum value, a bad scalar) carry
	 * only a classification; give them the stable code too.
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
		// Syntax, validation and bad argument values are the request's fault; anything else graphql-java
		// raises on its own (a null where the schema promised none) is ours.
		boolean requestFault = error.getErrorType() == ErrorType.ValidationError
				|| error.getErrorType() == ErrorType.InvalidSyntax;
		if (!extensions.containsKey("code")) {
			if (requestFault) {
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

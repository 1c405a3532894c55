package io.dealgraph.errors;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The one writer of error responses: GraphQL errors ({@link #graphQlError}) for the
 * limits, the rate limit, refusals and failed fields, and plain HTTP answers for filters,
 * the exception handlers of the plain HTTP endpoints, the security entry point and the
 * servlet container's error page. The body has the shape of a GraphQL error,
 * {@code {"errors": [{"message", "extensions": {"code", ...}}]}}, so a client reads one
 * format whatever refused it. A browser that asks for a page ({@code Accept: text/html})
 * gets the same message as a plain HTML page instead.
 */
public final class ErrorResponses {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

	private ErrorResponses() {
	}

	/** The message of a code whose cause is never the request's to explain. */
	public static String standardMessage(ErrorCode code) {
		return switch (code) {
			case TIMEOUT -> "The query took longer than the transaction timeout and was stopped.";
			case UNAVAILABLE -> "The database is unavailable; try again shortly.";
			case NOT_FOUND -> "Nothing is at this address.";
			default -> code.status().getReasonPhrase() + ".";
		};
	}

	/**
	 * What an unexpected failure tells its client: an id that is also in the log, beside
	 * the failure itself, so a user's report can be found. Nothing of the failure leaves.
	 */
	public static String internalErrorId(String where, Throwable failure) {
		String errorId = UUID.randomUUID().toString();
		log.error("Internal error {} at {}", errorId, where, failure);
		return errorId;
	}

	/**
	 * A GraphQL error with its stable code in {@code extensions}, then {@code more}, at
	 * the field of {@code environment} when a field failed (null when the whole request
	 * is refused).
	 */
	public static GraphQLError graphQlError(ErrorCode code, String message, Map<String, Object> more,
			@Nullable DataFetchingEnvironment environment) {
		GraphqlErrorBuilder<?> builder = (environment != null) ? GraphqlErrorBuilder.newError(environment)
				: GraphqlErrorBuilder.newError();
		return builder.errorType(classification(code)).message(message).extensions(extensions(code, more)).build();
	}

	/** graphql-java's and Spring's classification of each code, as tools know them. */
	private static ErrorClassification classification(ErrorCode code) {
		return switch (code) {
			case BAD_REQUEST, PERSISTED_QUERY_NOT_FOUND, PERSISTED_QUERY_NOT_IN_LIST ->
				graphql.ErrorType.ValidationError;
			case LIMIT_EXCEEDED -> graphql.ErrorType.ExecutionAborted;
			case UNAUTHORIZED -> org.springframework.graphql.execution.ErrorType.UNAUTHORIZED;
			case FORBIDDEN -> org.springframework.graphql.execution.ErrorType.FORBIDDEN;
			default -> graphql.ErrorType.DataFetchingException;
		};
	}

	/** The {@code extensions} of an error: the code first, then anything more. */
	public static Map<String, Object> extensions(ErrorCode code, Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(more);
		return extensions;
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
			throws IOException {
		write(request, response, code.status(), code, message, Map.of());
	}

	/**
	 * Writes the error, replacing anything buffered. {@code status} is usually
	 * {@code code.status()}; an HTTP-level refusal may be more precise (405, 411, 413,
	 * 415).
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
			ErrorCode code, String message, Map<String, Object> more) throws IOException {
		if (response.isCommitted()) {
			// Part of an answer has left already: nothing can be said in its place.
			log.warn("{} after the response was committed: {}", code, message);
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		if (wantsPage(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(page(status, message));
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = Map.of("errors",
				List.of(Map.of("message", message, "extensions", extensions(code, more))));
		response.getWriter().write(JsonMapper.shared().writeValueAsString(body));
	}

	/**
	 * A browser navigating to a page names text/html; API clients (fetch, GraphiQL, curl)
	 * do not.
	 */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String page(HttpStatusCode status, String message) {
		String title = status.value() + " " + HtmlUtils.htmlEscape(reason(status));
		return """
				<!doctype html>
				<html lang="en">
				<head><meta charset="utf-8"><title>%s</title></head>
				<body>
				<h1>%s</h1>
				<p>%s</p>
				<p><a href="/">The Dealgraph explorer</a> · <a href="/graphiql">GraphiQL</a></p>
				</body>
				</html>
				""".formatted(title, title, HtmlUtils.htmlEscape(message));
	}

	private static String reason(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}

package io.dealgraph.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the plain HTTP endpoints (the export), with the same codes and body shape as
 * GraphQL errors and the HTTP status each code stands for.
 */
@RestControllerAdvice
class RestErrors {

	private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> api(ApiException ex) {
		return respond(ex.code(), ex.getMessage(), ex.extensions());
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> badParameter(Exception ex) {
		String message = (ex instanceof MethodArgumentTypeMismatchException mismatch)
				? "'" + mismatch.getName() + "' has a value that is not allowed."
				: "'" + ((MissingServletRequestParameterException) ex).getParameterName() + "' is required.";
		return respond(ErrorCode.BAD_REQUEST, message, Map.of());
	}

	/**
	 * A body that is no GraphQL request: not JSON, a batch array, a query that is not a
	 * string.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return respond(ErrorCode.BAD_REQUEST,
				"Bad request: send one JSON object {\"query\", \"variables\", \"operationName\"}; batches are not accepted.",
				Map.of());
	}

	/** Spring's own refusals (method, media type, not acceptable) keep their status. */
	@ExceptionHandler({ ErrorResponseException.class, HttpMediaTypeException.class,
			HttpRequestMethodNotSupportedException.class })
	ResponseEntity<Map<String, Object>> refused(Exception exception) {
		ErrorResponse ex = (ErrorResponse) exception;
		ErrorCode code = (ex.getStatusCode().value() == 404) ? ErrorCode.NOT_FOUND : ErrorCode.BAD_REQUEST;
		Map<String, Object> extensions = Map.of("code", code.name());
		return ResponseEntity.status(ex.getStatusCode())
			.body(Map.of("errors",
					List.of(Map.of("message", String.valueOf(ex.getBody().getDetail()), "extensions", extensions))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> other(Exception ex) {
		ErrorCode code = GraphQlErrors.codeOf(ex);
		if (code != ErrorCode.INTERNAL) {
			return respond(code, (code == ErrorCode.TIMEOUT) ? "The query took longer than the transaction timeout."
					: "The database is unavailable; try again shortly.", Map.of());
		}
		String errorId = UUID.randomUUID().toString();
		log.error("Internal error {}", errorId, ex);
		return respond(code, "Internal error " + errorId, Map.of("errorId", errorId));
	}

	private static ResponseEntity<Map<String, Object>> respond(ErrorCode code, String message,
			Map<String, Object> more) {
		HttpStatus status = switch (code) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case LIMIT_EXCEEDED -> HttpStatus.BAD_REQUEST;
			case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
		Map<String, Object> extensions = new LinkedHashMap<>(more);
		extensions.put("code", code.name());
		return ResponseEntity.status(status)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
	}

}

package io.dealgraph.errors;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Failures outside GraphQL's own error handling become error responses here: those of the
 * plain HTTP endpoints (the export), Spring MVC's refusals (an unknown address, a wrong
 * method or media type, an unreadable body) and whatever reaches the servlet container's
 * error page. A client's mistake gets its 4xx and code; only our own failures answer 5xx.
 */
@RestControllerAdvice
class HttpErrors {

	private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

	@ExceptionHandler(ApiException.class)
	void api(ApiException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ErrorResponses.write(request, response, ex.code().status(), ex.code(), ex.getMessage(), ex.extensions());
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	void badParameter(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String message = (ex instanceof MethodArgumentTypeMismatchException mismatch)
				? "'" + mismatch.getName() + "' has a value that is not allowed."
				: "'" + ((MissingServletRequestParameterException) ex).getParameterName() + "' is required.";
		ErrorResponses.write(request, response, ErrorCode.BAD_REQUEST, message);
	}

	/**
	 * A body that is no GraphQL request: not JSON, a batch array, a query that is not a
	 * string.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	void unreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ErrorResponses.write(request, response, ErrorCode.BAD_REQUEST,
				"Bad request: send one JSON object {\"query\", \"variables\", \"operationName\"}; batches are not accepted.");
	}

	@ExceptionHandler(Exception.class)
	void other(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(ex, request, response);
	}

	/**
	 * Answers for any failure: Spring's own refusals (an unknown address, a method or a
	 * media type not supported) keep their status and headers (such as {@code Allow});
	 * database failures are TIMEOUT or UNAVAILABLE; anything else is ours, logged with an
	 * id.
	 */
	static void respond(Throwable failure, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			// The client closed the connection before its answer was written (a timeout
			// on
			// its side, a closed tab): there is no one to answer and nothing went wrong
			// here.
			log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
			return;
		}
		if (failure instanceof ApiException api) {
			ErrorResponses.write(request, response, api.code().status(), api.code(), api.getMessage(),
					api.extensions());
			return;
		}
		if (failure instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			refusal.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			HttpStatusCode status = refusal.getStatusCode();
			String message = (failure instanceof NoResourceFoundException)
					? "Nothing is at " + request.getRequestURI() + "." : String.valueOf(refusal.getBody().getDetail());
			ErrorResponses.write(request, response, status, ErrorCode.forStatus(status.value()), message, Map.of());
			return;
		}
		ErrorCode code = ErrorCode.of(failure);
		if (code != ErrorCode.INTERNAL) {
			ErrorResponses.write(request, response, code, ErrorResponses.standardMessage(code));
			return;
		}
		String errorId = ErrorResponses.internalErrorId(request.getMethod() + " " + request.getRequestURI(), failure);
		ErrorResponses.write(request, response, code.status(), code, "Internal error " + errorId,
				Map.of("errorId", errorId));
	}

	/**
	 * The GraphQL endpoint takes POST only (GraphQL over HTTP, so no mutation rides a
	 * link); Spring GraphQL answers GET with a bare 405 and other methods not at all,
	 * which would read as an unknown address. Every other method answers 405 with the
	 * error body here; OPTIONS stays with CORS, and a WebSocket upgrade never gets this
	 * far.
	 */
	@Configuration(proxyBeanMethods = false)
	static class GraphQlEndpointMethods {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		RouterFunction<ServerResponse> onlyPostOnTheGraphQlEndpoint(
				@Value("${spring.graphql.http.path:/graphql}") String path) {
			RequestPredicate notPost = RequestPredicates.methods(HttpMethod.POST, HttpMethod.OPTIONS).negate();
			return RouterFunctions.route(RequestPredicates.path(path).and(notPost),
					(request) -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
						.header(HttpHeaders.ALLOW, HttpMethod.POST.name())
						.build((servletRequest, response) -> {
							ErrorResponses.write(servletRequest, response, HttpStatus.METHOD_NOT_ALLOWED,
									ErrorCode.BAD_REQUEST,
									"Send GraphQL requests with POST, not " + request.method() + ".", Map.of());
							return null;
						}));
		}

	}

	/**
	 * The servlet container's error page, for what failed before or outside Spring MVC: a
	 * status a filter or Tomcat set, or an exception from a filter. Replaces Spring
	 * Boot's, which answers 500 for an unknown address's exception and a whitelabel page
	 * for browsers.
	 */
	@Controller
	static class ErrorPage implements ErrorController {

		@RequestMapping("${server.error.path:/error}")
		void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
			if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
				respond(failure, request, response);
				return;
			}
			int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s) ? s
					: HttpStatus.NOT_FOUND.value();
			ErrorCode code = ErrorCode.forStatus(status);
			HttpStatus known = HttpStatus.resolve(status);
			String message = (code == ErrorCode.NOT_FOUND || known == null) ? ErrorResponses.standardMessage(code)
					: known.getReasonPhrase() + ".";
			ErrorResponses.write(request, response, HttpStatusCode.valueOf(status), code, message, Map.of());
		}

	}

}

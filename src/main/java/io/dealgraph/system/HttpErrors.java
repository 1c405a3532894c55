package io.dealgraph.system;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised outside GraphQL (a malformed body, a refused size, a rate limit) answer
 * in the same shape as GraphQL errors, {@code {"errors": [{"message", "extensions":
 * {"code"}}]}}, so a client reads one format.
 */
@Configuration(proxyBeanMethods = false)
public class HttpErrors {

	/** Writes an error response directly, for filters that answer before Spring MVC. */
	public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(JsonMapper.shared().writeValueAsString(body(code, message)));
	}

	static Map<String, Object> body(String code, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
	}

	@Bean
	DefaultErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> standard = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
				int status = (standard.get("status") instanceof Integer s) ? s : 500;
				String code = switch (status) {
					case 400, 405, 406, 415 -> ErrorCode.BAD_REQUEST.name();
					case 404 -> ErrorCode.NOT_FOUND.name();
					case 413 -> ErrorCode.LIMIT_EXCEEDED.name();
					case 429 -> ErrorCode.RATE_LIMITED.name();
					default -> ErrorCode.INTERNAL.name();
				};
				String reason = HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase()
						: "Error";
				String message = switch (status) {
					case 400 -> "Bad request: send one JSON object {\"query\", \"variables\", \"operationName\"}.";
					default -> reason + ".";
				};
				return body(code, message);
			}
		};
	}

}

package io.dealgraph.limits;

import java.io.IOException;
import java.util.Map;

import graphql.parser.ParserOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.core.annotation.Order;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * Size limits applied before a request is parsed: the body (413 beyond
 * {@code dealgraph.limits.max-body-bytes}) and the parser's tokens and characters, so a
 * huge or adversarial document costs little to refuse.
 */
// After the rate limit: a client that floods with oversized bodies is still turned away
// by
// its bucket; before anything reads the body.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
@Component
class RequestSizeLimits extends OncePerRequestFilter {

	static final int MAX_TOKENS = 15_000;

	static final int MAX_CHARACTERS = 200_000;

	static {
		ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(MAX_TOKENS).maxCharacters(MAX_CHARACTERS)));
	}

	private final long maxBodyBytes;

	RequestSizeLimits(LimitSettings settings) {
		this.maxBodyBytes = settings.maxBodyBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
			// A body of unknown length could be of any size: ask for one that says its
			// length.
			ErrorResponses.write(request, response, HttpStatus.LENGTH_REQUIRED, ErrorCode.BAD_REQUEST,
					"Send the request body with a Content-Length.", Map.of());
			return;
		}
		if (length > this.maxBodyBytes) {
			ErrorResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED,
					"Request body over its limit: " + length + " bytes > " + this.maxBodyBytes + " bytes.", Map.of());
			return;
		}
		chain.doFilter(request, response);
	}

}

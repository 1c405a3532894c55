package io.dealgraph.limits;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.core.annotation.Order;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * Turns away clients whose bucket is empty with 429 and Retry-After, before any work.
 * Runs after Spring Security, so an editor is counted by credential and not by address.
 * Every address is limited but those that serve files or probes: the GraphQL endpoint
 * (charged by {@link RequestObservation} with the result nodes each request returns), the
 * export, and any endpoint added later, which are charged by the size of their answer.
 */
// Right after Spring Security's filter chain: the client is the credential it
// authenticated.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
@Component
class RateLimitFilter extends OncePerRequestFilter {

	/** The client a request is charged to, for {@link RequestObservation}. */
	static final String CLIENT = RateLimitFilter.class.getName() + ".client";

	/**
	 * What a result node weighs as JSON, about: an answer outside GraphQL is charged one
	 * unit per this many bytes, like a GraphQL answer of the same size.
	 */
	static final int BYTES_PER_NODE = 32;

	/** The pages' files and the probes: they never read the graph. */
	private static final Set<String> FREE = Set.of("/", "/index.html", "/graphiql", "/favicon.ico", "/livez", "/readyz",
			"/startupz", "/error");

	private static final List<String> FREE_PREFIXES = List.of("/explorer/", "/graphiql/", "/webjars/", "/actuator/");

	/** Spring Security's answer to "signed in, not anonymous". */
	private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

	private final RateLimits limits;

	private final String graphQlPath;

	RateLimitFilter(RateLimits limits, @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		this.limits = limits;
		this.graphQlPath = graphQlPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return FREE.contains(path) || FREE_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		String client = SIGNED_IN.isAuthenticated(authentication) ? "user:" + authentication.getName()
				: "ip:" + request.getRemoteAddr();
		long retryAfter = this.limits.retryAfterSeconds(client);
		if (retryAfter > 0) {
			response.setHeader("Retry-After", Long.toString(retryAfter));
			ErrorResponses.write(request, response, ErrorCode.RATE_LIMITED,
					"Too many requests: try again in " + retryAfter + " s.");
			return;
		}
		request.setAttribute(CLIENT, client);
		if (request.getRequestURI().equals(this.graphQlPath)) {
			chain.doFilter(request, response);
			return;
		}
		var counted = new CountingResponse(response);
		try {
			chain.doFilter(request, counted);
		}
		finally {
			this.limits.charge(client, Math.max(1, counted.bytes() / BYTES_PER_NODE), false);
		}
	}

	/** Counts what an answer writes, as bytes or characters. */
	private static final class CountingResponse extends HttpServletResponseWrapper {

		private long written;

		private @Nullable ServletOutputStream stream;

		private @Nullable PrintWriter writer;

		CountingResponse(HttpServletResponse response) {
			super(response);
		}

		long bytes() {
			return this.written;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				ServletOutputStream out = super.getOutputStream();
				this.stream = new ServletOutputStream() {
					@Override
					public void write(int b) throws IOException {
						CountingResponse.this.written++;
						out.write(b);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) throws IOException {
						CountingResponse.this.written += length;
						out.write(bytes, offset, length);
					}

					@Override
					public void flush() throws IOException {
						out.flush();
					}

					@Override
					public boolean isReady() {
						return out.isReady();
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						out.setWriteListener(listener);
					}
				};
			}
			return this.stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				PrintWriter out = super.getWriter();
				this.writer = new PrintWriter(new Writer() {
					@Override
					public void write(char[] chars, int offset, int length) {
						CountingResponse.this.written += length;
						out.write(chars, offset, length);
					}

					@Override
					public void flush() {
						out.flush();
					}

					@Override
					public void close() {
						out.close();
					}
				});
			}
			return this.writer;
		}

	}

}

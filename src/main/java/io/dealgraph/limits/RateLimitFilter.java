package io.dealgraph.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away clients whose bucket is empty with 429 and Retry-After, before any work.
 * Runs after Spring Security, so an editor is counted by credential and not by address.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

	/** The client a request is charged to, for {@link RequestObservation}. */
	static final String CLIENT = RateLimitFilter.class.getName() + ".client";

	private final RateLimits limits;

	RateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/graphql") || path.startsWith("/export"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		String client = (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? "user:" + authentication.getName()
						: "ip:" + request.getRemoteAddr();
		long retryAfter = this.limits.retryAfterSeconds(client);
		if (retryAfter > 0) {
			response.setHeader("Retry-After", Long.toString(retryAfter));
			ErrorResponses.write(request, response, ErrorCode.RATE_LIMITED,
					"Too many requests: try again in " + retryAfter + " s.");
			return;
		}
		request.setAttribute(CLIENT, client);
		if (request.getRequestURI().startsWith("/export")) {
			this.limits.charge(client, 1000, false);
		}
		chain.doFilter(request, response);
	}

}

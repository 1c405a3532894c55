package io.dealgraph.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. A bearer that is no known key
 * and does not look like a JWT is remembered as an invalid credential, so that a mutation
 * can answer UNAUTHORIZED; reads stay public and ignore it.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String INVALID_CREDENTIAL = ApiKeyAuthenticationFilter.class.getName() + ".invalid";

	private final ApiKeys keys;

	ApiKeyAuthenticationFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			var holder = this.keys.holderOf(token);
			if (holder.isPresent()) {
				List<SimpleGrantedAuthority> authorities = (holder.get().role() == Role.ADMIN)
						? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
								new SimpleGrantedAuthority(Role.EDITOR.authority()))
						: List.of(new SimpleGrantedAuthority(Role.EDITOR.authority()));
				var authentication = UsernamePasswordAuthenticationToken.authenticated(holder.get().label(), null,
						authorities);
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
			else if (!JwtBearer.looksLikeJwt(token)) {
				request.setAttribute(INVALID_CREDENTIAL, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

}

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
 * and does not look like a JWT is kept as an {@link InvalidCredential}, so that a refused
 * mutation can say so; reads stay public and ignore it.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

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
				// Only the key's own role: the role hierarchy says what it implies.
				var authentication = UsernamePasswordAuthenticationToken.authenticated(holder.get().label(), null,
						List.of(new SimpleGrantedAuthority(holder.get().role().authority())));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
			else if (!JwtBearer.looksLikeJwt(token)) {
				SecurityContextHolder.getContext().setAuthentication(new InvalidCredential());
			}
		}
		chain.doFilter(request, response);
	}

}

package io.dealgraph.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A bearer credential that is neither a known API key nor a JWT. Kept in the security
 * context, never authenticated, so that a refused mutation can say the credential was
 * wrong rather than missing; reads stay public and ignore it.
 */
final class InvalidCredential extends AbstractAuthenticationToken {

	InvalidCredential() {
		super(List.of());
		setAuthenticated(false);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "invalid credential";
	}

}

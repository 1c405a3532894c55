package io.dealgraph.security;

import java.util.regex.Pattern;

/** Tells JWTs apart from API keys, so each bearer goes to the right check. */
final class JwtBearer {

	private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private JwtBearer() {
	}

	static boolean looksLikeJwt(String token) {
		return JWT.matcher(token).matches();
	}

}

package io.dealgraph.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;

/**
 * The check every mutation makes first: who is calling, and may they? Anonymous or
 * invalid credentials answer UNAUTHORIZED, a valid credential without the role FORBIDDEN;
 * nothing has been written by then.
 */
@Component
public class Access {

	/**
	 * Requires {@code role} and returns the caller's principal name for the audit log.
	 */
	public String require(Role role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean authenticated = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		if (!authenticated) {
			throw new ApiException(ErrorCode.UNAUTHORIZED,
					invalidCredential()
							? "The credential is not valid: send 'Authorization: Bearer <key>' with an editor key."
							: "Writing needs an editor credential: send 'Authorization: Bearer <key>'.");
		}
		boolean allowed = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals(role.authority()));
		if (!allowed) {
			throw new ApiException(ErrorCode.FORBIDDEN, "This needs the " + role + " role.");
		}
		return authentication.getName();
	}

	private static boolean invalidCredential() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes != null && attributes.getAttribute(ApiKeyAuthenticationFilter.INVALID_CREDENTIAL,
				RequestAttributes.SCOPE_REQUEST) != null;
	}

}

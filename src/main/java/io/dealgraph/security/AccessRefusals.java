package io.dealgraph.security;

import java.util.Map;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SecurityDataFetcherExceptionResolver;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Spring for GraphQL's resolver of security exceptions (a mutation's
 * {@code @PreAuthorize} refusing the caller), with the API's error model on top: the
 * stable code and a message that says what to send. A caller with no credential, or one
 * that is not valid, is {@code UNAUTHORIZED}; a valid credential without the role
 * {@code FORBIDDEN}. Ordered before {@code GraphQlErrors}, which would take any failure
 * for an internal one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessRefusals extends SecurityDataFetcherExceptionResolver {

	/** Anonymous, or holding a credential that did not authenticate. */
	private static final AuthenticationTrustResolver NOT_SIGNED_IN = new AuthenticationTrustResolverImpl() {
		@Override
		public boolean isAnonymous(@Nullable Authentication authentication) {
			return authentication == null || super.isAnonymous(authentication) || !authentication.isAuthenticated();
		}
	};

	AccessRefusals() {
		setAuthenticationTrustResolver(NOT_SIGNED_IN);
	}

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
		GraphQLError refused = super.resolveToSingleError(ex, environment);
		if (refused == null) {
			return null;
		}
		boolean unauthorized = refused.getErrorType() == ErrorType.UNAUTHORIZED;
		String message;
		if (!unauthorized) {
			message = "Your credential's role does not allow '" + environment.getField().getName() + "'.";
		}
		else if (SecurityContextHolder.getContext().getAuthentication() instanceof InvalidCredential) {
			message = "The credential is not valid: send 'Authorization: Bearer <key>' with an editor key.";
		}
		else {
			message = "Writing needs an editor credential: send 'Authorization: Bearer <key>'.";
		}
		return ErrorResponses.graphQlError(unauthorized ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN, message,
				Map.of(), environment);
	}

}

package io.dealgraph.security;

import java.util.Arrays;
import java.util.List;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request is let through: reads are public, and each mutation states the role it
 * needs ({@code @PreAuthorize}), so that a refusal is a GraphQL error with a code
 * ({@link AccessRefusals}) rather than a bare 401. Credentials are read when present: API
 * keys always, JWTs when a decoder is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code public-key-location}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** The claim that carries a JWT holder's roles, e.g. {@code ["EDITOR"]}. */
	static final String ROLES_CLAIM = "roles";

	/**
	 * The pages load everything from this host: their libraries are served from WebJars,
	 * so a newsroom offline still has them, and a page cannot leak what its reader looks
	 * at to anyone else. Inline styles are allowed because GraphiQL and Cytoscape set
	 * them; inline scripts are not.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * An admin may do whatever an editor may. Static, as the method security
	 * infrastructure that reads it is built before this configuration.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(Role.EDITOR.name()).build();
	}

	/**
	 * Spring Security observes nothing: its spans say little here (every request is let
	 * through; a mutation's refusal is a GraphQL error, counted by its code), and turning
	 * them off by name ({@code management.observations.enable}) still wrapped each filter
	 * of the chain in an observation on every request, about a tenth of a small read's
	 * request-thread time. Every request is still timed whole
	 * ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, ObjectProvider<JwtDecoder> jwtDecoder)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// Bearer credentials only, no cookies: there is no session for a forged
			// request to ride on.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			// No session to end: left on, /logout answered any method with a redirect to
			// a login page that does not exist.
			.logout((logout) -> logout.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				// Every page refuses to be framed but the reconciliation preview, which
				// OpenRefine shows in a frame of its own page (it sets its own policy).
				.frameOptions((frames) -> frames.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(
								PathPatternRequestMatcher.withDefaults().matcher("/reconcile/preview")),
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY))))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), BearerTokenAuthenticationFilter.class);
		if (jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer((server) -> server.bearerTokenResolver(jwtsOnly())
				.authenticationEntryPoint(SecurityConfiguration::invalidToken)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(SecurityConfiguration::withRoles)));
		}
		return http.build();
	}

	/**
	 * A JWT that fails its checks (signature, expiry) ends the request with 401, answered
	 * like any other GraphQL error so that clients read one error format.
	 */
	private static void invalidToken(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		ErrorResponses.write(request, response, ErrorCode.UNAUTHORIZED, "The credential is not valid.");
	}

	/** API keys are not JWTs: leave them to the API key filter. */
	private static BearerTokenResolver jwtsOnly() {
		var resolver = new DefaultBearerTokenResolver();
		return (HttpServletRequest request) -> {
			String token = resolver.resolve(request);
			return (token != null && JwtBearer.looksLikeJwt(token)) ? token : null;
		};
	}

	private static AbstractAuthenticationToken withRoles(Jwt jwt) {
		// Only the roles the token names: the role hierarchy says what they imply.
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		List<GrantedAuthority> authorities = (roles == null) ? List.of()
				: Arrays.stream(Role.values())
					.filter((role) -> roles.contains(role.name()))
					.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority()))
					.toList();
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

}

package io.dealgraph.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The credentials the tests write with: an editor and an admin API key, and an RSA key
 * pair whose public half the app trusts for JWTs, so both ways of authenticating are
 * exercised for real.
 */
public final class TestCredentials implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String EDITOR_KEY = "test-editor-key-1";

	public static final String ADMIN_KEY = "test-admin-key-1";

	private static final KeyPair KEYS = generate();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("dealgraph-test-credentials", Map.of("dealgraph.security.editor-keys",
					EDITOR_KEY + ",test-editor-key-2", "dealgraph.security.admin-keys", ADMIN_KEY,
					"spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKeyFile())));
	}

	/** A JWT for {@code subject} with the given roles, signed with the trusted key. */
	public static String jwt(String subject, String... roles) {
		try {
			var claims = new JWTClaimsSet.Builder().subject(subject)
				.claim("roles", List.of(roles))
				.issueTime(Date.from(Instant.now()))
				.expirationTime(Date.from(Instant.now().plusSeconds(600)))
				.build();
			var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path publicKeyFile() {
		try {
			Path file = Files.createTempFile("dealgraph-test-jwt", ".pem");
			file.toFile().deleteOnExit();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			return Files.writeString(file, pem);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.dealgraph.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the Neo4j that a test run talks to, before any bean exists. By default the
 * app's own embedded mode starts in a fresh temporary store. With
 * {@code -Ddealgraph.test.neo4j=server -Ddealgraph.test.neo4j.version=5.26.19} the same
 * tests run against that Neo4j release started as a server in its own JVM
 * ({@link Neo4jServerProcess}), reached by {@code spring.neo4j.uri} as production reaches
 * one. With {@code -Ddealgraph.test.neo4j=container} they run against a Neo4j container;
 * without Docker they are skipped by {@link Neo4jBackend}.
 */
public final class TestNeo4j implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BACKEND_PROPERTY = "dealgraph.test.neo4j";

	private static Neo4jContainer container;

	static final String VERSION_PROPERTY = "dealgraph.test.neo4j.version";

	private static Neo4jServerProcess server;

	static boolean containerRequested() {
		return "container".equals(System.getProperty(BACKEND_PROPERTY));
	}

	static boolean serverRequested() {
		return "server".equals(System.getProperty(BACKEND_PROPERTY));
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = containerRequested() ? containerProperties()
				: serverRequested() ? serverProperties() : embeddedProperties();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("dealgraph-test-neo4j", properties));
	}

	private static Map<String, Object> embeddedProperties() {
		return Map.of("dealgraph.embedded.data-directory", temporaryStore().toString());
	}

	private static synchronized Map<String, Object> containerProperties() {
		if (container == null) {
			container = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();
			container.start();
		}
		return Map.of("spring.neo4j.uri", container.getBoltUrl(), "spring.neo4j.authentication.password", "");
	}

	private static synchronized Map<String, Object> serverProperties() {
		if (server == null) {
			server = Neo4jServerProcess.start(System.getProperty(VERSION_PROPERTY));
		}
		return Map.of("spring.neo4j.uri", server.boltUri(), "spring.neo4j.authentication.password", "");
	}

	/** A new empty store; the app deletes nothing, so the JVM removes it on exit. */
	public static Path temporaryStore() {
		try {
			Path store = Files.createTempDirectory("dealgraph-test-");
			store.toFile().deleteOnExit();
			return store;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

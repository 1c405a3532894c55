package io.dealgraph.neo4j;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the in-process Neo4j runs when no {@code spring.neo4j.uri} is set.
 *
 * @param dataDirectory the Neo4j home: the store and Neo4j's own logs live below it
 * @param boltPort the loopback port for Bolt; 0 picks a free one
 */
@ConfigurationProperties("dealgraph.embedded")
public record EmbeddedNeo4jProperties(Path dataDirectory, int boltPort) {
}

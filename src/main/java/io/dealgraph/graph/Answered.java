package io.dealgraph.graph;

import org.neo4j.driver.Value;

/**
 * A value read by a statement, with the answers its {@link Beneath} read beneath it, for
 * the read compiler to hand to the nested fields.
 */
public record Answered<T>(T value, Value beneath) {
}

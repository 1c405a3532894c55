package io.dealgraph.cypher;

/**
 * The statement of one page, and the keyset that reads the cursors of its rows' sort
 * values.
 */
public record PageStatement(Statement statement, Keyset keyset) {

}

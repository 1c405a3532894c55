package io.dealgraph.graph;

/**
 * The Cypher that reads, for one bound variable of a statement, everything a response
 * needs of it and beneath it: its projection, subquery calls, and a map expression of
 * their answers that the statement returns beside the projection. Built by the read
 * compiler, slotted into a statement by the queries that own it.
 *
 * @param projection the variable as a map with what the response selected of it, such as
 * {@code o {.id, .kind, .name}}
 * @param calls {@code CALL (variable) { ... }} subqueries, one per nested field; may be
 * empty
 * @param answers a map expression over the calls' columns, such as {@code {r0: c4, r1:
 * c7}}
 */
public record Beneath(String projection, String calls, String answers) {
}

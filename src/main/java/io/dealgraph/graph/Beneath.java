package io.dealgraph.graph;

/**
 * The Cypher that reads, for one bound variable of a statement, everything a response
 * needs beneath it: subquery calls, and a map expression of their answers that the
 * statement returns beside the variable's own projection. Built by the read compiler,
 * slotted into a statement by the queries that own it.
 *
 * @param calls {@code CALL (variable) { ... }} subqueries, one per nested field; may be
 * empty
 * @param answers a map expression over the calls' columns, such as {@code {r0: c4, r1:
 * c7}}
 */
public record Beneath(String calls, String answers) {

	/** Nothing beneath: no calls, an empty map. */
	public static final Beneath NOTHING = new Beneath("", "{}");

}

/**
 * Every Cypher statement Dealgraph runs, written out whole, with named slots filled from
 * the graph model's parts ({@code io.dealgraph.graph}) and the filter compiler; every
 * value is a parameter, and each statement's Javadoc names the parameters it reads.
 *
 * <p>
 * One class per feature ({@code DealStatements}, {@code TimelineStatements}, ...) holds
 * that feature's statements, so a reader finds all of them here; the only other Cypher is
 * the model's parts and the subqueries the read compiler ({@code read/ReadCypher}) nests
 * from them. The feature's queries or writes class runs them through the one executor,
 * with their parameters, and maps the records it gets back beside the call. This package
 * depends on the model, the filter inputs, paging, sources' confidence and the error
 * codes only, never on a feature, so no feature can reach around the model through it.
 */
package io.dealgraph.cypher;

package io.dealgraph.support;

import java.util.Map;

import io.dealgraph.neo4j.CypherExecutor;

/**
 * Removes what write tests add to the shared seed graph: deals with editor ids
 * ({@code D-...}), organizations whose id starts with {@code test-} with their deals, and
 * the audit, idempotency and merge records. Seed deals keep their research ids, so they
 * are never touched.
 */
public final class TestWrites {

	private TestWrites() {
	}

	public static void remove(CypherExecutor cypher) {
		cypher.write((tx) -> {
			tx.run("MATCH (r:Deal) WHERE r.id STARTS WITH 'D-' DETACH DELETE r", Map.of());
			tx.run("MATCH (r:Deal) WHERE EXISTS { (r)-[:FROM|TO]->(o:Organization) WHERE o.id STARTS WITH 'test-' } "
					+ "DETACH DELETE r", Map.of());
			tx.run("MATCH (o:Organization)-[:HAS_FACT]->(f:Fact) WHERE o.id STARTS WITH 'test-' DETACH DELETE f",
					Map.of());
			tx.run("MATCH (o:Organization) WHERE o.id STARTS WITH 'test-' DETACH DELETE o", Map.of());
			tx.run("MATCH (n) WHERE n:Change OR n:IdempotencyKey OR n:MergedId DETACH DELETE n", Map.of());
			return null;
		});
	}

}

package io.dealgraph.support;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.dealgraph.neo4j.CypherExecutor;

/**
 * Independent answers straight from the database, written in plain Cypher, to check what
 * the API says against; and the counts a test uses to prove that bad input changed
 * nothing.
 */
public final class Graph {

	private final CypherExecutor cypher;

	public Graph(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** The sorted ids that a Cypher query returns in its column {@code id}. */
	public TreeSet<String> ids(String query) {
		return ids(query, Map.of());
	}

	public TreeSet<String> ids(String query, Map<String, Object> parameters) {
		TreeSet<String> ids = new TreeSet<>();
		this.cypher.read(query, parameters).forEach((row) -> ids.add(row.get("id").asString()));
		return ids;
	}

	/**
	 * The ids of the deals an organization is a party to and that are not retracted: what
	 * its {@code deals} answer in the graph as it is now.
	 */
	public TreeSet<String> visibleDealsOf(String organization) {
		return ids("""
				MATCH (:Organization {id: $id})<-[:FROM|TO]-(r:Deal) WHERE r.retractedAt IS NULL
				RETURN r.id AS id
				""", Map.of("id", organization));
	}

	/** The rows a Cypher query returns, each column read as text. */
	public List<Map<String, String>> rows(String query, Map<String, Object> parameters) {
		return this.cypher.read(query, parameters)
			.stream()
			.map((row) -> row.asMap((value) -> value.isNull() ? null : value.asString()))
			.toList();
	}

	/** Node count, relationship count and the number of properties in the whole graph. */
	public List<Long> counts() {
		var row = this.cypher.read("""
				CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS relProperties }
				RETURN nodes, relationships, nodeProperties + relProperties AS properties
				""", Map.of()).getFirst();
		return List.of(row.get("nodes").asLong(), row.get("relationships").asLong(), row.get("properties").asLong());
	}

}

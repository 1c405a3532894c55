package io.dealgraph.cypher;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;

/**
 * The statements that write deals, and the reads a write needs inside its transaction.
 * They run in a caller's write transaction, so a batch commits whole or not at all. Deals
 * are stored as {@link DealStorage} says; labels come from {@link DealType} only. The
 * statements that read deals are in {@link DealStatements}.
 */
public final class DealWriteStatements {

	/**
	 * One statement for a batch of deals of any types: a new deal gets its type's label
	 * from the row, a dynamic label whose value is {@link DealType#label()}, never user
	 * text. A deal that exists keeps its version and any retraction: loading a batch
	 * again is not an edit. The uniqueness constraint on the deal id makes racing writers
	 * of one id queue up on the MERGE instead of creating two. Reads {@code $rows}, each
	 * with {@code fromId}, {@code toId}, {@code label} and {@code properties}; returns
	 * one row of {@code written}, how many rows found both their parties.
	 */
	public static final String UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MATCH (from:{{organization}} {id: row.fromId}), (to:{{organization}} {id: row.toId})
			MERGE {{deal}}
			ON CREATE SET r = row.properties, r.version = 1, r:$(row.label)
			ON MATCH SET r += row.properties
			MERGE (r)-[:{{fromParty}}]->(from)
			MERGE (r)-[:{{toParty}}]->(to)
			RETURN count(*) AS written
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("deal", DealStorage.byId("r", "row.properties.id"))
		.with("fromParty", DealStorage.FROM)
		.with("toParty", DealStorage.TO)
		.build();

	/**
	 * Removes the deals with ids {@code $ids}. Deals whose type or parties changed since
	 * they were written are removed first, so that the upsert writes each whole again
	 * with its new label and parties, as a new deal. Returns nothing.
	 */
	public static final String REMOVE = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}
			DETACH DELETE r
			""").with("deal", DealStorage.byId("r", "id")).build();

	/**
	 * Locks the deal {@code $id}, so concurrent edits queue up behind it: Cypher takes
	 * the write lock before it reads a property it increments in the same SET, and a SET
	 * that changes nothing would take no lock at all. Returns one row of {@code found}, 0
	 * or 1.
	 */
	public static final String LOCK = CypherText.of("""
			MATCH {{deal}}
			SET r.writes = coalesce(r.writes, 0) + 1
			RETURN count(r) AS found
			""").with("deal", DealStorage.byId("r", "$id")).build();

	/**
	 * The deals with ids {@code $ids}, in the order given; returns {@code deal}, one row
	 * per deal found. The parties are read from each deal found, never matched: a plan
	 * cached while the graph had few deals once joined them from the organizations' side,
	 * and the first import into an empty graph slowed down with every batch until Neo4j
	 * planned it again.
	 */
	public static final String FIND = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}
			RETURN {{projection}} AS deal
			""").with("deal", DealStorage.byId("r", "id")).with("projection", DealStorage.projection("r")).build();

	/**
	 * Sets {@code $properties} on the deal {@code $id}; returns one row of {@code deal},
	 * as it then stands, with its parties.
	 */
	public static final String SET = CypherText.of("""
			MATCH {{deal}}, {{parties}}
			SET r += $properties
			RETURN {{projection}} AS deal
			""")
		.with("deal", DealStorage.byId("r", "$id"))
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("projection", DealStorage.projection("r", "a", "b"))
		.build();

	private DealWriteStatements() {
	}

}

package io.dealgraph.cypher;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.ChangeStorage;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.paging.SortKey;

/**
 * The audit log's statements: the one that records writes, in the transaction that makes
 * them, and those that read the log back, newest first by keyset pages, or in the log's
 * order for an entity's history and for the events each instance publishes.
 */
public final class AuditStatements {

	/**
	 * Records a batch of changes, each numbered from the one counter, pointing
	 * {@code ABOUT} the organizations its states name, and kept by the deal it wrote as
	 * its last change. Reads {@code $changes} (each with its {@code properties} and the
	 * ids it is {@code about}); returns one row per change: {@code target} and
	 * {@code seq}.
	 *
	 * <p>
	 * Counting on the counter itself takes its write lock before reading it (Neo4j locks
	 * a node whose property a {@code SET} reads), so two writes never take the same
	 * numbers.
	 */
	public static final String RECORD = CypherText.of("""
			MERGE (s:{{changeSequence}} {name: 'audit'})
			  ON CREATE SET s.last = 0
			SET s.last = s.last + size($changes)
			WITH s.last - size($changes) AS before
			UNWIND range(0, size($changes) - 1) AS i
			WITH before + i + 1 AS seq, $changes[i] AS change
			CREATE (c:{{change}})
			SET c = change.properties, c.seq = seq
			WITH c, change
			CALL (c, change) {
			  UNWIND change.about AS key
			  MATCH (o:{{organization}} {id: key})
			  MERGE (c)-[:{{about}}]->(o)
			}
			CALL (c) {
			  MATCH {{deal}}
			  SET {{lastChange}} = c.seq
			}
			RETURN c.target AS target, c.seq AS seq
			""")
		.with("changeSequence", ChangeStorage.SEQUENCE)
		.with("change", ChangeStorage.CHANGE)
		.with("organization", DealStorage.ORGANIZATION)
		.with("about", ChangeStorage.ABOUT)
		.with("deal", DealStorage.byId("d", "c.target"))
		.with("lastChange", DealStorage.property("d", DealStorage.LAST_CHANGE))
		.build();

	/** The log's order for its pages: newest first, by time and then id. */
	public static final Keyset NEWEST_FIRST = new Keyset(List.of(new SortKey("at", "c.at", false, true, true)), "c.id",
			true);

	/**
	 * A keyset page of the changes since {@code $since} by {@code $by} (either may be
	 * null), newest first, {@code $limit} of them.
	 */
	private static final CypherText CHANGES = CypherText.of("""
			MATCH (c:{{change}})
			WHERE ($since IS NULL OR c.at >= $since) AND ($by IS NULL OR c.by = $by) AND {{after}}
			WITH c ORDER BY {{orderBy}} LIMIT $limit
			RETURN c {.*} AS change, {{sortValues}} AS sortValues
			""").with("change", ChangeStorage.CHANGE);

	/**
	 * The change with an id. Reads {@code $id}; returns {@code change}, its properties,
	 * or no row.
	 */
	public static final String CHANGE_BY_ID = CypherText.of("""
			MATCH (c:{{change}} {id: $id})
			RETURN c {.*} AS change
			""").with("change", ChangeStorage.CHANGE).build();

	/**
	 * The changes to each of these entities, in the order of the log. Reads
	 * {@code $targets}; returns one row per entity that has changes: {@code target} and
	 * {@code changes}, the list of their properties.
	 */
	public static final String HISTORIES = CypherText.of("""
			UNWIND $targets AS target
			MATCH (c:{{change}} {target: target})
			WITH target, c ORDER BY c.seq
			RETURN target, collect(c {.*}) AS changes
			""").with("change", ChangeStorage.CHANGE).build();

	/**
	 * The other entities whose changes named an organization: the deals that had it as a
	 * party, before or after a change. Reads {@code $id}; returns {@code target}, one row
	 * each.
	 */
	public static final String CONCERNING = CypherText.of("""
			MATCH (:{{organization}} {id: $id})<-[:{{about}}]-(c:{{change}})
			WHERE c.target <> $id
			RETURN DISTINCT c.target AS target
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("about", ChangeStorage.ABOUT)
		.with("change", ChangeStorage.CHANGE)
		.build();

	/**
	 * The changes after a number, in the log's order, a batch at a time: what each
	 * instance follows to publish events. The unique index on {@code seq} serves both the
	 * range and the order. Reads {@code $after} and {@code $limit}; returns
	 * {@code change}, its properties, one row each.
	 */
	public static final String CHANGES_AFTER = CypherText.of("""
			MATCH (c:{{change}})
			WHERE c.seq > $after
			WITH c ORDER BY c.seq LIMIT $limit
			RETURN c {.*} AS change
			""").with("change", ChangeStorage.CHANGE).build();

	/**
	 * The number of the last change in the log; 0 before the first. Reads nothing;
	 * returns {@code last}.
	 */
	public static final String LAST_SEQUENCE = CypherText.of("""
			OPTIONAL MATCH (s:{{changeSequence}} {name: 'audit'})
			RETURN coalesce(s.last, 0) AS last
			""").with("changeSequence", ChangeStorage.SEQUENCE).build();

	/**
	 * Whether something has an id: for a readable key given to {@code node(id:)}. Reads
	 * {@code $id}; returns {@code holds}.
	 */
	public static final String HOLDS = CypherText.of("RETURN EXISTS { MATCH (:{{change}} {id: $id}) } AS holds")
		.with("change", ChangeStorage.CHANGE)
		.build();

	private AuditStatements() {
	}

	/**
	 * A page of the changes made since a time and by a writer, when given, in
	 * {@code keyset}'s order (one of {@link #NEWEST_FIRST}'s directions) after
	 * {@code cursor}. Reads {@code $since}, {@code $by}, {@code $limit} and the
	 * parameters the keyset adds to {@code parameters}; returns {@code change}, its
	 * properties, and {@code sortValues}, one row each.
	 */
	public static String changes(CypherFilter filter, Keyset keyset, @Nullable String cursor) {
		return CHANGES.with("sortValues", keyset.sortValues(filter::parameter))
			.with("after", keyset.after(cursor, filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.build();
	}

}

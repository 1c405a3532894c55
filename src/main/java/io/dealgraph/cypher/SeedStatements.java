package io.dealgraph.cypher;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.HousekeepingStorage;

/**
 * The seed loader's statements: the marker that says whether a load is under way or done,
 * and of which revision of which seed; the seed's deals an editor has changed since; and
 * the context events. The organizations, deals and sites of the seed are written by their
 * features' own statements.
 */
public final class SeedStatements {

	/**
	 * The seed's marker and the size of the graph. Reads nothing; returns one row:
	 * {@code state}, {@code location} and {@code revision} (null without a marker) and
	 * {@code organizations}, how many the graph holds.
	 */
	public static final String STATE = CypherText.of("""
			OPTIONAL MATCH (marker:{{seedMarker}} {name: 'seed'})
			RETURN marker.state AS state, marker.location AS location, marker.revision AS revision,
			       COUNT { (o:{{organization}}) } AS organizations
			""")
		.with("seedMarker", HousekeepingStorage.SEED_MARKER)
		.with("organization", DealStorage.ORGANIZATION)
		.build();

	/**
	 * Sets the seed's marker. Reads {@code $state}, {@code $location} and
	 * {@code $revision}; returns nothing.
	 */
	public static final String MARK = CypherText.of("""
			MERGE (marker:{{seedMarker}} {name: 'seed'})
			SET marker.state = $state, marker.location = $location, marker.revision = $revision,
			    marker.at = datetime()
			""").with("seedMarker", HousekeepingStorage.SEED_MARKER).build();

	/**
	 * The seed's deals that an editor changed since they were loaded. Reads {@code $ids};
	 * returns {@code id}, one row each.
	 */
	public static final String EDITED = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}} WHERE d.version > 1
			RETURN d.id AS id
			""").with("deal", DealStorage.byId("d", "id")).build();

	/**
	 * Writes context events by key. Reads {@code $rows}, each an event's properties with
	 * its {@code key}; returns nothing.
	 */
	public static final String UPSERT_EVENTS = CypherText.of("""
			UNWIND $rows AS row
			MERGE (e:{{contextEvent}} {key: row.key})
			SET e = row
			""").with("contextEvent", HousekeepingStorage.CONTEXT_EVENT).build();

	private SeedStatements() {
	}

}

package io.dealgraph.cypher;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.HousekeepingStorage;

/**
 * The start-up's statements: the schema migrations' record of the versions applied, and
 * the lock that lets one instance at a time migrate the schema and load the seed. The
 * migrations themselves are the versioned Cypher files in {@code neo4j/migrations/}.
 */
public final class StartupStatements {

	/**
	 * The version of the last migration applied; 0 before the first. Reads nothing;
	 * returns {@code version}.
	 */
	public static final String APPLIED_VERSION = CypherText.of("""
			MATCH (m:{{migration}})
			RETURN coalesce(max(m.version), 0) AS version
			""").with("migration", HousekeepingStorage.MIGRATION).build();

	/**
	 * Records a migration as applied, with the instance that applied it. Reads
	 * {@code $version}, {@code $description} and {@code $by}; returns nothing.
	 */
	public static final String RECORD_VERSION = CypherText.of("""
			MERGE (m:{{migration}} {version: $version})
			SET m.description = $description, m.appliedAt = datetime(), m.appliedBy = $by
			""").with("migration", HousekeepingStorage.MIGRATION).build();

	/**
	 * Made before any migration can run, so MERGE on the lock's name is safe between
	 * instances. Idempotent, like every migration statement. Reads nothing; returns
	 * nothing.
	 */
	public static final String LOCK_CONSTRAINT = CypherText.of("""
			CREATE CONSTRAINT dealgraph_lock_name IF NOT EXISTS
			FOR (l:{{lock}}) REQUIRE l.name IS UNIQUE
			""").with("lock", HousekeepingStorage.LOCK).build();

	/**
	 * Finds or makes the lock node and takes its write lock (the SET), so that the owner
	 * read after it is the committed one and no other instance can take it meanwhile.
	 * Reads {@code $name} and {@code $owner}; returns {@code owner}, {@code expiresAt}
	 * (as a string) and {@code free}, whether {@code $owner} may take it.
	 */
	public static final String INSPECT_LOCK = CypherText.of("""
			MERGE (l:{{lock}} {name: $name})
			SET l.checkedAt = datetime()
			RETURN l.owner AS owner, toString(l.expiresAt) AS expiresAt,
			       l.owner IS NULL OR l.owner = $owner OR l.expiresAt < datetime() AS free
			""").with("lock", HousekeepingStorage.LOCK).build();

	/**
	 * Takes the lock for a lease. Reads {@code $name}, {@code $owner} and
	 * {@code $leaseMillis}; returns nothing.
	 */
	public static final String TAKE_LOCK = CypherText.of("""
			MATCH (l:{{lock}} {name: $name})
			SET l.owner = $owner, l.since = datetime(),
			    l.expiresAt = datetime() + duration({milliseconds: $leaseMillis})
			""").with("lock", HousekeepingStorage.LOCK).build();

	/**
	 * Extends the lease of a lock its owner holds. Reads {@code $name}, {@code $owner}
	 * and {@code $leaseMillis}; returns {@code held}, 0 when {@code $owner} no longer
	 * holds it.
	 */
	public static final String RENEW_LOCK = CypherText.of("""
			MATCH (l:{{lock}} {name: $name, owner: $owner})
			SET l.expiresAt = datetime() + duration({milliseconds: $leaseMillis})
			RETURN count(l) AS held
			""").with("lock", HousekeepingStorage.LOCK).build();

	/**
	 * Releases a lock its owner holds. Reads {@code $name} and {@code $owner}; returns
	 * nothing.
	 */
	public static final String RELEASE_LOCK = CypherText.of("""
			MATCH (l:{{lock}} {name: $name, owner: $owner})
			SET l.owner = null, l.expiresAt = null, l.releasedAt = datetime()
			""").with("lock", HousekeepingStorage.LOCK).build();

	private StartupStatements() {
	}

}

package io.dealgraph.graph;

/**
 * The nodes Dealgraph keeps beside the graph of organizations, deals and sites: its own
 * bookkeeping (the migrations applied, the start-up's lock, the idempotency keys, the
 * seed's marker) and the seed's context events. The API answers no question from them;
 * they are named here so that every label a statement writes comes from the model.
 */
public final class HousekeepingStorage {

	/** A schema migration applied, by {@code version}. */
	public static final String MIGRATION = "DealgraphMigration";

	/**
	 * A lock between instances, by {@code name}, held by an {@code owner} for a lease.
	 */
	public static final String LOCK = "DealgraphLock";

	/** A client's idempotency key, by {@code scope} and {@code key}, until it expires. */
	public static final String IDEMPOTENCY_KEY = "IdempotencyKey";

	/** The one marker of the seed's load: its state, location and revision. */
	public static final String SEED_MARKER = "DealgraphSeed";

	/**
	 * An event of the story's context (a halving, say), by {@code key}, from the seed.
	 */
	public static final String CONTEXT_EVENT = "ContextEvent";

	private HousekeepingStorage() {
	}

}

package io.dealgraph.cypher;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.HousekeepingStorage;

/**
 * The editors' statements beside the deal writes ({@link DealWriteStatements}): the
 * parties a batch names, and the idempotency keys kept in the graph in the transaction of
 * the write they guard. A key belongs to the caller who sent it ({@code $scope}) and
 * expires after its time to live.
 */
public final class EditingStatements {

	/**
	 * The parties a batch names, whole: their kinds for the rules, and for the answer.
	 * Reads {@code $ids}; returns {@code organization}, the properties of each one found.
	 */
	public static final String PARTIES = CypherText.of("""
			MATCH (o:{{organization}}) WHERE o.id IN $ids
			RETURN properties(o) AS organization
			""").with("organization", DealStorage.ORGANIZATION).build();

	/**
	 * Claims the key, or finds the claim of an earlier request. A replay reads only, so
	 * replays do not queue behind each other. Reads {@code $scope}, {@code $key},
	 * {@code $claim}, {@code $operation} and {@code $ttlMillis}; returns one row of
	 * {@code claimed}, {@code expired}, {@code heldBy}, {@code operation} and
	 * {@code results}.
	 */
	public static final String CLAIM = CypherText.of("""
			MERGE (k:{{idempotencyKey}} {scope: $scope, key: $key})
			ON CREATE SET k.claim = $claim, k.operation = $operation, k.createdAt = datetime(),
			              k.expiresAt = datetime() + duration({milliseconds: $ttlMillis})
			RETURN k.claim = $claim AS claimed, k.expiresAt <= datetime() AS expired, k.claim AS heldBy,
			       k.operation AS operation, k.results AS results
			""").with("idempotencyKey", HousekeepingStorage.IDEMPOTENCY_KEY).build();

	/**
	 * Claims an expired key afresh. The first SET takes the key's write lock; only then
	 * is its claim compared with the expired one seen, so two requests cannot both
	 * reclaim it. Reads what {@link #CLAIM} reads and {@code $heldBy}, the expired claim
	 * seen; returns one row of {@code reclaimed}, 0 or 1.
	 */
	public static final String RECLAIM = CypherText.of("""
			MATCH (k:{{idempotencyKey}} {scope: $scope, key: $key})
			SET k.reclaimedAt = datetime()
			WITH k WHERE k.claim = $heldBy
			SET k.claim = $claim, k.operation = $operation, k.createdAt = datetime(),
			    k.expiresAt = datetime() + duration({milliseconds: $ttlMillis}), k.results = null
			RETURN count(k) AS reclaimed
			""").with("idempotencyKey", HousekeepingStorage.IDEMPOTENCY_KEY).build();

	/**
	 * Stores {@code $results}, the ids a claiming request wrote, on its key
	 * ({@code $scope}, {@code $key}, {@code $claim}). Returns nothing.
	 */
	public static final String COMPLETE = CypherText.of("""
			MATCH (k:{{idempotencyKey}} {scope: $scope, key: $key, claim: $claim})
			SET k.results = $results
			""").with("idempotencyKey", HousekeepingStorage.IDEMPOTENCY_KEY).build();

	/**
	 * Removes expired keys, a bounded number per run. Returns one row of {@code pruned}.
	 */
	public static final String PRUNE = CypherText.of("""
			MATCH (k:{{idempotencyKey}}) WHERE k.expiresAt < datetime()
			WITH k LIMIT 10000
			DELETE k
			RETURN count(*) AS pruned
			""").with("idempotencyKey", HousekeepingStorage.IDEMPOTENCY_KEY).build();

	private EditingStatements() {
	}

}

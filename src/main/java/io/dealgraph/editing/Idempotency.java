package io.dealgraph.editing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.cypher.EditingStatements;
import io.dealgraph.errors.ApiException;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys, kept in the graph in the transaction of the write they guard. A key
 * belongs to the caller who sent it (two editors may pick the same key) and expires after
 * {@code dealgraph.idempotency.ttl}.
 *
 * <p>
 * A request claims its key first. Neo4j's uniqueness constraint on (scope, key) makes a
 * concurrent claim of the same key wait until the first transaction ends: if it
 * committed, the waiting request finds its results and answers with them; if it rolled
 * back, the waiting request claims the key itself. So N retries racing with one key write
 * once and all answer alike.
 */
@Component
class Idempotency {

	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

	static final int MAX_KEY = 200;

	private final Duration ttl;

	private final CypherExecutor cypher;

	Idempotency(IdempotencySettings settings, CypherExecutor cypher) {
		this.ttl = settings.ttl();
		this.cypher = cypher;
	}

	/**
	 * A key as this request found it: claimed by it ({@code earlierResults} null), or
	 * held by an earlier request whose written ids a replay answers with.
	 */
	record Claim(String scope, String key, String token, @Nullable List<String> earlierResults) {

		boolean isReplay() {
			return this.earlierResults != null;
		}

	}

	/**
	 * Claims {@code key} for {@code operation} on behalf of {@code scope} (the caller).
	 * Null when the request has no key.
	 */
	@Nullable Claim claim(CypherExecutor.Writer tx, String scope, @Nullable String key, String operation) {
		if (key == null) {
			return null;
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw ApiException.badRequest("'idempotencyKey' must be 1 to " + MAX_KEY + " characters.");
		}
		String token = UUID.randomUUID().toString();
		Map<String, Object> parameters = new HashMap<>(Map.of("scope", scope, "key", key, "claim", token, "operation",
				operation, "ttlMillis", this.ttl.toMillis()));
		// A key found expired is claimed again; if another request reclaims it first, its
		// claim is the one to answer with, so look again.
		for (int attempt = 0; attempt < 3; attempt++) {
			Record row = tx.run(EditingStatements.CLAIM, parameters).getFirst();
			if (row.get("claimed").asBoolean()) {
				return new Claim(scope, key, token, null);
			}
			if (row.get("expired").asBoolean()) {
				parameters.put("heldBy", row.get("heldBy").asString());
				if (tx.run(EditingStatements.RECLAIM, parameters).getFirst().get("reclaimed").asLong() > 0) {
					return new Claim(scope, key, token, null);
				}
				continue;
			}
			if (!row.get("operation").asString().equals(operation)) {
				throw ApiException.badRequest("This idempotencyKey was used for " + row.get("operation").asString()
						+ "; use a new key for " + operation + ".");
			}
			return new Claim(scope, key, token, row.get("results").asList((v) -> v.asString()));
		}
		throw new IllegalStateException("Idempotency key " + key + " kept changing hands");
	}

	/**
	 * Stores what the claiming request wrote, in its transaction; nothing without a
	 * claim.
	 */
	void complete(CypherExecutor.Writer tx, @Nullable Claim claim, List<String> results) {
		if (claim != null && !claim.isReplay()) {
			tx.run(EditingStatements.COMPLETE,
					Map.of("scope", claim.scope(), "key", claim.key(), "claim", claim.token(), "results", results));
		}
	}

	/** Removes expired keys now and then, so they do not pile up. */
	@Scheduled(fixedDelayString = "${dealgraph.idempotency.prune-every:10m}",
			initialDelayString = "${dealgraph.idempotency.prune-every:10m}")
	void pruneExpired() {
		long pruned = this.cypher
			.write((tx) -> tx.run(EditingStatements.PRUNE, Map.of()).getFirst().get("pruned").asLong());
		if (pruned > 0) {
			log.info("Idempotency: {} expired keys removed", pruned);
		}
	}

}

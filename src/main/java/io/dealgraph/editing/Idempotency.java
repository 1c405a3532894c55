package io.dealgraph.editing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dealgraph.system.ApiException;
import io.dealgraph.system.CypherExecutor;

/**
 * Idempotency keys, kept in the graph in the transaction of the write they guard: a
 * retried request with the same key finds the ids the first one wrote, and writes
 * nothing. A key used for another operation is refused.
 */
final class Idempotency {

	static final int MAX_KEY = 200;

	private static final String FIND = """
			MATCH (k:IdempotencyKey {key: $key})
			RETURN k.operation AS operation, k.results AS results
			""";

	private static final String REMEMBER = """
			CREATE (:IdempotencyKey {key: $key, operation: $operation, results: $results, at: $at})
			""";

	private Idempotency() {
	}

	/** The ids written by an earlier request with this key, if there was one. */
	static Optional<List<String>> earlier(CypherExecutor.Writer tx, @Nullable String key, String operation) {
		if (key == null) {
			return Optional.empty();
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw ApiException.badRequest("'idempotencyKey' must be 1 to " + MAX_KEY + " characters.");
		}
		return tx.run(FIND, Map.of("key", key)).stream().findFirst().map((row) -> {
			if (!row.get("operation").asString().equals(operation)) {
				throw ApiException.badRequest("This idempotencyKey was used for " + row.get("operation").asString()
						+ "; use a new key for " + operation + ".");
			}
			return row.get("results").asList((v) -> v.asString());
		});
	}

	static void remember(CypherExecutor.Writer tx, @Nullable String key, String operation, List<String> results) {
		if (key != null) {
			tx.run(REMEMBER,
					Map.of("key", key, "operation", operation, "results", results, "at", Instant.now().toString()));
		}
	}

}

package io.dealgraph.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Records every write in the transaction that makes it: who, when, what, and the state
 * before and after as JSON. A write that rolls back leaves no record; one that commits
 * always has one.
 */
@Component
public class AuditLog {

	private static final String RECORD = """
			CREATE (:Change {id: $id, at: $at, by: $by, operation: $operation, target: $target,
			                 before: $before, after: $after})
			""";

	private final JsonMapper json;

	AuditLog(JsonMapper json) {
		this.json = json;
	}

	public void record(CypherExecutor.Writer tx, String by, String operation, String target, @Nullable Object before,
			@Nullable Object after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", UUID.randomUUID().toString());
		parameters.put("at", Instant.now().toString());
		parameters.put("by", by);
		parameters.put("operation", operation);
		parameters.put("target", target);
		parameters.put("before", (before != null) ? this.json.writeValueAsString(before) : null);
		parameters.put("after", (after != null) ? this.json.writeValueAsString(after) : null);
		tx.run(RECORD, parameters);
	}

}

package io.dealgraph.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Records every write in the transaction that makes it: who, when, what, and the state
 * before and after as JSON. A write that rolls back leaves no record; one that commits
 * always has one.
 */
@Component
public class AuditLog {

	private static final String RECORD = """
			UNWIND $changes AS change
			CREATE (c:Change)
			SET c = change
			""";

	private final JsonMapper json;

	AuditLog(JsonMapper json) {
		this.json = json;
	}

	/**
	 * One write to record: what, and its state before and after (null for a creation or a
	 * removal).
	 */
	public record Entry(String target, @Nullable Object before, @Nullable Object after) {
	}

	public void record(CypherExecutor.Writer tx, String by, String operation, String target, @Nullable Object before,
			@Nullable Object after) {
		recordAll(tx, by, operation, List.of(new Entry(target, before, after)));
	}

	/** Records many writes of one operation in one statement, as an import makes them. */
	public void recordAll(CypherExecutor.Writer tx, String by, String operation, List<Entry> entries) {
		String at = Instant.now().toString();
		List<Map<String, Object>> changes = new ArrayList<>();
		for (Entry entry : entries) {
			Map<String, Object> change = new HashMap<>();
			change.put("id", UUID.randomUUID().toString());
			change.put("at", at);
			change.put("by", by);
			change.put("operation", operation);
			change.put("target", entry.target());
			change.put("before", (entry.before() != null) ? this.json.writeValueAsString(entry.before()) : null);
			change.put("after", (entry.after() != null) ? this.json.writeValueAsString(entry.after()) : null);
			changes.add(change);
		}
		tx.run(RECORD, Map.of("changes", changes));
	}

}

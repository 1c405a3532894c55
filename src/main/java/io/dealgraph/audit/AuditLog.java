package io.dealgraph.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.cypher.AuditStatements;
import io.dealgraph.graph.Identified;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Records every write in the transaction that makes it: who, when, what, and the state
 * before and after as JSON. A write that rolls back leaves no record; one that commits
 * always has one. Each change takes the next number of the log, {@code seq}, from one
 * counter whose lock the write holds until it commits, so the numbers follow the order of
 * commits (migration V009); each points {@code ABOUT} the organizations its states name;
 * and a deal it wrote keeps its number as {@code lastChange}. The statement is
 * {@link AuditStatements#RECORD}.
 */
@Component
public class AuditLog {

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

	/** Records one write, and answers the number the log gave it. */
	public long record(CypherExecutor.Writer tx, String by, String operation, String target, @Nullable Object before,
			@Nullable Object after) {
		return recordAll(tx, by, operation, List.of(new Entry(target, before, after))).get(target);
	}

	/**
	 * Records many writes of one operation in one statement, as an import makes them, and
	 * answers the number the log gave each, by target.
	 */
	public Map<String, Long> recordAll(CypherExecutor.Writer tx, String by, String operation, List<Entry> entries) {
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
			Set<String> about = new LinkedHashSet<>();
			about.addAll(organizationsConcerned(entry.before()));
			about.addAll(organizationsConcerned(entry.after()));
			changes.add(Map.of("properties", change, "about", List.copyOf(about)));
		}
		Map<String, Long> numbers = new HashMap<>();
		tx.run(AuditStatements.RECORD, Map.of("changes", changes))
			.forEach((row) -> numbers.put(row.get("target").asString(), row.get("seq").asLong()));
		return numbers;
	}

	/** The organizations a state names; a merge's state before is a list of two. */
	private static List<String> organizationsConcerned(@Nullable Object state) {
		if (state instanceof Identified identified) {
			return identified.organizationsConcerned();
		}
		if (state instanceof Collection<?> states) {
			return states.stream().flatMap((one) -> organizationsConcerned(one).stream()).toList();
		}
		return List.of();
	}

}

package io.dealgraph.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.AuditStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.paging.Page;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log that {@link AuditLog} writes: newest first, by keyset pages; and
 * the histories of entities, in the order of the log, for their citable pages. The
 * statements are {@link AuditStatements}.
 */
@Component
public class ChangeQueries {

	private final CypherExecutor cypher;

	ChangeQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** One page of changes made since a time and by a writer, when given. */
	Connection<Change> page(@Nullable String since, @Nullable String by, Page page) {
		var filter = new CypherFilter();
		Keyset keyset = AuditStatements.NEWEST_FIRST.reading(page);
		String query = AuditStatements.changes(filter, keyset, page.cursor());
		Map<String, Object> values = new HashMap<>(filter.parameters());
		values.put("since", since);
		values.put("by", by);
		values.put("limit", page.fetchSize());
		List<Edge<Change>> edges = this.cypher.read(query, values,
				(row) -> new Edge<>(AuditStatements.NEWEST_FIRST.cursor(row.get("sortValues")).encode(),
						change(row.get("change"))));
		return Connection.of(edges, page, -1);
	}

	/** Whether a change has this id. */
	boolean holds(String id) {
		return this.cypher.read(AuditStatements.HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean())
			.getFirst();
	}

	/** The change with this id. */
	Optional<Change> byId(String id) {
		return this.cypher.read(AuditStatements.CHANGE_BY_ID, Map.of("id", id), (row) -> change(row.get("change")))
			.stream()
			.findFirst();
	}

	/**
	 * The history of each of these entities, by key; one with no change has an empty one.
	 */
	public Map<String, History> histories(Collection<String> targets) {
		Map<String, History> histories = new LinkedHashMap<>();
		targets.forEach((target) -> histories.put(target, new History(target, List.of())));
		for (var row : this.cypher.read(AuditStatements.HISTORIES, Map.of("targets", List.copyOf(targets)))) {
			String target = row.get("target").asString();
			histories.put(target, new History(target, row.get("changes").asList(ChangeQueries::change)));
		}
		return histories;
	}

	/** The history of one entity. */
	public History history(String target) {
		return histories(List.of(target)).get(target);
	}

	/** The keys of the entities whose changes named this organization. */
	public Set<String> concerning(String organizationId) {
		return new LinkedHashSet<>(this.cypher.read(AuditStatements.CONCERNING, Map.of("id", organizationId),
				(row) -> row.get("target").asString()));
	}

	/** Up to {@code limit} changes numbered after {@code after}, in the log's order. */
	public List<Change> after(long after, int limit) {
		return this.cypher.read(AuditStatements.CHANGES_AFTER, Map.of("after", after, "limit", limit),
				(row) -> change(row.get("change")));
	}

	/** The number of the last change in the log; 0 before the first. */
	public long lastSequence() {
		return this.cypher.read(AuditStatements.LAST_SEQUENCE, Map.of(), (row) -> row.get("last").asLong()).getFirst();
	}

	private static Change change(Value c) {
		return new Change(c.get("id").asString(), c.get("seq").asLong(), c.get("at").asString(), c.get("by").asString(),
				c.get("operation").asString(), c.get("target").asString(), c.get("before").asString(null),
				c.get("after").asString(null));
	}

}

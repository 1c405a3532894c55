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

import io.dealgraph.filter.CypherFilter;
import io.dealgraph.graph.CypherText;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log that {@link AuditLog} writes: newest first, by keyset pages; and
 * the histories of entities, in the order of the log, for their citable pages.
 */
@Component
public class ChangeQueries {

	private static final Keyset NEWEST_FIRST = new Keyset(List.of(new SortKey("at", "c.at", false, true, true)), "c.id",
			true);

	private static final CypherText CHANGES = CypherText.of("""
			MATCH (c:Change)
			WHERE ($since IS NULL OR c.at >= $since) AND ($by IS NULL OR c.by = $by) AND {{after}}
			WITH c ORDER BY {{orderBy}} LIMIT $limit
			RETURN c {.*} AS change, {{sortValues}} AS sortValues
			""");

	private static final CypherText BY_ID = CypherText.of("""
			MATCH (c:Change {id: $id})
			RETURN c {.*} AS change
			""");

	/** The changes to each of these entities, in the order of the log. */
	private static final CypherText HISTORIES = CypherText.of("""
			UNWIND $targets AS target
			MATCH (c:Change {target: target})
			WITH target, c ORDER BY c.seq
			RETURN target, collect(c {.*}) AS changes
			""");

	/**
	 * The other entities whose changes named an organization: the deals that had it as a
	 * party, before or after a change.
	 */
	private static final CypherText CONCERNING = CypherText.of("""
			MATCH (:Organization {id: $id})<-[:ABOUT]-(c:Change)
			WHERE c.target <> $id
			RETURN DISTINCT c.target AS target
			""");

	/**
	 * The changes after a number, in the log's order, a batch at a time: what each
	 * instance follows to publish events. The unique index on {@code seq} serves both the
	 * range and the order.
	 */
	private static final CypherText AFTER = CypherText.of("""
			MATCH (c:Change)
			WHERE c.seq > $after
			WITH c ORDER BY c.seq LIMIT $limit
			RETURN c {.*} AS change
			""");

	/** The number of the last change in the log; 0 before the first. */
	private static final CypherText LAST = CypherText.of("""
			OPTIONAL MATCH (s:ChangeSequence {name: 'audit'})
			RETURN coalesce(s.last, 0) AS last
			""");

	/** Whether something has an id: for a readable key given to {@code node(id:)}. */
	private static final CypherText HOLDS = CypherText.of("RETURN EXISTS { MATCH (:Change {id: $id}) } AS holds");

	private final CypherExecutor cypher;

	ChangeQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/** One page of changes made since a time and by a writer, when given. */
	Connection<Change> page(@Nullable String since, @Nullable String by, Page page) {
		var parameters = new CypherFilter();
		Keyset keyset = NEWEST_FIRST.reading(page);
		String query = CHANGES.with("sortValues", keyset.sortValues(parameters::parameter))
			.with("after", keyset.after(page.cursor(), parameters::parameter))
			.with("orderBy", keyset.orderBy(parameters::parameter))
			.build();
		Map<String, Object> values = new HashMap<>(parameters.parameters());
		values.put("since", since);
		values.put("by", by);
		values.put("limit", page.fetchSize());
		List<Edge<Change>> edges = this.cypher.read(query, values,
				(row) -> new Edge<>(NEWEST_FIRST.cursor(row.get("sortValues")).encode(), change(row.get("change"))));
		return Connection.of(edges, page, -1);
	}

	/** Whether a change has this id. */
	boolean holds(String id) {
		return this.cypher.read(HOLDS.build(), Map.of("id", id), (row) -> row.get("holds").asBoolean()).getFirst();
	}

	/** The change with this id. */
	Optional<Change> byId(String id) {
		return this.cypher.read(BY_ID.build(), Map.of("id", id), (row) -> change(row.get("change")))
			.stream()
			.findFirst();
	}

	/**
	 * The history of each of these entities, by key; one with no change has an empty one.
	 */
	public Map<String, History> histories(Collection<String> targets) {
		Map<String, History> histories = new LinkedHashMap<>();
		targets.forEach((target) -> histories.put(target, new History(target, List.of())));
		for (var row : this.cypher.read(HISTORIES.build(), Map.of("targets", List.copyOf(targets)))) {
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
		return new LinkedHashSet<>(this.cypher.read(CONCERNING.build(), Map.of("id", organizationId),
				(row) -> row.get("target").asString()));
	}

	/** Up to {@code limit} changes numbered after {@code after}, in the log's order. */
	public List<Change> after(long after, int limit) {
		return this.cypher.read(AFTER.build(), Map.of("after", after, "limit", limit),
				(row) -> change(row.get("change")));
	}

	/** The number of the last change in the log; 0 before the first. */
	public long lastSequence() {
		return this.cypher.read(LAST.build(), Map.of(), (row) -> row.get("last").asLong()).getFirst();
	}

	private static Change change(Value c) {
		return new Change(c.get("id").asString(), c.get("seq").asLong(), c.get("at").asString(), c.get("by").asString(),
				c.get("operation").asString(), c.get("target").asString(), c.get("before").asString(null),
				c.get("after").asString(null));
	}

}

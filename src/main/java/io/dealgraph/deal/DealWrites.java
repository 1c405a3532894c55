package io.dealgraph.deal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.source.Source;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement that writes deals, and the reads a write needs inside its
 * transaction. They run in a caller's write transaction, so a batch commits whole or not
 * at all. Deals are stored as {@link DealStorage} says; labels come from {@link DealType}
 * only.
 */
@Component
public class DealWrites {

	/**
	 * One statement per {@link DealType}, whose label a new deal gets. A deal that exists
	 * keeps its version and any retraction: loading a batch again is not an edit. The
	 * uniqueness constraint on the deal id makes racing writers of one id queue up on the
	 * MERGE instead of creating two.
	 */
	private static final CypherText UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MATCH (from:Organization {id: row.fromId}), (to:Organization {id: row.toId})
			MERGE {{deal}}
			ON CREATE SET r = row.properties, r.version = 1, r:{{label}}
			ON MATCH SET r += row.properties
			MERGE (r)-[:{{fromParty}}]->(from)
			MERGE (r)-[:{{toParty}}]->(to)
			RETURN {{projection}} AS deal
			""")
		.with("deal", DealStorage.byId("r", "row.properties.id"))
		.with("fromParty", DealStorage.FROM)
		.with("toParty", DealStorage.TO)
		.with("projection", DealStorage.projection("r", "from", "to"));

	/**
	 * A deal whose type or parties changed since it was written is removed first, so the
	 * upsert writes it whole again with its new label and parties, as a new deal.
	 */
	private static final String REMOVE_MOVED = CypherText.of("""
			UNWIND $rows AS row
			MATCH {{deal}}, {{parties}}
			WHERE {{type}} <> $type OR a.id <> row.fromId OR b.id <> row.toId
			DETACH DELETE old
			""")
		.with("deal", DealStorage.byId("old", "row.properties.id"))
		.with("parties", DealStorage.partiesOf("a", "old", "b"))
		.with("type", DealStorage.typeOf("old"))
		.build();

	/**
	 * Locks the deal, so concurrent edits queue up behind it: Cypher takes the write lock
	 * before it reads a property it increments in the same SET, and a SET that changes
	 * nothing would take no lock at all.
	 */
	private static final String LOCK = CypherText.of("""
			MATCH {{deal}}
			SET r.writes = coalesce(r.writes, 0) + 1
			RETURN count(r) AS found
			""").with("deal", DealStorage.byId("r", "$id")).build();

	/** The deals with these ids, in the order given. */
	private static final String FIND = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}, {{parties}}
			RETURN {{projection}} AS deal
			""")
		.with("deal", DealStorage.byId("r", "id"))
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("projection", DealStorage.projection("r", "a", "b"))
		.build();

	private static final String EXISTING = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}
			RETURN r.id AS id
			""").with("deal", DealStorage.byId("r", "id")).build();

	private static final String DELETE = CypherText.of("MATCH {{deal}} DETACH DELETE r")
		.with("deal", DealStorage.byId("r", "$id"))
		.build();

	private static final String SET = CypherText.of("""
			MATCH {{deal}}, {{parties}}
			SET r += $properties
			RETURN {{projection}} AS deal
			""")
		.with("deal", DealStorage.byId("r", "$id"))
		.with("parties", DealStorage.partiesOf("a", "r", "b"))
		.with("projection", DealStorage.projection("r", "a", "b"))
		.build();

	/**
	 * Upserts deals, one statement per deal type present; both parties must exist.
	 * Returns them as written.
	 */
	public List<Deal> upsert(CypherExecutor.Writer tx, List<DealDraft> deals) {
		return upsert(tx, deals, null);
	}

	/**
	 * Writes the deals; {@code existing}, when known, names those already stored, so that
	 * only they are checked for a changed type or parties (a fresh import skips that
	 * statement entirely). Null means any may exist.
	 */
	public List<Deal> upsert(CypherExecutor.Writer tx, List<DealDraft> deals, @Nullable Set<String> existing) {
		Map<String, Deal> written = new HashMap<>();
		deals.stream().collect(Collectors.groupingBy(DealDraft::type)).forEach((type, group) -> {
			List<Map<String, Object>> rows = group.stream()
				.map((d) -> Map.of("fromId", d.fromId(), "toId", d.toId(), "properties", DealProperties.encode(d)))
				.toList();
			List<Map<String, Object>> stored = (existing == null) ? rows
					: rows.stream()
						.filter((row) -> existing.contains(((Map<?, ?>) row.get("properties")).get("id")))
						.toList();
			if (!stored.isEmpty()) {
				tx.run(REMOVE_MOVED, Map.of("rows", stored, "type", type.name()));
			}
			tx.run(UPSERT.with("label", type.label()).build(), Map.of("rows", rows)).forEach((row) -> {
				Deal deal = DealQueries.deal(row.get("deal"));
				written.put(deal.id(), deal);
			});
		});
		List<Deal> inOrder = new ArrayList<>();
		deals.forEach((d) -> inOrder.add(written.get(d.id())));
		return inOrder;
	}

	/** Which of these deal ids exist already. */
	public Set<String> existing(CypherExecutor.Writer tx, List<String> ids) {
		Set<String> found = new HashSet<>();
		tx.run(EXISTING, Map.of("ids", ids)).forEach((row) -> found.add(row.get("id").asString()));
		return found;
	}

	/**
	 * The deal as it stands, after taking its write lock so no other edit can interleave.
	 */
	public Optional<Deal> lockAndFind(CypherExecutor.Writer tx, String id) {
		if (tx.run(LOCK, Map.of("id", id)).getFirst().get("found").asInt() == 0) {
			return Optional.empty();
		}
		return find(tx, List.of(id)).stream().findFirst();
	}

	/**
	 * The deals with these ids as stored, in one statement and without locking them: for
	 * answering a replayed request, which writes nothing.
	 */
	public List<Deal> find(CypherExecutor.Writer tx, List<String> ids) {
		return tx.run(FIND, Map.of("ids", ids)).stream().map((r) -> DealQueries.deal(r.get("deal"))).toList();
	}

	/**
	 * Replaces a deal with {@code draft} at {@code version}. When type or parties change
	 * the deal is written again whole, as the upsert writes a moved deal; the retraction,
	 * if any, stays.
	 */
	public Deal replace(CypherExecutor.Writer tx, Deal current, DealDraft draft, int version) {
		Map<String, Object> properties = DealProperties.encode(draft);
		properties.put("version", version);
		boolean sameShape = current.type() == draft.type() && current.from().id().equals(draft.fromId())
				&& current.to().id().equals(draft.toId());
		if (sameShape) {
			return set(tx, draft.id(), properties);
		}
		tx.run(DELETE, Map.of("id", draft.id()));
		// The old deal is gone, so the upsert has no moved deal to look for.
		Deal created = upsert(tx, List.of(draft), Set.of()).getFirst();
		Map<String, Object> kept = new HashMap<>();
		kept.put("version", version);
		if (current.retraction() != null) {
			kept.put(DealStorage.RETRACTED_AT, current.retraction().at());
			kept.put("retractedBy", current.retraction().by());
			kept.put("retractionReason", current.retraction().reason());
		}
		return (created != null) ? set(tx, draft.id(), kept) : null;
	}

	/**
	 * Marks a deal retracted: it stays, with who, when and why, and default reads skip
	 * it.
	 */
	public Deal retract(CypherExecutor.Writer tx, Deal current, String at, String by, String reason) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(DealStorage.RETRACTED_AT, at);
		properties.put("retractedBy", by);
		properties.put("retractionReason", reason);
		properties.put("version", current.version() + 1);
		return set(tx, current.id(), properties);
	}

	/** Appends a source to a deal. */
	public Deal addSource(CypherExecutor.Writer tx, Deal current, Source source) {
		List<Source> sources = new ArrayList<>(current.sources());
		sources.add(source);
		var draft = new DealDraft(current.id(), current.type(), current.from().id(), current.to().id(),
				current.announcedOn(), current.amount(), current.capacityMw(), current.capacityBasis(),
				current.capacityQualifier(), current.termYears(), current.instrument(), current.stakePercent(),
				current.role(), current.scope(), current.round(), current.status(), current.statusHistory(),
				current.description(), sources);
		Map<String, Object> properties = DealProperties.encode(draft);
		properties.put("version", current.version() + 1);
		return set(tx, current.id(), properties);
	}

	private Deal set(CypherExecutor.Writer tx, String id, Map<String, Object> properties) {
		return DealQueries.deal(tx.run(SET, Map.of("id", id, "properties", properties)).getFirst().get("deal"));
	}

}

package io.dealgraph.deal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Values;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.organization.Organization;
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
	 * One statement for a batch of deals of any types: a new deal gets its type's label
	 * from the row, a dynamic label whose value is {@link DealType#label()}, never user
	 * text. A deal that exists keeps its version and any retraction: loading a batch
	 * again is not an edit. The uniqueness constraint on the deal id makes racing writers
	 * of one id queue up on the MERGE instead of creating two. Answers how many rows
	 * found both their parties.
	 */
	private static final String UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MATCH (from:{{organization}} {id: row.fromId}), (to:{{organization}} {id: row.toId})
			MERGE {{deal}}
			ON CREATE SET r = row.properties, r.version = 1, r:$(row.label)
			ON MATCH SET r += row.properties
			MERGE (r)-[:{{fromParty}}]->(from)
			MERGE (r)-[:{{toParty}}]->(to)
			RETURN count(*) AS written
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("deal", DealStorage.byId("r", "row.properties.id"))
		.with("fromParty", DealStorage.FROM)
		.with("toParty", DealStorage.TO)
		.build();

	/**
	 * Deals whose type or parties changed since they were written are removed first, so
	 * that the upsert writes each whole again with its new label and parties, as a new
	 * deal.
	 */
	private static final String REMOVE = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}
			DETACH DELETE r
			""").with("deal", DealStorage.byId("r", "id")).build();

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

	/**
	 * The deals with these ids, in the order given. The parties are read from each deal
	 * found, never matched: a plan cached while the graph had few deals once joined them
	 * from the organizations' side, and the first import into an empty graph slowed down
	 * with every batch until Neo4j planned it again.
	 */
	private static final String FIND = CypherText.of("""
			UNWIND $ids AS id
			MATCH {{deal}}
			RETURN {{projection}} AS deal
			""").with("deal", DealStorage.byId("r", "id")).with("projection", DealStorage.projection("r")).build();

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
	 * Writes the deals in one statement and returns them as written. {@code stored} holds
	 * those of them that exist, as they stand ({@link #find}); {@code parties} every
	 * party, by id. A stored deal keeps its version and any retraction; one whose type or
	 * parties changed is removed and written again whole, as a new deal. The deals
	 * returned are decoded from the properties written, as a read would decode them,
	 * rather than read back.
	 */
	public List<Deal> upsert(CypherExecutor.Writer tx, List<DealDraft> deals, Map<String, Deal> stored,
			Map<String, Organization> parties) {
		List<String> moved = removeMoved(tx, deals, stored);
		write(tx, deals);
		List<Deal> written = new ArrayList<>();
		for (DealDraft draft : deals) {
			Map<String, Object> properties = DealProperties.encode(draft);
			Deal kept = moved.contains(draft.id()) ? null : stored.get(draft.id());
			properties.put("version", (kept != null) ? kept.version() : 1);
			if (kept != null) {
				properties.putAll(retraction(kept));
			}
			properties.put("type", draft.type().name());
			written.add(DealProperties.decode(Values.value(properties), parties.get(draft.fromId()),
					parties.get(draft.toId())));
		}
		return written;
	}

	/**
	 * As {@link #upsert(CypherExecutor.Writer, List, Map, Map)}, for a writer that needs
	 * no answer, as the seed: it reads which deals are stored itself.
	 */
	public void upsert(CypherExecutor.Writer tx, List<DealDraft> deals) {
		Map<String, Deal> stored = new HashMap<>();
		find(tx, deals.stream().map(DealDraft::id).toList()).forEach((deal) -> stored.put(deal.id(), deal));
		removeMoved(tx, deals, stored);
		write(tx, deals);
	}

	/** Removes the stored deals whose type or parties the drafts change; their ids. */
	private static List<String> removeMoved(CypherExecutor.Writer tx, List<DealDraft> deals, Map<String, Deal> stored) {
		List<String> moved = deals.stream()
			.filter((draft) -> stored.containsKey(draft.id()) && !sameShape(stored.get(draft.id()), draft))
			.map(DealDraft::id)
			.toList();
		if (!moved.isEmpty()) {
			tx.run(REMOVE, Map.of("ids", moved));
		}
		return moved;
	}

	private static void write(CypherExecutor.Writer tx, List<DealDraft> deals) {
		List<Map<String, Object>> rows = deals.stream()
			.map((d) -> Map.of("fromId", d.fromId(), "toId", d.toId(), "label", d.type().label(), "properties",
					DealProperties.encode(d)))
			.toList();
		long written = tx.run(UPSERT, Map.of("rows", rows)).getFirst().get("written").asLong();
		if (written != rows.size()) {
			// The parties were checked in this transaction; only a concurrent merge of
			// organizations removes one meanwhile. Failing keeps the batch whole.
			throw new IllegalStateException(
					"Only " + written + " of " + rows.size() + " deals found both parties: one was removed meanwhile");
		}
	}

	private static boolean sameShape(Deal current, DealDraft draft) {
		return current.type() == draft.type() && current.from().id().equals(draft.fromId())
				&& current.to().id().equals(draft.toId());
	}

	/** The stored properties of a deal's retraction, none when it stands. */
	private static Map<String, Object> retraction(Deal deal) {
		Map<String, Object> properties = new HashMap<>();
		if (deal.retraction() != null) {
			properties.put(DealStorage.RETRACTED_AT, deal.retraction().at());
			properties.put("retractedBy", deal.retraction().by());
			properties.put("retractionReason", deal.retraction().reason());
		}
		return properties;
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
		if (sameShape(current, draft)) {
			return set(tx, draft.id(), properties);
		}
		tx.run(REMOVE, Map.of("ids", List.of(draft.id())));
		write(tx, List.of(draft));
		Map<String, Object> kept = retraction(current);
		kept.put("version", version);
		return set(tx, draft.id(), kept);
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

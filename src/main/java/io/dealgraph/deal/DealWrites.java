package io.dealgraph.deal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Values;

import io.dealgraph.cypher.DealWriteStatements;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.Source;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Writes deals, and reads what a write needs inside its transaction, with the statements
 * of {@link DealWriteStatements}. They run in a caller's write transaction, so a batch
 * commits whole or not at all.
 */
@Component
public class DealWrites {

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
			tx.run(DealWriteStatements.REMOVE, Map.of("ids", moved));
		}
		return moved;
	}

	private static void write(CypherExecutor.Writer tx, List<DealDraft> deals) {
		List<Map<String, Object>> rows = deals.stream()
			.map((d) -> Map.of("fromId", d.fromId(), "toId", d.toId(), "label", d.type().label(), "properties",
					DealProperties.encode(d)))
			.toList();
		long written = tx.run(DealWriteStatements.UPSERT, Map.of("rows", rows)).getFirst().get("written").asLong();
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
		if (tx.run(DealWriteStatements.LOCK, Map.of("id", id)).getFirst().get("found").asInt() == 0) {
			return Optional.empty();
		}
		return find(tx, List.of(id)).stream().findFirst();
	}

	/**
	 * The deals with these ids as stored, in one statement and without locking them: for
	 * answering a replayed request, which writes nothing.
	 */
	public List<Deal> find(CypherExecutor.Writer tx, List<String> ids) {
		return tx.run(DealWriteStatements.FIND, Map.of("ids", ids))
			.stream()
			.map((r) -> DealQueries.deal(r.get("deal")))
			.toList();
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
		tx.run(DealWriteStatements.REMOVE, Map.of("ids", List.of(draft.id())));
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
		return DealQueries
			.deal(tx.run(DealWriteStatements.SET, Map.of("id", id, "properties", properties)).getFirst().get("deal"));
	}

}

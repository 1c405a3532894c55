package io.dealgraph.editing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.dealgraph.audit.AuditLog;
import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.DealWrites;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.organization.OrganizationKind;
import io.dealgraph.source.Source;
import io.dealgraph.system.ApiException;
import io.dealgraph.system.CypherExecutor;
import io.dealgraph.system.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Writes deals for editors and for the command-line import. Each operation is one transaction: the checks,
 * the write, the audit record and the idempotency key commit together, or nothing does.
 */
@Component
public class DealEditor {

	private static final String KINDS = """
			MATCH (o:Organization) WHERE o.id IN $ids
			RETURN o.id AS id, o.kind AS kind
			""";

	private final CypherExecutor cypher;

	private final DealWrites writes;

	private final AuditLog audit;

	private final DealEvents events;

	DealEditor(CypherExecutor cypher, DealWrites writes, AuditLog audit, DealEvents events) {
		this.cypher = cypher;
		this.writes = writes;
		this.audit = audit;
		this.events = events;
	}

	Deal record(DealInput input, @Nullable String idempotencyKey, String by) {
		return importDeals(List.of(input), idempotencyKey, by, "recordDeal", "input").getFirst();
	}

	/**
	 * Checks every input, then writes them all in one transaction. {@code field} names the inputs in errors:
	 * {@code input} for one, {@code input[3]} within a batch.
	 */
	List<Deal> importDeals(List<DealInput> inputs, @Nullable String idempotencyKey, String by, String operation,
			String field) {
		if (inputs.size() > InputRules.MAX_BATCH) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED,
					"At most " + InputRules.MAX_BATCH + " deals per batch, not " + inputs.size() + ".");
		}
		List<Deal> written = this.cypher.write((tx) -> {
			var earlier = Idempotency.earlier(tx, idempotencyKey, operation);
			if (earlier.isPresent()) {
				return earlier.get().stream().map((id) -> this.writes.lockAndFind(tx, id).orElseThrow()).toList();
			}
			List<DealDraft> drafts = check(tx, inputs, field, null);
			List<Deal> deals = this.writes.upsert(tx, drafts);
			for (Deal deal : deals) {
				this.audit.record(tx, by, operation, deal.id(), null, deal);
			}
			Idempotency.remember(tx, idempotencyKey, operation, deals.stream().map(Deal::id).toList());
			return deals;
		});
		written.forEach(this.events::published);
		return written;
	}

	Deal update(String id, DealInput input, int expectedVersion, String by) {
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, id);
			if (current.version() != expectedVersion) {
				throw new ApiException(ErrorCode.CONFLICT, "Deal " + id + " is at version " + current.version()
						+ ", not " + expectedVersion + ": someone changed it meanwhile. Read it again and reapply.");
			}
			DealDraft draft = check(tx, List.of(input), "input", current).getFirst();
			Deal updated = this.writes.replace(tx, current, draft, expectedVersion + 1);
			this.audit.record(tx, by, "updateDeal", id, current, updated);
			return updated;
		});
	}

	Deal retract(String id, String reason, String by) {
		List<InvalidInput.Violation> violations = new ArrayList<>();
		InputRules.text(violations, "reason", reason, InputRules.MAX_TEXT, true);
		InputRules.fail(violations);
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, id);
			if (current.retraction() != null) {
				return current;
			}
			Deal retracted = this.writes.retract(tx, current, Instant.now().toString(), by, reason);
			this.audit.record(tx, by, "retractDeal", id, current, retracted);
			return retracted;
		});
	}

	Deal addSource(String dealId, SourceInput input, String by) {
		List<InvalidInput.Violation> violations = new ArrayList<>();
		Source source = InputRules.source(violations, "source", input);
		InputRules.fail(violations);
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, dealId);
			if (current.sources().size() >= InputRules.MAX_SOURCES) {
				throw new InvalidInput(ErrorCode.LIMIT_EXCEEDED, List.of(new InvalidInput.Violation("source",
						"a deal has at most " + InputRules.MAX_SOURCES + " sources")));
			}
			Deal updated = this.writes.addSource(tx, current, source);
			this.audit.record(tx, by, "addSource", dealId, current, updated);
			return updated;
		});
	}

	private Deal existing(CypherExecutor.Writer tx, String id) {
		return this.writes.lockAndFind(tx, id)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No deal has the id '" + id + "'."));
	}

	/** Checks inputs against the rules and the parties' kinds, all violations at once. */
	private List<DealDraft> check(CypherExecutor.Writer tx, List<DealInput> inputs, String field,
			@Nullable Deal current) {
		Set<String> ids = new HashSet<>();
		inputs.forEach((input) -> {
			ids.add(input.from());
			ids.add(input.to());
		});
		Map<String, OrganizationKind> kinds = new HashMap<>();
		tx.run(KINDS, Map.of("ids", List.copyOf(ids)))
			.forEach((row) -> kinds.put(row.get("id").asString(), OrganizationKind.valueOf(row.get("kind").asString())));
		List<InvalidInput.Violation> violations = new ArrayList<>();
		List<DealDraft> drafts = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			DealInput input = inputs.get(i);
			String name = (inputs.size() == 1) ? field : field + "[" + i + "]";
			String id = (current != null) ? current.id() : newId();
			drafts.add(InputRules.deal(id, input, name, kinds, violations, history(input, current)));
		}
		InputRules.fail(violations);
		return drafts;
	}

	/** A new deal starts its history with its status; an update adds a change when the status changes. */
	private static List<StatusChange> history(DealInput input, @Nullable Deal current) {
		if (current == null) {
			String on = (input.statusOn() != null) ? input.statusOn() : input.announcedOn();
			return List.of(new StatusChange(input.status(), on, null));
		}
		List<StatusChange> history = new ArrayList<>(current.statusHistory());
		if (current.status() != input.status()) {
			history.add(new StatusChange(input.status(), input.statusOn(), null));
		}
		return history;
	}

	/** New deals get ids of their own form, apart from the seed's research ids (E001...). */
	private static String newId() {
		return "D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
	}

}

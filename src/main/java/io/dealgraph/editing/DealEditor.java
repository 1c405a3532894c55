package io.dealgraph.editing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

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
import io.dealgraph.errors.ApiException;
import io.dealgraph.system.CypherExecutor;
import io.dealgraph.system.Workload;
import io.dealgraph.errors.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Writes deals for editors and for the command-line import. Each operation is one
 * transaction: the checks, the write, the audit record and the idempotency key commit
 * together, or nothing does.
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

	private final Idempotency idempotency;

	DealEditor(CypherExecutor cypher, DealWrites writes, AuditLog audit, DealEvents events, Idempotency idempotency) {
		this.cypher = cypher;
		this.idempotency = idempotency;
		this.writes = writes;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * How many rows a write statement of an import carries; progress is reported after
	 * each. The benchmark showed round trips dominating the import, so one file batch
	 * ({@code DealFileImport.BATCH}) is one chunk.
	 */
	static final int CHUNK = 500;

	/**
	 * A deal to import, with its own id to create or update it, or without one for a new
	 * id.
	 */
	record Row(@Nullable String id, DealInput input) {
	}

	/** What an import batch wrote. */
	record Written(List<Deal> deals, int created, int updated) {
	}

	Deal record(DealInput input, @Nullable String idempotencyKey, String by) {
		return importDeals(List.of(new Row(null, input)), idempotencyKey, by, "recordDeal", "input", Workload.REQUEST,
				(n) -> {
				})
			.deals()
			.getFirst();
	}

	/**
	 * Checks every row, then writes them all in one transaction, {@link #CHUNK} rows per
	 * statement, telling {@code progress} how many are written so far. {@code field}
	 * names the rows in errors: {@code input} for one, {@code input[3]} within a batch.
	 * If anything fails, progress included, nothing of the batch stays. A batch is
	 * {@link Workload#BULK} work, one deal {@link Workload#REQUEST} work.
	 */
	Written importDeals(List<Row> rows, @Nullable String idempotencyKey, String by, String operation, String field,
			Workload workload, IntConsumer progress) {
		if (rows.size() > InputRules.MAX_BATCH) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED,
					"At most " + InputRules.MAX_BATCH + " deals per batch, not " + rows.size() + ".");
		}
		Written written = this.cypher.forWork(workload).write((tx) -> {
			Idempotency.Claim claim = this.idempotency.claim(tx, by, idempotencyKey, operation);
			if (claim != null && claim.isReplay()) {
				List<Deal> deals = this.writes.find(tx, claim.earlierResults());
				if (deals.size() != claim.earlierResults().size()) {
					throw new IllegalStateException(
							"A deal written under idempotency key " + idempotencyKey + " is gone");
				}
				return new Written(deals, 0, 0);
			}
			List<DealDraft> drafts = check(tx, rows, field);
			Set<String> existing = this.writes.existing(tx, drafts.stream().map(DealDraft::id).toList());
			List<Deal> deals = new ArrayList<>();
			for (int start = 0; start < drafts.size(); start += CHUNK) {
				deals.addAll(this.writes.upsert(tx, drafts.subList(start, Math.min(drafts.size(), start + CHUNK)),
						existing));
				progress.accept(deals.size());
			}
			this.audit.recordAll(tx, by, operation,
					deals.stream().map((deal) -> new AuditLog.Entry(deal.id(), null, deal)).toList());
			this.idempotency.complete(tx, claim, deals.stream().map(Deal::id).toList());
			return new Written(deals, deals.size() - existing.size(), existing.size());
		});
		written.deals().forEach(this.events::published);
		return written;
	}

	Deal update(String id, DealInput input, int expectedVersion, String by) {
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, id);
			if (current.version() != expectedVersion) {
				throw new ApiException(ErrorCode.CONFLICT, "Deal " + id + " is at version " + current.version()
						+ ", not " + expectedVersion + ": someone changed it meanwhile. Read it again and reapply.");
			}
			DealDraft draft = check(tx, List.of(new Row(id, input)), "input", current).getFirst();
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

	private List<DealDraft> check(CypherExecutor.Writer tx, List<Row> rows, String field) {
		return check(tx, rows, field, null);
	}

	/** Checks rows against the rules and the parties' kinds, all violations at once. */
	private List<DealDraft> check(CypherExecutor.Writer tx, List<Row> rows, String field, @Nullable Deal current) {
		Set<String> ids = new HashSet<>();
		rows.forEach((row) -> {
			ids.add(row.input().from());
			ids.add(row.input().to());
		});
		Map<String, OrganizationKind> kinds = new HashMap<>();
		tx.run(KINDS, Map.of("ids", List.copyOf(ids)))
			.forEach(
					(row) -> kinds.put(row.get("id").asString(), OrganizationKind.valueOf(row.get("kind").asString())));
		List<InvalidInput.Violation> violations = new ArrayList<>();
		List<DealDraft> drafts = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String name = (rows.size() == 1) ? field : field + "[" + i + "]";
			String id = (row.id() != null) ? row.id() : newId();
			if (row.id() != null && (row.id().length() > InputRules.MAX_ID || !row.id().matches("[A-Za-z0-9_-]+"))) {
				violations.add(new InvalidInput.Violation(name + ".id",
						"letters, digits, - and _ only, at most " + InputRules.MAX_ID + " characters"));
			}
			drafts.add(InputRules.deal(id, row.input(), name, kinds, violations, history(row.input(), current)));
		}
		InputRules.fail(violations);
		return drafts;
	}

	/**
	 * A new deal starts its history with its status; an update adds a change when the
	 * status changes.
	 */
	private static List<StatusChange> history(DealInput input, @Nullable Deal current) {
		if (current == null) {
			String on = (input.statusOn() != null) ? input.statusOn() : input.announcedOn();
			return List.of(new StatusChange(input.status(), on, null));
		}
		List<StatusChange> history = new ArrayList<>(current.statusHistory());
		if (current.status() != input.status()) {
			if (history.size() >= InputRules.MAX_STATUS_CHANGES) {
				throw new InvalidInput(ErrorCode.LIMIT_EXCEEDED, List.of(new InvalidInput.Violation("input.status",
						"a deal has at most " + InputRules.MAX_STATUS_CHANGES + " status changes")));
			}
			history.add(new StatusChange(input.status(), input.statusOn(), null));
		}
		return history;
	}

	/**
	 * New deals get ids of their own form, apart from the seed's research ids (E001...).
	 */
	private static String newId() {
		return "D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
	}

}

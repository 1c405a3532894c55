package io.dealgraph.editing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
import io.dealgraph.cypher.EditingStatements;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.read.ResponseReads.AfterWrite;
import io.dealgraph.rules.Violation;
import io.dealgraph.rules.WriteRules;
import io.dealgraph.source.Source;
import io.dealgraph.errors.ApiException;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.Workload;
import io.dealgraph.errors.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Writes deals for editors and for the command-line import. Each operation is one
 * transaction: the checks, the write, the audit record and the idempotency key commit
 * together, or nothing does.
 */
@Component
public class DealEditor {

	private final CypherExecutor cypher;

	private final DealWrites writes;

	private final AuditLog audit;

	private final Idempotency idempotency;

	DealEditor(CypherExecutor cypher, DealWrites writes, AuditLog audit, Idempotency idempotency) {
		this.cypher = cypher;
		this.idempotency = idempotency;
		this.writes = writes;
		this.audit = audit;
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

	/**
	 * What an import batch wrote, and the rows it left out (by their index in the batch)
	 * with what each breaks.
	 */
	record Written(List<Deal> deals, int created, int updated, Map<Integer, List<Violation>> leftOut) {
	}

	/** What a batch does with rows that break a rule. */
	enum BadRows {

		/** Nothing is written; the error names every row's violations. */
		REFUSE_BATCH,
		/** The other rows are written; the bad ones are reported in the answer. */
		LEAVE_OUT

	}

	/**
	 * Records a deal; {@code response} reads what the response selects beneath it, inside
	 * the write's transaction.
	 */
	Deal record(DealInput input, @Nullable String idempotencyKey, String by, AfterWrite<Deal> response) {
		return importDeals(List.of(new Row(null, input)), idempotencyKey, by, "recordDeal", "input", Workload.REQUEST,
				BadRows.REFUSE_BATCH, (n) -> {
				}, (tx, deals) -> response.read(tx, deals.getFirst()))
			.deals()
			.getFirst();
	}

	/**
	 * Checks every row, then writes them all in one transaction, {@link #CHUNK} rows per
	 * statement, telling {@code progress} how many are written so far. {@code field}
	 * names the rows in errors: {@code input} for one, {@code input[3]} within a batch.
	 * If anything fails, progress included, nothing of the batch stays. A batch is
	 * {@link Workload#BULK} work, one deal {@link Workload#REQUEST} work. {@code badRows}
	 * says whether a row that breaks a rule refuses the batch or is left out of it;
	 * {@code response} reads, last in the transaction, what the response needs beneath
	 * the deals written.
	 */
	Written importDeals(List<Row> rows, @Nullable String idempotencyKey, String by, String operation, String field,
			Workload workload, BadRows badRows, IntConsumer progress, AfterWrite<List<Deal>> response) {
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
				response.read(tx, deals);
				return new Written(deals, 0, 0, Map.of());
			}
			// The deals that rows with an id update, read first: an update keeps the
			// stored status history and adds a step when the status changes.
			Map<String, Deal> stored = new HashMap<>();
			this.writes.find(tx, rows.stream().map(Row::id).filter(Objects::nonNull).distinct().toList())
				.forEach((deal) -> stored.put(deal.id(), deal));
			Checked checked = check(tx, rows, stored);
			if (badRows == BadRows.REFUSE_BATCH) {
				checked.throwIfAny(field, rows.size());
			}
			List<DealDraft> drafts = checked.drafts();
			stored.keySet().retainAll(drafts.stream().map(DealDraft::id).toList());
			List<Deal> deals = new ArrayList<>();
			for (int start = 0; start < drafts.size(); start += CHUNK) {
				deals.addAll(this.writes.upsert(tx, drafts.subList(start, Math.min(drafts.size(), start + CHUNK)),
						stored, checked.parties()));
				progress.accept(deals.size());
			}
			Map<String, Long> numbers = this.audit.recordAll(tx, by, operation,
					deals.stream().map((deal) -> new AuditLog.Entry(deal.id(), stored.get(deal.id()), deal)).toList());
			// What the write answers is what it stored, the number of its change too.
			deals.replaceAll((deal) -> deal.asOfChange(numbers.get(deal.id())));
			this.idempotency.complete(tx, claim, deals.stream().map(Deal::id).toList());
			response.read(tx, deals);
			return new Written(deals, deals.size() - stored.size(), stored.size(), checked.violations());
		});
		return written;
	}

	Deal update(String id, DealInput input, int expectedVersion, String by, AfterWrite<Deal> response) {
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, id);
			if (current.version() != expectedVersion) {
				throw new ApiException(ErrorCode.CONFLICT, "Deal " + id + " is at version " + current.version()
						+ ", not " + expectedVersion + ": someone changed it meanwhile. Read it again and reapply.");
			}
			Checked checked = check(tx, List.of(new Row(id, input)), Map.of(id, current));
			checked.throwIfAny("input", 1);
			DealDraft draft = checked.drafts().getFirst();
			Deal updated = this.writes.replace(tx, current, draft, expectedVersion + 1);
			return answered(tx, response,
					updated.asOfChange(this.audit.record(tx, by, "updateDeal", id, current, updated)));
		});
	}

	Deal retract(String id, String reason, String by, AfterWrite<Deal> response) {
		List<Violation> violations = new ArrayList<>();
		WriteRules.text(violations, "reason", reason, WriteRules.MAX_TEXT, true);
		InvalidInput.throwIfAny(violations);
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, id);
			if (current.retraction() != null) {
				return answered(tx, response, current);
			}
			Deal retracted = this.writes.retract(tx, current, Instant.now().toString(), by, reason);
			return answered(tx, response,
					retracted.asOfChange(this.audit.record(tx, by, "retractDeal", id, current, retracted)));
		});
	}

	Deal addSource(String dealId, SourceInput input, String by, AfterWrite<Deal> response) {
		Source source = InputRules.source(input, "source");
		return this.cypher.write((tx) -> {
			Deal current = existing(tx, dealId);
			if (current.sources().size() >= WriteRules.MAX_SOURCES) {
				throw new InvalidInput(ErrorCode.LIMIT_EXCEEDED,
						List.of(new Violation("source", "a deal has at most " + WriteRules.MAX_SOURCES + " sources")));
			}
			Deal updated = this.writes.addSource(tx, current, source);
			return answered(tx, response,
					updated.asOfChange(this.audit.record(tx, by, "addSource", dealId, current, updated)));
		});
	}

	/** The deal a write answers, once {@code response} has read what it needs beneath. */
	private static Deal answered(CypherExecutor.Writer tx, AfterWrite<Deal> response, Deal deal) {
		response.read(tx, deal);
		return deal;
	}

	private Deal existing(CypherExecutor.Writer tx, String id) {
		return this.writes.lockAndFind(tx, id)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No deal has the id '" + id + "'."));
	}

	/**
	 * The rows that pass the rules, as drafts, what each other row breaks, by its index
	 * (fields are relative to the row), and the parties named that exist, by id.
	 */
	private record Checked(List<DealDraft> drafts, Map<Integer, List<Violation>> violations,
			Map<String, Organization> parties) {

		/**
		 * Throws {@link InvalidInput} with every row's violations, each field under
		 * {@code field} ({@code input.amount}) or, in a batch, under its row
		 * ({@code input[3].amount}).
		 */
		void throwIfAny(String field, int rows) {
			List<Violation> all = new ArrayList<>();
			this.violations.forEach((row, violations) -> all
				.addAll(InputRules.placed(violations, (rows == 1) ? field : field + "[" + row + "]")));
			InvalidInput.throwIfAny(all);
		}

	}

	/**
	 * Checks rows against the rules and the parties' kinds, all violations at once.
	 * {@code stored} holds, by id, the deals that rows update.
	 */
	private Checked check(CypherExecutor.Writer tx, List<Row> rows, Map<String, Deal> stored) {
		Set<String> ids = new HashSet<>();
		rows.forEach((row) -> {
			ids.add(row.input().from());
			ids.add(row.input().to());
		});
		ids.remove(null);
		Map<String, Organization> parties = new HashMap<>();
		Map<String, OrganizationKind> kinds = new HashMap<>();
		tx.run(EditingStatements.PARTIES, Map.of("ids", List.copyOf(ids))).forEach((row) -> {
			Organization party = Organization.from(row.get("organization"));
			parties.put(party.id(), party);
			kinds.put(party.id(), party.kind());
		});
		List<DealDraft> drafts = new ArrayList<>();
		Map<Integer, List<Violation>> violations = new TreeMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String id = (row.id() != null) ? row.id() : newId();
			List<Violation> found = new ArrayList<>();
			DealDraft draft = InputRules.deal(id, row.input(), kinds, found, history(row.input(), stored.get(id)));
			if (draft != null) {
				drafts.add(draft);
			}
			else {
				violations.put(i, found);
			}
		}
		return new Checked(drafts, violations, parties);
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
			if (history.size() >= WriteRules.MAX_STATUS_CHANGES) {
				throw new InvalidInput(ErrorCode.LIMIT_EXCEEDED, List.of(new Violation("input.status",
						"a deal has at most " + WriteRules.MAX_STATUS_CHANGES + " status changes")));
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

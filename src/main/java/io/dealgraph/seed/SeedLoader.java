package io.dealgraph.seed;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.csv.DataFileException;
import io.dealgraph.audit.AuditLog;
import io.dealgraph.cypher.SeedStatements;
import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.DealWrites;
import io.dealgraph.organization.FactDraft;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationWrites;
import io.dealgraph.site.SiteWrites;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.Workload;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the seed files of a folder into the graph. Every file is read and checked first,
 * so a malformed row stops the load with its file, line and reason before anything is
 * written. Then the seed is written in batches of at most {@link #BATCH} rows, each its
 * own start-up transaction, so that neither memory nor a transaction grows with the seed.
 * A marker in the graph says whether a load is under way or done: a start interrupted
 * half-way leaves it under way, and the next start loads again. Writes MERGE on ids, so
 * loading twice gives the same graph.
 *
 * <p>
 * The marker also names the seed's revision. When the seed files change (a correction, a
 * deal re-encoded under a new type), a graph loaded from an earlier revision of the same
 * location merges the seed again at start, so corrections reach it; a deal an editor has
 * changed since (its version above 1) keeps the editor's version, and a deal the seed
 * withdrew is retracted with the seed's reason.
 */
@Component
public class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	/** Who the audit log names for what the seed writes. */
	static final String BY = "seed";

	/** Rows per transaction. */
	static final int BATCH = 500;

	/** Whether a graph needs the seed under {@code IF_EMPTY}. */
	public enum State {

		/** No organizations, and no load begun. */
		EMPTY,
		/** A load began and did not finish. */
		INTERRUPTED,
		/** The seed of this location was loaded at another revision of its files. */
		OUTDATED,
		/** Organizations are there, seeded or written otherwise. */
		PRESENT

	}

	private final CypherExecutor cypher;

	private final ResourceLoader resources;

	private final OrganizationWrites organizationWrites;

	private final DealWrites dealWrites;

	private final SiteWrites siteWrites;

	private final AuditLog audit;

	SeedLoader(CypherExecutor cypher, ResourceLoader resources, OrganizationWrites organizationWrites,
			DealWrites dealWrites, SiteWrites siteWrites, AuditLog audit) {
		this.cypher = cypher.forWork(Workload.STARTUP);
		this.resources = resources;
		this.organizationWrites = organizationWrites;
		this.dealWrites = dealWrites;
		this.siteWrites = siteWrites;
		this.audit = audit;
	}

	/** How many organizations the graph holds. */
	public long organizationCount() {
		return this.cypher.read(SeedStatements.STATE, Map.of()).getFirst().get("organizations").asLong();
	}

	/**
	 * Whether the graph holds the seed at {@code location} as its files are now, an
	 * earlier revision of it, nothing, or a load that stopped half-way.
	 */
	public StateReport state(String location) {
		var row = this.cypher.read(SeedStatements.STATE, Map.of()).getFirst();
		long organizations = row.get("organizations").asLong();
		String marker = row.get("state").asString(null);
		boolean earlierRevision = "loaded".equals(marker) && location.equals(row.get("location").asString(null))
				&& !SeedFiles.revision(this.resources, location).equals(row.get("revision").asString(null));
		State state = "loading".equals(marker) ? State.INTERRUPTED
				: (organizations == 0) ? State.EMPTY : earlierRevision ? State.OUTDATED : State.PRESENT;
		return new StateReport(state, organizations);
	}

	/** The seed's state and how many organizations the graph holds. */
	public record StateReport(State state, long organizations) {
	}

	/**
	 * Reads, checks and writes the seed folder at {@code location} (a Spring resource
	 * location ending in {@code /}).
	 * @throws DataFileException when any row is malformed; nothing is written then
	 */
	public SeedReport load(String location) {
		return load(location, () -> {
		});
	}

	/**
	 * As {@link #load(String)}, calling {@code afterEachBatch} after every committed
	 * batch (the start-up lock renews its lease there).
	 */
	public SeedReport load(String location, Runnable afterEachBatch) {
		SeedFiles.Seed seed = SeedFiles.read(this.resources, location);
		Map<String, Object> marker = Map.of("location", location, "revision", seed.revision());
		this.cypher.write((tx) -> tx.run(SeedStatements.MARK, with(marker, "state", "loading")));
		// Organizations before the deals and facts that point at them.
		inBatches(seed.organizations(), afterEachBatch, this.organizationWrites::upsert);
		List<String> seedIds = seed.deals().stream().map(DealDraft::id).toList();
		Set<String> edited = new HashSet<>(
				this.cypher.read(SeedStatements.EDITED, Map.of("ids", seedIds), (row) -> row.get("id").asString()));
		if (!edited.isEmpty()) {
			log.warn("Seed: {} deals changed by editors keep their version: {}", edited.size(), new TreeSet<>(edited));
		}
		inBatches(seed.deals().stream().filter((deal) -> !edited.contains(deal.id())).toList(), afterEachBatch,
				this.dealWrites::upsert);
		this.cypher.write((tx) -> {
			seed.withdrawn().forEach((withdrawn) -> retract(tx, withdrawn));
			return null;
		});
		inBatches(seed.facts(), afterEachBatch, this.organizationWrites::upsertFacts);
		// Per batch of organizations, with the keys of their own facts only: a graph of
		// many organizations never makes one huge transaction or parameter list here.
		Map<String, List<String>> factKeys = seed.facts()
			.stream()
			.collect(Collectors.groupingBy(FactDraft::organizationId,
					Collectors.mapping(FactDraft::key, Collectors.toList())));
		inBatches(seed.organizations().stream().map(Organization::id).toList(), afterEachBatch, (tx, ids) -> {
			this.organizationWrites.removeUnstatedFacts(tx, ids,
					ids.stream().flatMap((id) -> factKeys.getOrDefault(id, List.of()).stream()).toList());
			this.organizationWrites.refreshClassifications(tx, ids);
		});
		inBatches(seed.events(), afterEachBatch,
				(tx, rows) -> tx.run(SeedStatements.UPSERT_EVENTS, Map.of("rows", rows)));
		this.cypher.write((tx) -> {
			this.siteWrites.upsert(tx, seed.sites());
			this.siteWrites.link(tx, seedIds, seed.dealSites(), seed.relations());
			return null;
		});
		this.cypher.write((tx) -> tx.run(SeedStatements.MARK, with(marker, "state", "loaded")));
		var report = new SeedReport(seed.organizations().size(), seed.deals().size(),
				seed.deals().stream().mapToInt((d) -> d.sources().size()).sum(), seed.facts().size(),
				seed.events().size());
		log.info("Seed: merged {} from {}", report, location);
		return report;
	}

	/**
	 * Retracts a deal the seed withdrew, where the graph holds it and it stands, as an
	 * admin's retraction is made: kept with who, when and why, and recorded in the audit
	 * log, so the correction is on record.
	 */
	private void retract(CypherExecutor.Writer tx, SeedFiles.Withdrawn withdrawn) {
		for (Deal current : this.dealWrites.find(tx, List.of(withdrawn.dealId()))) {
			if (current.retraction() == null) {
				Deal retracted = this.dealWrites.retract(tx, current, Instant.now().toString(), BY, withdrawn.reason());
				this.audit.record(tx, BY, "retractDeal", current.id(), current, retracted);
			}
		}
	}

	private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
		Map<String, Object> all = new HashMap<>(values);
		all.put(key, value);
		return all;
	}

	private <T> void inBatches(List<T> rows, Runnable afterEachBatch,
			BiConsumer<CypherExecutor.Writer, List<T>> write) {
		for (int start = 0; start < rows.size(); start += BATCH) {
			List<T> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
			this.cypher.write((tx) -> {
				write.accept(tx, batch);
				return null;
			});
			afterEachBatch.run();
		}
	}

}

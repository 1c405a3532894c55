package io.dealgraph.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.csv.CsvRow;
import io.dealgraph.csv.CsvTable;
import io.dealgraph.csv.DataFileException;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.DealStatus;
import io.dealgraph.graph.DealType;
import io.dealgraph.deal.DealWrites;
import io.dealgraph.deal.FinancingInstrument;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.FactDraft;
import io.dealgraph.organization.InvestorType;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationKind;
import io.dealgraph.organization.OrganizationWrites;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.system.CypherExecutor;
import io.dealgraph.system.Workload;
import org.springframework.core.io.Resource;
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
 */
@Component
public class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	/** Rows per transaction. */
	static final int BATCH = 500;

	/** Whether a graph needs the seed under {@code IF_EMPTY}. */
	public enum State {

		/** No organizations, and no load begun. */
		EMPTY,
		/** A load began and did not finish. */
		INTERRUPTED,
		/** Organizations are there, seeded or written otherwise. */
		PRESENT

	}

	private static final String STATE = """
			OPTIONAL MATCH (marker:DealgraphSeed {name: 'seed'})
			RETURN marker.state AS state, COUNT { (o:Organization) } AS organizations
			""";

	private static final String MARK = """
			MERGE (marker:DealgraphSeed {name: 'seed'})
			SET marker.state = $state, marker.location = $location, marker.at = datetime()
			""";

	private static final String UPSERT_EVENTS = """
			UNWIND $rows AS row
			MERGE (e:ContextEvent {key: row.key})
			SET e = row
			""";

	private final CypherExecutor cypher;

	private final ResourceLoader resources;

	private final OrganizationWrites organizationWrites;

	private final DealWrites dealWrites;

	SeedLoader(CypherExecutor cypher, ResourceLoader resources, OrganizationWrites organizationWrites,
			DealWrites dealWrites) {
		this.cypher = cypher.forWork(Workload.STARTUP);
		this.resources = resources;
		this.organizationWrites = organizationWrites;
		this.dealWrites = dealWrites;
	}

	/** How many organizations the graph holds. */
	public long organizationCount() {
		return state().organizations();
	}

	/** Whether the graph holds the seed, nothing, or a load that stopped half-way. */
	public StateReport state() {
		var row = this.cypher.read(STATE, Map.of()).getFirst();
		long organizations = row.get("organizations").asLong();
		String marker = row.get("state").isNull() ? null : row.get("state").asString();
		State state = "loading".equals(marker) ? State.INTERRUPTED : (organizations == 0) ? State.EMPTY : State.PRESENT;
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
		Seed seed = read(location);
		this.cypher.write((tx) -> tx.run(MARK, Map.of("state", "loading", "location", location)));
		// Organizations before the deals and facts that point at them.
		inBatches(seed.organizations(), afterEachBatch, this.organizationWrites::upsert);
		inBatches(seed.deals(), afterEachBatch, this.dealWrites::upsert);
		inBatches(seed.facts(), afterEachBatch, this.organizationWrites::upsertFacts);
		inBatches(seed.events(), afterEachBatch, (tx, rows) -> tx.run(UPSERT_EVENTS, Map.of("rows", rows)));
		this.cypher.write((tx) -> tx.run(MARK, Map.of("state", "loaded", "location", location)));
		var report = new SeedReport(seed.organizations().size(), seed.deals().size(),
				seed.deals().stream().mapToInt((d) -> d.sources().size()).sum(), seed.facts().size(),
				seed.events().size());
		log.info("Seed: merged {} from {}", report, location);
		return report;
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

	private record Seed(List<Organization> organizations, List<DealDraft> deals, List<FactDraft> facts,
			List<Map<String, Object>> events) {
	}

	private Seed read(String location) {
		CsvTable organizationsFile = table(location, "organizations.csv", List.of("id", "name", "kind", "category",
				"aliases", "country", "ticker", "investor_types", "undisclosed"));
		CsvTable dealsFile = table(location, "deals.csv",
				List.of("id", "type", "from_id", "to_id", "announced_on", "amount", "currency", "amount_qualifier",
						"amount_period", "capacity_mw", "term_years", "instrument", "stake_percent", "status",
						"description"));
		CsvTable sourcesFile = table(location, "deal-sources.csv",
				List.of("deal_id", "url", "title", "publisher", "confidence", "note"));
		CsvTable historyFile = table(location, "deal-status-history.csv", List.of("deal_id", "status", "on", "note"));
		CsvTable factsFile = table(location, "organization-facts.csv", List.of("organization_id", "attribute", "value",
				"unit", "as_of", "source_url", "source_title", "source_publisher", "confidence", "note"));
		CsvTable eventsFile = table(location, "context-events.csv",
				List.of("on", "description", "source_url", "source_title", "confidence"));

		List<Organization> organizations = organizations(organizationsFile);
		Set<String> organizationIds = new HashSet<>();
		organizations.forEach((o) -> organizationIds.add(o.id()));

		Map<String, List<Source>> sources = new HashMap<>();
		for (CsvRow row : sourcesFile.rows()) {
			sources.computeIfAbsent(row.required("deal_id"), (id) -> new ArrayList<>()).add(source(row));
		}
		Map<String, List<StatusChange>> history = new HashMap<>();
		for (CsvRow row : historyFile.rows()) {
			history.computeIfAbsent(row.required("deal_id"), (id) -> new ArrayList<>())
				.add(new StatusChange(row.requiredEnum("status", DealStatus.class), row.partialDate("on"),
						row.text("note")));
		}
		List<DealDraft> deals = deals(dealsFile, organizationIds, sources, history);
		Set<String> dealIds = new HashSet<>();
		deals.forEach((d) -> dealIds.add(d.id()));
		requireKnownDeals(sourcesFile, dealIds);
		requireKnownDeals(historyFile, dealIds);

		List<FactDraft> facts = new ArrayList<>();
		for (CsvRow row : factsFile.rows()) {
			String organizationId = row.required("organization_id");
			if (!organizationIds.contains(organizationId)) {
				throw row.error("organization_id '" + organizationId + "' is not in organizations.csv");
			}
			var source = new Source(row.text("source_url"), row.text("source_title"), row.text("source_publisher"),
					row.requiredEnum("confidence", Confidence.class), null);
			requireUrlOrTitle(row, source);
			facts.add(new FactDraft(organizationId, new Fact(row.required("attribute"), row.required("value"),
					row.text("unit"), row.partialDate("as_of"), source, row.text("note"))));
		}
		List<Map<String, Object>> events = new ArrayList<>();
		for (CsvRow row : eventsFile.rows()) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("on", row.partialDate("on"));
			event.put("description", row.required("description"));
			event.put("sourceUrl", row.text("source_url"));
			event.put("sourceTitle", row.text("source_title"));
			event.put("confidence", row.requiredEnum("confidence", Confidence.class).name());
			event.put("key", row.text("on") + "|" + row.required("description"));
			events.add(event);
		}
		return new Seed(organizations, deals, facts, events);
	}

	private static List<Organization> organizations(CsvTable file) {
		List<Organization> organizations = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (CsvRow row : file.rows()) {
			String id = row.required("id");
			if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
				throw row.error("id '" + id + "' must be a lowercase slug such as hut-8");
			}
			if (!ids.add(id)) {
				throw row.error("id '" + id + "' appears twice");
			}
			organizations
				.add(new Organization(id, row.required("name"), row.requiredEnum("kind", OrganizationKind.class),
						row.text("category"), row.list("aliases"), row.text("country"), row.text("ticker"),
						row.enumList("investor_types", InvestorType.class), row.bool("undisclosed")));
		}
		return organizations;
	}

	private static List<DealDraft> deals(CsvTable file, Set<String> organizationIds, Map<String, List<Source>> sources,
			Map<String, List<StatusChange>> history) {
		List<DealDraft> deals = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (CsvRow row : file.rows()) {
			String id = row.required("id");
			if (!ids.add(id)) {
				throw row.error("id '" + id + "' appears twice");
			}
			String from = knownOrganization(row, "from_id", organizationIds);
			String to = knownOrganization(row, "to_id", organizationIds);
			DealType type = row.requiredEnum("type", DealType.class);
			FinancingInstrument instrument = row.enumValue("instrument", FinancingInstrument.class);
			if (instrument != null && type != DealType.FINANCING) {
				throw row.error("instrument applies to FINANCING deals only, not " + type);
			}
			DealStatus status = row.requiredEnum("status", DealStatus.class);
			List<Source> dealSources = sources.getOrDefault(id, List.of());
			if (dealSources.isEmpty()) {
				throw row.error("deal " + id + " has no source in deal-sources.csv; every fact needs one");
			}
			List<StatusChange> changes = history.getOrDefault(id, List.of());
			if (!changes.isEmpty() && changes.getLast().status() != status) {
				throw row.error("status " + status + " differs from the last status in deal-status-history.csv ("
						+ changes.getLast().status() + ")");
			}
			if (changes.isEmpty()) {
				changes = List.of(new StatusChange(status, null, null));
			}
			deals.add(new DealDraft(id, type, from, to, row.partialDate("announced_on"), money(row),
					row.number("capacity_mw"), row.number("term_years"), instrument, row.number("stake_percent"),
					status, changes, row.text("description"), dealSources));
		}
		return deals;
	}

	private static Money money(CsvRow row) {
		Double amount = row.number("amount");
		if (amount == null) {
			if (row.text("currency") != null || row.text("amount_qualifier") != null) {
				throw row.error("currency and amount_qualifier need an amount");
			}
			return null;
		}
		String currency = row.required("currency");
		if (!currency.matches("[A-Z]{3}")) {
			throw row.error("currency '" + currency + "' is not an ISO 4217 code such as USD");
		}
		return new Money(amount, currency, row.requiredEnum("amount_qualifier", AmountQualifier.class),
				row.requiredEnum("amount_period", AmountPeriod.class));
	}

	private static Source source(CsvRow row) {
		var source = new Source(row.text("url"), row.text("title"), row.text("publisher"),
				row.requiredEnum("confidence", Confidence.class), row.text("note"));
		requireUrlOrTitle(row, source);
		return source;
	}

	private static void requireUrlOrTitle(CsvRow row, Source source) {
		if (source.url() == null && source.title() == null) {
			throw row.error("a source needs a url or, for a document without one, a title");
		}
	}

	private static String knownOrganization(CsvRow row, String column, Set<String> organizationIds) {
		String id = row.required(column);
		if (!organizationIds.contains(id)) {
			throw row.error(column + " '" + id + "' is not in organizations.csv");
		}
		return id;
	}

	private static void requireKnownDeals(CsvTable file, Set<String> dealIds) {
		for (CsvRow row : file.rows()) {
			if (!dealIds.contains(row.required("deal_id"))) {
				throw row.error("deal_id '" + row.required("deal_id") + "' is not in deals.csv");
			}
		}
	}

	private CsvTable table(String location, String fileName, List<String> columns) {
		Resource resource = this.resources.getResource(location + fileName);
		if (!resource.exists()) {
			throw new DataFileException("Seed file " + location + fileName + " does not exist");
		}
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return CsvTable.parse(fileName, new BufferedReader(reader), columns);
		}
		catch (IOException ex) {
			throw new DataFileException("Cannot read " + location + fileName + ": " + ex.getMessage());
		}
	}

}

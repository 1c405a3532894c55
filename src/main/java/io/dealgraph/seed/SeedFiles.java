package io.dealgraph.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dealgraph.csv.CsvRow;
import io.dealgraph.csv.CsvTable;
import io.dealgraph.csv.DataFileException;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.graph.DealType;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.FactDraft;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.organization.Organization;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.rules.Violation;
import io.dealgraph.rules.WriteRules;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads a seed folder and checks it whole before anything is written. Each fact meets
 * {@link WriteRules}, the rules an editor's write meets, so the seed can never hold what
 * the API would refuse; what is checked here besides is only what the files' shape adds:
 * ids that appear twice, and rows that point at a deal or organization the other files do
 * not have. A broken row stops the read with its file, line and every rule it breaks.
 */
final class SeedFiles {

	private SeedFiles() {
	}

	/** The files of a seed folder, in the order they are read. */
	static final List<String> FILES = List.of("organizations.csv", "deals.csv", "deal-sources.csv",
			"deal-status-history.csv", "organization-facts.csv", "context-events.csv", "withdrawn-deals.csv");

	/**
	 * A seed folder, read and checked. {@code revision} names the files' content: a graph
	 * loaded at another revision merges the seed again.
	 */
	record Seed(List<Organization> organizations, List<DealDraft> deals, List<FactDraft> facts,
			List<Map<String, Object>> events, List<Withdrawn> withdrawn, String revision) {
	}

	/**
	 * A deal an earlier seed held and this one withdraws, with the reason: it is
	 * retracted where a graph still holds it, so the correction stays on record.
	 */
	record Withdrawn(String dealId, String reason) {
	}

	/**
	 * Reads the seed folder at {@code location} (a Spring resource location ending in
	 * {@code /}).
	 * @throws DataFileException naming the file, line and reason of the first broken row
	 */
	static Seed read(ResourceLoader resources, String location) {
		CsvTable organizationsFile = table(resources, location, "organizations.csv", List.of("id", "name", "kind",
				"category", "aliases", "country", "ticker", "investor_types", "undisclosed"));
		CsvTable dealsFile = table(resources, location, "deals.csv",
				List.of("id", "type", "from_id", "to_id", "announced_on", "amount", "currency", "amount_qualifier",
						"amount_period", "capacity_mw", "term_years", "instrument", "stake_percent", "role", "scope",
						"round", "status", "description"));
		CsvTable sourcesFile = table(resources, location, "deal-sources.csv",
				List.of("deal_id", "url", "title", "publisher", "confidence", "note"));
		CsvTable historyFile = table(resources, location, "deal-status-history.csv",
				List.of("deal_id", "status", "on", "note"));
		CsvTable factsFile = table(resources, location, "organization-facts.csv",
				List.of("organization_id", "attribute", "value", "unit", "as_of", "source_url", "source_title",
						"source_publisher", "confidence", "note"));
		CsvTable eventsFile = table(resources, location, "context-events.csv",
				List.of("on", "description", "source_url", "source_title", "confidence"));
		// Optional: a seed that never withdrew a deal needs no such file.
		List<CsvRow> withdrawnRows = resources.getResource(location + "withdrawn-deals.csv").exists()
				? table(resources, location, "withdrawn-deals.csv", List.of("deal_id", "reason")).rows() : List.of();

		List<Organization> organizations = organizations(organizationsFile);
		Map<String, OrganizationKind> kinds = new HashMap<>();
		organizations.forEach((o) -> kinds.put(o.id(), o.kind()));

		Map<String, List<Source>> sources = new HashMap<>();
		for (CsvRow row : sourcesFile.rows()) {
			var source = new Source(row.text("url"), row.text("title"), row.text("publisher"),
					row.requiredEnum("confidence", Confidence.class), row.text("note"));
			meetsRules(row, WriteRules.source(source));
			sources.computeIfAbsent(row.required("deal_id"), (id) -> new ArrayList<>()).add(source);
		}
		Map<String, List<StatusChange>> history = new HashMap<>();
		for (CsvRow row : historyFile.rows()) {
			history.computeIfAbsent(row.required("deal_id"), (id) -> new ArrayList<>())
				.add(new StatusChange(row.requiredEnum("status", DealStatus.class), row.partialDate("on"),
						row.text("note")));
		}
		List<DealDraft> deals = deals(dealsFile, kinds, sources, history);
		Set<String> dealIds = new HashSet<>();
		deals.forEach((d) -> dealIds.add(d.id()));
		requireKnownDeals(sourcesFile, dealIds);
		requireKnownDeals(historyFile, dealIds);

		List<FactDraft> facts = new ArrayList<>();
		for (CsvRow row : factsFile.rows()) {
			String organizationId = row.required("organization_id");
			if (!kinds.containsKey(organizationId)) {
				throw row.error("organization_id '" + organizationId + "' is not in organizations.csv");
			}
			var source = new Source(row.text("source_url"), row.text("source_title"), row.text("source_publisher"),
					row.requiredEnum("confidence", Confidence.class), null);
			var fact = new Fact(row.required("attribute"), row.required("value"), row.text("unit"),
					row.partialDate("as_of"), source, row.text("note"));
			meetsRules(row, WriteRules.fact(fact));
			facts.add(new FactDraft(organizationId, fact));
		}
		List<Map<String, Object>> events = new ArrayList<>();
		for (CsvRow row : eventsFile.rows()) {
			var source = new Source(row.text("source_url"), row.text("source_title"), null,
					row.requiredEnum("confidence", Confidence.class), null);
			meetsRules(row, WriteRules.source(source));
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("on", row.partialDate("on"));
			event.put("description", row.required("description"));
			event.put("sourceUrl", source.url());
			event.put("sourceTitle", source.title());
			event.put("confidence", source.confidence().name());
			event.put("key", row.text("on") + "|" + row.required("description"));
			events.add(event);
		}
		List<Withdrawn> withdrawn = new ArrayList<>();
		for (CsvRow row : withdrawnRows) {
			String id = row.required("deal_id");
			if (dealIds.contains(id)) {
				throw row.error("deal_id '" + id + "' is withdrawn and still in deals.csv");
			}
			List<Violation> violations = new ArrayList<>();
			WriteRules.text(violations, "reason", row.required("reason"), WriteRules.MAX_TEXT, true);
			meetsRules(row, violations);
			withdrawn.add(new Withdrawn(id, row.required("reason")));
		}
		return new Seed(organizations, deals, facts, events, withdrawn, revision(resources, location));
	}

	private static List<Organization> organizations(CsvTable file) {
		List<Organization> organizations = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (CsvRow row : file.rows()) {
			String id = row.required("id");
			if (!ids.add(id)) {
				throw row.error("id '" + id + "' appears twice");
			}
			var organization = new Organization(id, row.required("name"),
					row.requiredEnum("kind", OrganizationKind.class), row.text("category"), row.list("aliases"),
					row.text("country"), row.text("ticker"), row.enumList("investor_types", InvestorType.class),
					row.bool("undisclosed"));
			meetsRules(row, WriteRules.organization(organization));
			organizations.add(organization);
		}
		return organizations;
	}

	private static List<DealDraft> deals(CsvTable file, Map<String, OrganizationKind> kinds,
			Map<String, List<Source>> sources, Map<String, List<StatusChange>> history) {
		List<DealDraft> deals = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (CsvRow row : file.rows()) {
			String id = row.required("id");
			if (!ids.add(id)) {
				throw row.error("id '" + id + "' appears twice");
			}
			DealStatus status = row.requiredEnum("status", DealStatus.class);
			List<StatusChange> changes = history.getOrDefault(id, List.of());
			if (changes.isEmpty()) {
				changes = List.of(new StatusChange(status, null, null));
			}
			var deal = new DealDraft(id, row.requiredEnum("type", DealType.class), row.required("from_id"),
					row.required("to_id"), row.partialDate("announced_on"), money(row), row.number("capacity_mw"),
					row.number("term_years"), row.enumValue("instrument", FinancingInstrument.class),
					row.number("stake_percent"), row.enumValue("role", FinancingRole.class),
					row.enumValue("scope", AcquisitionScope.class), row.text("round"), status, changes,
					row.text("description"), sources.getOrDefault(id, List.of()));
			meetsRules(row, WriteRules.deal(deal, kinds));
			deals.add(deal);
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
		return new Money(amount, row.required("currency"), row.requiredEnum("amount_qualifier", AmountQualifier.class),
				row.requiredEnum("amount_period", AmountPeriod.class));
	}

	/** Stops the read at {@code row} when it breaks any rule, naming every one. */
	private static void meetsRules(CsvRow row, List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw row.error(String.join("; ", violations.stream().map(Violation::toString).toList()));
		}
	}

	private static void requireKnownDeals(CsvTable file, Set<String> dealIds) {
		for (CsvRow row : file.rows()) {
			if (!dealIds.contains(row.required("deal_id"))) {
				throw row.error("deal_id '" + row.required("deal_id") + "' is not in deals.csv");
			}
		}
	}

	/** A digest of every seed file's bytes, in {@link #FILES} order. */
	static String revision(ResourceLoader resources, String location) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String file : FILES) {
				Resource resource = resources.getResource(location + file);
				if (resource.exists()) {
					digest.update(file.getBytes(StandardCharsets.UTF_8));
					digest.update(resource.getContentAsByteArray());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new DataFileException("Cannot read the seed at " + location + ": " + ex.getMessage());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	private static CsvTable table(ResourceLoader resources, String location, String fileName, List<String> columns) {
		Resource resource = resources.getResource(location + fileName);
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

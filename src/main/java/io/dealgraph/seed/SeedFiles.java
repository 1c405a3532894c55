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
import java.util.TreeSet;

import io.dealgraph.csv.CsvRow;
import io.dealgraph.csv.CsvTable;
import io.dealgraph.csv.DataFileException;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.Deal.Capacity;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.RelationReason;
import io.dealgraph.site.Site;
import io.dealgraph.site.SiteWrites.DealRelation;
import io.dealgraph.site.SiteWrites.DealSite;
import io.dealgraph.site.SiteWrites.SiteRow;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.graph.DealType;
import io.dealgraph.organization.Claimed;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.FactDraft;
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
			"deal-status-history.csv", "organization-facts.csv", "context-events.csv", "withdrawn-deals.csv",
			"sites.csv", "site-sources.csv", "deal-sites.csv", "related-deals.csv");

	/**
	 * A seed folder, read and checked. {@code revision} names the files' content: a graph
	 * loaded at another revision merges the seed again.
	 */
	record Seed(List<Organization> organizations, List<DealDraft> deals, List<FactDraft> facts,
			List<Map<String, Object>> events, List<Withdrawn> withdrawn, List<SiteRow> sites, List<DealSite> dealSites,
			List<DealRelation> relations, String revision) {
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
		CsvTable organizationsFile = table(resources, location, "organizations.csv",
				List.of("id", "name", "kind", "category", "aliases", "country", "ticker", "undisclosed"));
		CsvTable dealsFile = table(resources, location, "deals.csv",
				List.of("id", "type", "from_id", "to_id", "announced_on", "amount", "currency", "amount_qualifier",
						"amount_period", "capacity_mw", "capacity_basis", "capacity_qualifier", "term_years",
						"instrument", "stake_percent", "role", "scope", "round", "status", "description"));
		CsvTable sourcesFile = table(resources, location, "deal-sources.csv", List.of("deal_id", "url", "title",
				"publisher", "published_on", "retrieved_on", "archive_url", "quote", "confidence", "note"));
		CsvTable historyFile = table(resources, location, "deal-status-history.csv",
				List.of("deal_id", "status", "on", "note"));
		CsvTable factsFile = table(resources, location, "organization-facts.csv",
				List.of("organization_id", "attribute", "value", "unit", "as_of", "source_url", "source_title",
						"source_publisher", "source_published_on", "source_retrieved_on", "source_archive_url",
						"source_quote", "confidence", "note"));
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
					row.partialDate("published_on"), row.partialDate("retrieved_on"), row.text("archive_url"),
					row.text("quote"), row.requiredEnum("confidence", Confidence.class), row.text("note"));
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
					row.partialDate("source_published_on"), row.partialDate("source_retrieved_on"),
					row.text("source_archive_url"), row.text("source_quote"),
					row.requiredEnum("confidence", Confidence.class), null);
			var fact = new Fact(row.required("attribute"), row.required("value"), row.text("unit"),
					row.partialDate("as_of"), source, row.text("note"));
			meetsRules(row, WriteRules.fact(fact));
			facts.add(new FactDraft(organizationId, fact));
		}
		requireKindClaims(organizations, facts);
		List<Map<String, Object>> events = new ArrayList<>();
		for (CsvRow row : eventsFile.rows()) {
			var source = Source.of(row.text("source_url"), row.text("source_title"), null,
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
		List<SiteRow> sites = sites(resources, location, kinds);
		Set<String> siteIds = new HashSet<>();
		sites.forEach((row) -> siteIds.add(row.site().id()));
		List<DealSite> dealSites = new ArrayList<>();
		for (CsvRow row : optionalRows(resources, location, "deal-sites.csv", List.of("deal_id", "site_id"))) {
			known(row, "deal_id", dealIds, "deals.csv");
			known(row, "site_id", siteIds, "sites.csv");
			dealSites.add(new DealSite(row.required("deal_id"), row.required("site_id")));
		}
		List<DealRelation> relations = new ArrayList<>();
		for (CsvRow row : optionalRows(resources, location, "related-deals.csv",
				List.of("deal_id", "related_deal_id", "reason"))) {
			known(row, "deal_id", dealIds, "deals.csv");
			known(row, "related_deal_id", dealIds, "deals.csv");
			RelationReason reason = row.requiredEnum("reason", RelationReason.class);
			if (!reason.isStored()) {
				throw row.error("reason " + reason + " is read from the other deal: write the link the other way, with "
						+ reason.inverse());
			}
			if (row.required("deal_id").equals(row.required("related_deal_id"))) {
				throw row.error("a deal is not related to itself");
			}
			relations.add(new DealRelation(row.required("deal_id"), row.required("related_deal_id"), reason));
		}
		return new Seed(organizations, deals, facts, events, withdrawn, sites, dealSites, relations,
				revision(resources, location));
	}

	/** The sites, each with at least one source and a known operator. */
	private static List<SiteRow> sites(ResourceLoader resources, String location, Map<String, OrganizationKind> kinds) {
		Map<String, List<Source>> sources = new HashMap<>();
		for (CsvRow row : optionalRows(resources, location, "site-sources.csv", List.of("site_id", "url", "title",
				"publisher", "published_on", "retrieved_on", "archive_url", "quote", "confidence", "note"))) {
			var source = new Source(row.text("url"), row.text("title"), row.text("publisher"),
					row.partialDate("published_on"), row.partialDate("retrieved_on"), row.text("archive_url"),
					row.text("quote"), row.requiredEnum("confidence", Confidence.class), row.text("note"));
			meetsRules(row, WriteRules.source(source));
			sources.computeIfAbsent(row.required("site_id"), (id) -> new ArrayList<>()).add(source);
		}
		List<SiteRow> sites = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (CsvRow row : optionalRows(resources, location, "sites.csv", List.of("id", "name", "aliases", "country",
				"region", "operator_id", "capacity_mw", "capacity_basis", "capacity_qualifier"))) {
			String id = row.required("id");
			if (!ids.add(id)) {
				throw row.error("id '" + id + "' appears twice");
			}
			Double mw = row.number("capacity_mw");
			CapacityBasis basis = row.enumValue("capacity_basis", CapacityBasis.class);
			CapacityQualifier qualifier = row.enumValue("capacity_qualifier", CapacityQualifier.class);
			if (mw == null && (basis != null || qualifier != null)) {
				throw row.error("capacity_basis and capacity_qualifier need a capacity_mw");
			}
			var site = new Site(
					id, row.required("name"), row.list("aliases"), row.text("country"), row.text("region"), (mw != null)
							? new Capacity(mw, basis, (qualifier != null) ? qualifier : CapacityQualifier.EXACT) : null,
					sources.getOrDefault(id, List.of()));
			meetsRules(row, WriteRules.site(site));
			String operator = row.text("operator_id");
			if (operator != null && !kinds.containsKey(operator)) {
				throw row.error("operator_id '" + operator + "' is not in organizations.csv");
			}
			sites.add(new SiteRow(site, operator));
		}
		Set<String> unknown = new TreeSet<>(sources.keySet());
		unknown.removeAll(ids);
		if (!unknown.isEmpty()) {
			throw new DataFileException("site-sources.csv names sites that are not in sites.csv: " + unknown);
		}
		return sites;
	}

	/** The rows of a seed file a seed may leave out: none then. */
	private static List<CsvRow> optionalRows(ResourceLoader resources, String location, String file,
			List<String> columns) {
		return resources.getResource(location + file).exists() ? table(resources, location, file, columns).rows()
				: List.of();
	}

	private static void known(CsvRow row, String column, Set<String> ids, String file) {
		if (!ids.contains(row.required(column))) {
			throw row.error(column + " '" + row.required(column) + "' is not in " + file);
		}
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
					row.text("country"), row.text("ticker"), Claimed.none(), Claimed.none(), row.bool("undisclosed"));
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
					row.enumValue("capacity_basis", CapacityBasis.class),
					row.enumValue("capacity_qualifier", CapacityQualifier.class), row.number("term_years"),
					row.enumValue("instrument", FinancingInstrument.class), row.number("stake_percent"),
					row.enumValue("role", FinancingRole.class), row.enumValue("scope", AcquisitionScope.class),
					row.text("round"), status, changes, row.text("description"), sources.getOrDefault(id, List.of()));
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

	/**
	 * Every named organization's kind is a sourced claim: a {@code kind} fact for its
	 * kind. Placeholders stand for parties no source names, so they have none.
	 */
	private static void requireKindClaims(List<Organization> organizations, List<FactDraft> facts) {
		Set<String> claimed = new HashSet<>();
		facts.stream()
			.filter((draft) -> draft.fact().attribute().equals(Classification.KIND.attribute()))
			.forEach((draft) -> claimed.add(draft.organizationId() + "/" + draft.fact().value()));
		List<String> unclaimed = organizations.stream()
			.filter((o) -> !o.undisclosed() && !claimed.contains(o.id() + "/" + o.kind().name()))
			.map(Organization::id)
			.toList();
		if (!unclaimed.isEmpty()) {
			throw new DataFileException("organization-facts.csv has no 'kind' claim for the kind of " + unclaimed);
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

package io.dealgraph.citable;

import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.audit.Change;
import io.dealgraph.audit.ChangeQueries;
import io.dealgraph.audit.History;
import io.dealgraph.citable.CitablePage.Claim;
import io.dealgraph.citable.CitablePage.Correction;
import io.dealgraph.citable.CitablePage.DealRow;
import io.dealgraph.citable.CitablePage.Row;
import io.dealgraph.citable.CitablePage.ShownVersion;
import io.dealgraph.citable.CitablePage.SourceView;
import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.RelatedDeal;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.site.Site;
import io.dealgraph.site.SiteQueries;
import io.dealgraph.source.DataLicence;
import io.dealgraph.source.Source;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Builds the citable pages of organizations, deals and sites: as they are now, or as they
 * stood after a change of the audit log. A version is read from the log: each entity's
 * state after its last change up to the version, else before its first change after it,
 * else as it is now ({@link History#at}). What the log does not keep (an organization's
 * facts, a deal's sites) a versioned page leaves out or says is current, rather than
 * showing today's state as the cited one.
 */
@Component
class CitablePages {

	/** The most deals a page lists; the explorer and the API page through more. */
	static final int MAX_DEALS = 500;

	private final OrganizationQueries organizations;

	private final DealQueries deals;

	private final SiteQueries sites;

	private final ChangeQueries changes;

	private final JsonMapper json;

	CitablePages(OrganizationQueries organizations, DealQueries deals, SiteQueries sites, ChangeQueries changes,
			JsonMapper json) {
		this.organizations = organizations;
		this.deals = deals;
		this.sites = sites;
		this.changes = changes;
		this.json = json;
	}

	/** The version a request asks for: a change of the log, or none for the page now. */
	record Asked(long last, @Nullable Long version) {

		long sequence() {
			return (this.version != null) ? this.version : this.last;
		}

		boolean versioned() {
			return this.version != null;
		}

	}

	/** Reads {@code ?version=}: a whole number from 0 (before any change) to the last. */
	Asked asked(@Nullable String version) {
		long last = this.changes.lastSequence();
		if (version == null) {
			return new Asked(last, null);
		}
		long asked;
		try {
			asked = Long.parseLong(version.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("'version' must be a whole number from 0 to " + last + ", not '" + version
					+ "': the number of a change in the audit log.");
		}
		if (asked < 0) {
			throw ApiException.badRequest("'version' must be 0 or more, not " + asked + ".");
		}
		if (asked > last) {
			throw new ApiException(ErrorCode.NOT_FOUND,
					"There is no version " + asked + " yet: the audit log holds " + last + " changes.");
		}
		return new Asked(last, asked);
	}

	/**
	 * The organization this key names now, when it is another: the one an organization
	 * was merged into, whose page is the one to cite.
	 */
	@Nullable String mergedInto(String key) {
		return this.organizations.byId(key).map(Organization::id).filter((id) -> !id.equals(key)).orElse(null);
	}

	CitablePage organization(String key, Asked asked) {
		History history = this.changes.history(key);
		Organization organization = stateAt(history, asked, Organization.class,
				() -> this.organizations.byId(key).filter((found) -> found.id().equals(key)).orElse(null));
		if (organization == null) {
			throw notFound("organization", key, asked);
		}
		List<Row> facts = new ArrayList<>();
		facts.add(Row.of("Key", organization.id()));
		facts.add(Row.of("Kind", organization.kind().typeName()));
		optional(facts, "Category", organization.category());
		if (!organization.aliases().isEmpty()) {
			facts.add(Row.of("Also known as", String.join(", ", organization.aliases())));
		}
		optional(facts, "Country", organization.country());
		optional(facts, "Ticker", organization.ticker());
		if (organization.undisclosed()) {
			facts.add(Row.of("Undisclosed", "the sources name no such party: it stands for one they leave unnamed"));
		}
		List<String> notices = new ArrayList<>();
		List<Claim> claims = List.of();
		if (asked.versioned()) {
			notices.add("The audit log does not keep the history of an organization's sourced facts, so this version "
					+ "leaves them out: the current page lists them.");
		}
		else {
			claims = claims(this.organizations.factsOf(List.of(key), View.NOW).getOrDefault(key, List.of()));
		}
		List<Deal> listed = dealsAt(asked, this.deals.everyDealOf(key, MAX_DEALS),
				asked.versioned() ? this.changes.concerning(key) : Set.of(),
				(deal) -> deal.from().id().equals(key) || deal.to().id().equals(key));
		return page(organization.kind().typeName(), organization.name(), "/org/" + path(key), asked,
				"/#around=" + path(key), notices, facts, claims, List.of(), dealRows(listed, asked), true, history);
	}

	CitablePage deal(String key, Asked asked) {
		History history = this.changes.history(key);
		Deal deal = stateAt(history, asked, Deal.class, () -> this.deals.byId(key, true).orElse(null));
		if (deal == null) {
			throw notFound("deal", key, asked);
		}
		List<String> notices = new ArrayList<>();
		if (deal.retraction() != null) {
			notices.add("Retracted on " + deal.retraction().at() + " by " + deal.retraction().by() + ": "
					+ deal.retraction().reason() + ". The deal is kept, and shown here, so that what cited it can "
					+ "be checked.");
		}
		List<Row> facts = new ArrayList<>();
		facts.add(Row.of("Key", deal.id()));
		facts.add(Row.of("Type", deal.type().typeName()));
		facts.add(Row.linked("From", deal.from().name(), versioned("/org/" + path(deal.from().id()), asked)));
		facts.add(Row.linked("To", deal.to().name(), versioned("/org/" + path(deal.to().id()), asked)));
		optional(facts, "Announced", deal.announcedOn());
		if (deal.amount() != null) {
			facts.add(Row.of("Amount", amount(deal.amount())));
		}
		if (deal.capacity() != null) {
			Deal.Capacity capacity = deal.capacity();
			facts.add(Row.of("Capacity", words(capacity.qualifier().name()) + " " + number(capacity.mw()) + " MW"
					+ ((capacity.basis() != null) ? " (" + words(capacity.basis().name()) + ")" : "")));
		}
		if (deal.termYears() != null) {
			facts.add(Row.of("Term", number(deal.termYears()) + " years"));
		}
		optionalWords(facts, "Instrument", deal.instrument());
		if (deal.stakePercent() != null) {
			facts.add(Row.of("Stake", number(deal.stakePercent()) + " %"));
		}
		optionalWords(facts, "Role", deal.role());
		optionalWords(facts, "Scope", deal.scope());
		optional(facts, "Round", deal.round());
		facts.add(Row.of("Status", words(deal.status().name())));
		for (StatusChange change : deal.statusHistory()) {
			facts.add(Row.of("Status history",
					words(change.status().name()) + ((change.on() != null) ? " on " + change.on() : "")
							+ ((change.note() != null) ? ": " + change.note() : "")));
		}
		optional(facts, "Description", deal.description());
		facts.add(Row.of("Confidence", words(deal.confidence().name())));
		facts.add(Row.of("Version of the deal", Integer.toString(deal.version())));
		// Sites and links between deals are written by the seed only, never changed
		// through the API, so the current ones are those of every version.
		for (Site site : this.sites.sitesOf(List.of(key), View.NOW).getOrDefault(key, List.of())) {
			facts.add(Row.linked("Site", site.name(), versioned("/site/" + path(site.id()), asked)));
		}
		for (RelatedDeal related : this.deals.relatedOf(List.of(key), View.NOW).getOrDefault(key, List.of())) {
			facts.add(Row.linked(words(related.reason().name()), title(related.deal()),
					versioned("/deal/" + path(related.deal().id()), asked)));
		}
		return page(deal.type().typeName() + " deal", title(deal), "/deal/" + path(key), asked,
				"/#around=" + path(deal.from().id()) + "," + path(deal.to().id()), notices, facts, List.of(),
				sources(deal.sources()), List.of(), false, history);
	}

	CitablePage site(String key, Asked asked) {
		Site site = this.sites.byId(key, View.NOW)
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No site has the key '" + key + "'."));
		List<Row> facts = new ArrayList<>();
		facts.add(Row.of("Key", site.id()));
		if (!site.aliases().isEmpty()) {
			facts.add(Row.of("Also known as", String.join(", ", site.aliases())));
		}
		optional(facts, "Country", site.country());
		optional(facts, "Region", site.region());
		if (site.capacity() != null) {
			facts.add(Row.of("Capacity", words(site.capacity().qualifier().name()) + " " + number(site.capacity().mw())
					+ " MW"
					+ ((site.capacity().basis() != null) ? " (" + words(site.capacity().basis().name()) + ")" : "")));
		}
		Organization operator = this.sites.operatorsOf(List.of(key)).get(key);
		if (operator != null) {
			facts.add(Row.linked("Operator", operator.name(), versioned("/org/" + path(operator.id()), asked)));
		}
		List<Deal> listed = dealsAt(asked, this.deals.everyDealAtSite(key, MAX_DEALS), Set.of(), (deal) -> true);
		String explorer = (operator != null) ? "/#around=" + path(operator.id()) : "/";
		return page("Site", site.name(), "/site/" + path(key), asked, explorer, new ArrayList<>(), facts, List.of(),
				sources(site.sources()), dealRows(listed, asked), true, this.changes.history(key));
	}

	/**
	 * The deals of a page at the version asked: those linked now, and those that changes
	 * named with it ({@code named}), each as it stood then, kept when it existed and
	 * {@code belongs}.
	 */
	private List<Deal> dealsAt(Asked asked, List<Deal> now, Set<String> named, Predicate<Deal> belongs) {
		if (!asked.versioned()) {
			return now;
		}
		Set<String> keys = new LinkedHashSet<>();
		now.forEach((deal) -> keys.add(deal.id()));
		keys.addAll(named);
		Map<String, Deal> current = new TreeMap<>();
		now.forEach((deal) -> current.put(deal.id(), deal));
		List<String> missing = keys.stream().filter((key) -> !current.containsKey(key)).toList();
		if (!missing.isEmpty()) {
			this.deals.byIds(missing, true).forEach((deal) -> current.put(deal.id(), deal));
		}
		Map<String, History> histories = this.changes.histories(keys);
		return keys.stream()
			.map((key) -> stateAt(histories.get(key), asked, Deal.class, () -> current.get(key)))
			.filter(Objects::nonNull)
			.filter(belongs)
			.sorted(Comparator.comparing((Deal deal) -> Objects.requireNonNullElse(deal.announcedOn(), ""))
				.reversed()
				.thenComparing(Deal::id, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * An entity at the version asked: now, when none was; else as the log gives it, or
	 * null when it did not exist then.
	 */
	private <T> @Nullable T stateAt(History history, Asked asked, Class<T> type, Supplier<@Nullable T> now) {
		if (!asked.versioned()) {
			return now.get();
		}
		History.StateAt state = history.at(asked.sequence());
		if (!state.fromLog()) {
			return now.get();
		}
		if (state.json() == null) {
			return null;
		}
		JsonNode node = this.json.readTree(state.json());
		// A merge records the two organizations before it; the first is the one kept.
		return this.json.treeToValue(node.isArray() ? node.get(0) : node, type);
	}

	private CitablePage page(String kind, String title, String path, Asked asked, String explorer, List<String> notices,
			List<Row> facts, List<Claim> claims, List<SourceView> sources, List<DealRow> deals, boolean listsDeals,
			History history) {
		List<ShownVersion> shown = asked.versioned() ? List.of(new ShownVersion(asked.sequence(), path)) : List.of();
		return new CitablePage(kind, title, path, path + "?version=" + asked.sequence(), explorer, shown, notices,
				facts, claims, sources, deals, listsDeals, corrections(history, path, asked), DataLicence.NAME,
				DataLicence.URL);
	}

	private List<Correction> corrections(History history, String path, Asked asked) {
		return history.changes()
			.stream()
			.map((change) -> new Correction(change.sequence(), change.at(), change.by(), change.operation(),
					changed(change), path + "?version=" + change.sequence(),
					path + "?version=" + (change.sequence() - 1),
					asked.versioned() && change.sequence() == asked.sequence()))
			.toList();
	}

	/** The fields a change set, removed or changed, by name. */
	private String changed(Change change) {
		if (change.before() == null) {
			return "created";
		}
		if (change.after() == null) {
			return "removed";
		}
		JsonNode before = this.json.readTree(change.before());
		JsonNode after = this.json.readTree(change.after());
		if (before.isArray()) {
			return "merged " + before.findValuesAsString("id").stream().distinct().collect(Collectors.joining(" and "));
		}
		Set<String> names = new LinkedHashSet<>(before.propertyNames());
		names.addAll(after.propertyNames());
		List<String> changed = names.stream()
			.filter((name) -> !Objects.equals(before.get(name), after.get(name)))
			.filter((name) -> !name.equals("version") && !name.equals("lastChange"))
			.toList();
		return changed.isEmpty() ? "nothing" : String.join(", ", changed);
	}

	private List<DealRow> dealRows(List<Deal> deals, Asked asked) {
		return deals.stream()
			.map((deal) -> new DealRow(versioned("/deal/" + path(deal.id()), asked),
					Objects.requireNonNullElse(deal.announcedOn(), "undated"), deal.type().typeName(),
					deal.from().name(), versioned("/org/" + path(deal.from().id()), asked), deal.to().name(),
					versioned("/org/" + path(deal.to().id()), asked),
					(deal.amount() != null) ? amount(deal.amount()) : "", words(deal.status().name()),
					deal.retraction() != null))
			.toList();
	}

	/** The facts of an organization, those saying the same thing together. */
	private static List<Claim> claims(List<Fact> facts) {
		Map<String, List<Fact>> byStatement = facts.stream()
			.collect(Collectors.groupingBy(CitablePages::statement, TreeMap::new, Collectors.toList()));
		return byStatement.entrySet()
			.stream()
			.map((entry) -> new Claim(entry.getKey(), sources(entry.getValue().stream().map(Fact::source).toList())))
			.toList();
	}

	private static String statement(Fact fact) {
		return words(fact.attribute()) + ": " + fact.value() + ((fact.unit() != null) ? " " + fact.unit() : "")
				+ ((fact.asOf() != null) ? " (as of " + fact.asOf() + ")" : "")
				+ ((fact.note() != null) ? ". " + fact.note() : "");
	}

	private static List<SourceView> sources(List<Source> sources) {
		return sources.stream().map(CitablePages::source).toList();
	}

	private static SourceView source(Source source) {
		String label = (source.title() != null) ? source.title()
				: (source.url() != null) ? source.url() : "A document without an address";
		List<String> details = new ArrayList<>();
		if (source.publisher() != null) {
			details.add("Publisher: " + source.publisher());
		}
		if (source.publishedOn() != null) {
			details.add("Published: " + source.publishedOn());
		}
		if (source.retrievedOn() != null) {
			details.add("Read: " + source.retrievedOn());
		}
		if (source.quote() != null) {
			details.add("It says: “" + source.quote() + "”");
		}
		details.add("Confidence: " + words(source.confidence().name()));
		if (source.note() != null) {
			details.add("Note: " + source.note());
		}
		return new SourceView(label, Objects.requireNonNullElse(source.url(), ""), source.url() != null, details,
				Objects.requireNonNullElse(source.archiveUrl(), ""), source.archiveUrl() != null);
	}

	private static String title(Deal deal) {
		return deal.type().typeName() + ": " + deal.from().name() + " → " + deal.to().name();
	}

	private static String amount(Money money) {
		String qualifier = switch (money.qualifier()) {
			case EXACT -> "";
			case APPROXIMATE -> "about ";
			case AT_LEAST -> "at least ";
			case UP_TO -> "up to ";
		};
		String period = switch (money.period()) {
			case TOTAL -> "";
			case PER_YEAR -> " a year";
		};
		return qualifier + money.currency() + " " + number(money.amount()) + period;
	}

	private static String number(double value) {
		return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

	/** An enum name as words: {@code AT_LEAST} as "at least". */
	private static String words(String name) {
		String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private static void optional(List<Row> facts, String label, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			facts.add(Row.of(label, value));
		}
	}

	private static void optionalWords(List<Row> facts, String label, @Nullable Enum<?> value) {
		if (value != null) {
			facts.add(Row.of(label, words(value.name())));
		}
	}

	/**
	 * A link that keeps the version the page shows, so a cited page links to its time.
	 */
	private static String versioned(String path, Asked asked) {
		return asked.versioned() ? path + "?version=" + asked.sequence() : path;
	}

	private static String path(String key) {
		return UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
	}

	private static ApiException notFound(String what, String key, Asked asked) {
		return new ApiException(ErrorCode.NOT_FOUND,
				asked.versioned() ? "No " + what + " had the key '" + key + "' at version " + asked.sequence() + "."
						: "No " + what + " has the key '" + key + "'.");
	}

}

package io.dealgraph.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.Organization;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.site.Site;
import io.dealgraph.source.Source;
import io.dealgraph.graph.PartialDates;

/**
 * The rules every fact meets before it is written, whoever writes it: an editor's
 * mutation, a file import or the seed. They check what is about to be stored (an
 * {@link Organization}, a {@link DealDraft}, a {@link Source}), so no writer can store
 * what another would refuse. Each check returns every violation at once, with field paths
 * relative to the checked value ({@code amount.currency}, {@code sources[0].url}); the
 * caller places them under its own name with {@link Violation#under(String)}.
 */
public final class WriteRules {

	public static final int MAX_NAME = 200;

	public static final int MAX_TEXT = 2000;

	public static final int MAX_ALIASES = 50;

	public static final int MAX_SOURCES = 20;

	/** As the schema's {@code @listSize} on {@code statusHistory} states. */
	public static final int MAX_STATUS_CHANGES = 100;

	public static final int MAX_ID = 100;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** A lowercase slug such as {@code hut-8}: letters, digits, single hyphens. */
	private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	/** The deal types that may state a stake in percent. */
	private static final Set<DealType> STAKE_TYPES = EnumSet.of(DealType.FINANCING, DealType.STAKE, DealType.CONTROL);

	private WriteRules() {
	}

	/** An organization: a slug id, a name, an ISO country, bounded texts and aliases. */
	public static List<Violation> organization(Organization organization) {
		List<Violation> violations = new ArrayList<>();
		slug(violations, "id", organization.id());
		text(violations, "name", organization.name(), MAX_NAME, true);
		text(violations, "category", organization.category(), MAX_NAME, false);
		text(violations, "ticker", organization.ticker(), MAX_NAME, false);
		country(violations, organization.country());
		if (organization.aliases().size() > MAX_ALIASES) {
			violations.add(new Violation("aliases", "at most " + MAX_ALIASES + " aliases"));
		}
		for (int i = 0; i < organization.aliases().size(); i++) {
			text(violations, "aliases[" + i + "]", organization.aliases().get(i), MAX_NAME, true);
		}
		return violations;
	}

	/**
	 * A deal, against the rules and the kinds of its parties ({@code kinds}: the kind of
	 * each organization id that exists).
	 */
	public static List<Violation> deal(DealDraft deal, Map<String, OrganizationKind> kinds) {
		List<Violation> violations = new ArrayList<>();
		if (deal.id().length() > MAX_ID || !deal.id().matches("[A-Za-z0-9_-]+")) {
			violations.add(new Violation("id", "letters, digits, - and _ only, at most " + MAX_ID + " characters"));
		}
		OrganizationKind fromKind = kinds.get(deal.fromId());
		OrganizationKind toKind = kinds.get(deal.toId());
		if (fromKind == null) {
			violations.add(Violation.unknownOrganization("from", deal.fromId()));
		}
		if (toKind == null) {
			violations.add(Violation.unknownOrganization("to", deal.toId()));
		}
		if (deal.fromId().equals(deal.toId())) {
			violations.add(new Violation("to", "a deal links two different organizations"));
		}
		if (fromKind != null && toKind != null) {
			direction(violations, deal.type(), fromKind, toKind);
		}
		date(violations, "announcedOn", deal.announcedOn());
		if (deal.amount() != null) {
			money(violations, deal.amount());
		}
		nonNegative(violations, "capacityMw", deal.capacityMw());
		if (deal.capacityMw() == null && (deal.capacityBasis() != null || deal.capacityQualifier() != null)) {
			violations.add(new Violation("capacityBasis", "a capacity's basis and qualifier need its capacityMw"));
		}
		nonNegative(violations, "termYears", deal.termYears());
		kindOfDeal(violations, deal);
		if (deal.stakePercent() != null) {
			if (!STAKE_TYPES.contains(deal.type())) {
				violations.add(new Violation("stakePercent", "applies to FINANCING, STAKE and CONTROL deals only"));
			}
			else if (!(deal.stakePercent() >= 0 && deal.stakePercent() <= 100)) {
				violations.add(new Violation("stakePercent", "must be from 0 to 100"));
			}
		}
		statusHistory(violations, deal);
		text(violations, "description", deal.description(), MAX_TEXT, false);
		sources(violations, deal.sources());
		return violations;
	}

	/** A source: a web address, or a title for a document without one. */
	public static List<Violation> source(Source source) {
		List<Violation> violations = new ArrayList<>();
		if (source.url() == null && (source.title() == null || source.title().isBlank())) {
			violations.add(new Violation("url", "a source needs a url, or a title for a document without one"));
		}
		if (source.url() != null && !isWebAddress(source.url())) {
			violations
				.add(new Violation("url", "must be an http or https address of at most " + MAX_TEXT + " characters"));
		}
		text(violations, "title", source.title(), MAX_NAME, false);
		text(violations, "publisher", source.publisher(), MAX_NAME, false);
		date(violations, "publishedOn", source.publishedOn());
		date(violations, "retrievedOn", source.retrievedOn());
		if (source.archiveUrl() != null && !isWebAddress(source.archiveUrl())) {
			violations.add(new Violation("archiveUrl",
					"must be an http or https address of at most " + MAX_TEXT + " characters"));
		}
		text(violations, "quote", source.quote(), MAX_TEXT, false);
		text(violations, "note", source.note(), MAX_TEXT, false);
		return violations;
	}

	/**
	 * A site: a slug id, a name, an ISO country where given, a capacity of 0 or more, and
	 * at least one source that meets the source rules.
	 */
	public static List<Violation> site(Site site) {
		List<Violation> violations = new ArrayList<>();
		slug(violations, "id", site.id());
		text(violations, "name", site.name(), MAX_NAME, true);
		text(violations, "region", site.region(), MAX_NAME, false);
		country(violations, site.country());
		if (site.capacity() != null) {
			nonNegative(violations, "capacity.mw", site.capacity().mw());
		}
		if (site.sources().isEmpty()) {
			violations.add(new Violation("sources", "a site needs at least one source"));
		}
		for (int i = 0; i < site.sources().size(); i++) {
			String field = "sources[" + i + "]";
			source(site.sources().get(i)).forEach((violation) -> violations.add(violation.under(field)));
		}
		return violations;
	}

	/** A sourced fact about an organization. */
	public static List<Violation> fact(Fact fact) {
		List<Violation> violations = new ArrayList<>();
		text(violations, "attribute", fact.attribute(), MAX_NAME, true);
		text(violations, "value", fact.value(), MAX_TEXT, true);
		claimedValue(violations, fact);
		text(violations, "unit", fact.unit(), MAX_NAME, false);
		date(violations, "asOf", fact.asOf());
		text(violations, "note", fact.note(), MAX_TEXT, false);
		source(fact.source()).forEach((violation) -> violations.add(violation.under("source")));
		return violations;
	}

	/**
	 * A fact that is a classification's claim ({@link Classification}) claims one of its
	 * values: an investor type or a kind, by its name.
	 */
	private static void claimedValue(List<Violation> violations, Fact fact) {
		Class<? extends Enum<?>> values = null;
		if (fact.attribute().equals(Classification.INVESTOR_TYPE.attribute())) {
			values = InvestorType.class;
		}
		else if (fact.attribute().equals(Classification.KIND.attribute())) {
			values = OrganizationKind.class;
		}
		if (values != null
				&& Arrays.stream(values.getEnumConstants()).noneMatch((v) -> v.name().equals(fact.value()))) {
			violations.add(new Violation("value",
					"an '" + fact.attribute() + "' claim names one of "
							+ Arrays.stream(values.getEnumConstants()).map(Enum::name).toList() + ", not '"
							+ fact.value() + "'"));
		}
	}

	/** A free text: present when required, and at most {@code max} characters. */
	public static void text(List<Violation> violations, String field, @Nullable String value, int max,
			boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(new Violation(field, "must not be empty"));
			}
			return;
		}
		if (value.length() > max) {
			violations.add(new Violation(field, "at most " + max + " characters, not " + value.length()));
		}
	}

	/**
	 * Direction: a regulator acts only as the {@code from} of a REGULATORY_ACTION, and
	 * only a regulator takes regulatory action.
	 */
	private static void direction(List<Violation> violations, DealType type, OrganizationKind from,
			OrganizationKind to) {
		if (type == DealType.REGULATORY_ACTION) {
			if (from != OrganizationKind.REGULATOR) {
				violations.add(new Violation("from", "a REGULATORY_ACTION comes from a REGULATOR, not a " + from));
			}
			return;
		}
		if (from == OrganizationKind.REGULATOR) {
			violations.add(new Violation("from", "a REGULATOR is never the from side of a " + type));
		}
		if (to == OrganizationKind.REGULATOR) {
			violations.add(new Violation("to", "a REGULATOR is never the to side of a " + type));
		}
	}

	/**
	 * What each type of deal may say: an instrument for money given (a guarantee is a
	 * GUARANTEE, not an instrument) or for a stake (shares or warrants); a role for a
	 * financing only; a scope for an acquisition only.
	 */
	private static void kindOfDeal(List<Violation> violations, DealDraft deal) {
		FinancingInstrument instrument = deal.instrument();
		if (instrument != null) {
			if (deal.type() == DealType.FINANCING && instrument == FinancingInstrument.CREDIT_BACKSTOP) {
				violations.add(new Violation("instrument",
						"a backstop gives no money: record it as a GUARANTEE deal from the guarantor"));
			}
			else if (deal.type() == DealType.STAKE && !instrument.isShareholding()) {
				violations.add(new Violation("instrument",
						"a STAKE is held in EQUITY, PREFERRED_EQUITY or WARRANTS, not " + instrument));
			}
			else if (deal.type() != DealType.FINANCING && deal.type() != DealType.STAKE) {
				violations.add(new Violation("instrument", "applies to FINANCING and STAKE deals only"));
			}
		}
		if (deal.role() != null && deal.type() != DealType.FINANCING) {
			violations.add(new Violation("role", "applies to FINANCING deals only"));
		}
		if (deal.scope() != null && deal.type() != DealType.ACQUISITION) {
			violations.add(new Violation("scope", "applies to ACQUISITION deals only"));
		}
		if (deal.round() != null) {
			if (deal.type() != DealType.FINANCING) {
				violations.add(new Violation("round", "applies to FINANCING deals only"));
			}
			else if (!deal.round().matches(SLUG) || deal.round().length() > MAX_ID) {
				violations.add(new Violation("round",
						"must be a lowercase slug such as crusoe-series-e-2025, at most " + MAX_ID + " characters"));
			}
		}
	}

	private static void money(List<Violation> violations, Money money) {
		if (!(money.amount() >= 0) || Double.isInfinite(money.amount())) {
			violations.add(new Violation("amount.amount", "must be 0 or more"));
		}
		if (!isCurrency(money.currency())) {
			violations.add(new Violation("amount.currency",
					"'" + money.currency() + "' is not an ISO 4217 currency code such as USD"));
		}
	}

	/**
	 * The history ends in the deal's status and stays within its limit. Its dates are
	 * checked where they are read (the seed's file, an editor's {@code statusOn}), with
	 * the same {@link PartialDates} rule, so each bad date is reported once, on the field
	 * its writer wrote.
	 */
	private static void statusHistory(List<Violation> violations, DealDraft deal) {
		List<StatusChange> history = deal.statusHistory();
		if (history.size() > MAX_STATUS_CHANGES) {
			violations.add(new Violation("statusHistory", "at most " + MAX_STATUS_CHANGES + " status changes"));
		}
		if (!history.isEmpty() && history.getLast().status() != deal.status()) {
			violations.add(new Violation("status",
					"is " + deal.status() + ", but the status history ends in " + history.getLast().status()));
		}
	}

	private static void sources(List<Violation> violations, List<Source> sources) {
		if (sources.isEmpty()) {
			violations.add(new Violation("sources", "a deal needs at least one source: every fact has a source"));
		}
		if (sources.size() > MAX_SOURCES) {
			violations.add(new Violation("sources", "at most " + MAX_SOURCES + " sources"));
		}
		for (int i = 0; i < sources.size(); i++) {
			String field = "sources[" + i + "]";
			source(sources.get(i)).forEach((violation) -> violations.add(violation.under(field)));
		}
	}

	private static void slug(List<Violation> violations, String field, String id) {
		if (id.length() > MAX_ID || !id.matches(SLUG)) {
			violations.add(new Violation(field,
					"must be a lowercase slug such as hut-8 (letters, digits, single hyphens), at most " + MAX_ID
							+ " characters"));
		}
	}

	private static void country(List<Violation> violations, @Nullable String country) {
		if (country != null && !COUNTRIES.contains(country)) {
			violations.add(new Violation("country", "must be an ISO 3166-1 alpha-2 code such as US"));
		}
	}

	private static void date(List<Violation> violations, String field, @Nullable String value) {
		if (value != null && !PartialDates.isValid(value)) {
			violations.add(new Violation(field, PartialDates.describeInvalid(value)));
		}
	}

	private static void nonNegative(List<Violation> violations, String field, @Nullable Double value) {
		if (value != null && !(value >= 0 && !value.isInfinite())) {
			violations.add(new Violation(field, "must be 0 or more"));
		}
	}

	private static boolean isCurrency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isWebAddress(String url) {
		if (url.length() > MAX_TEXT) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}

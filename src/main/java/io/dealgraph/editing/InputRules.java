package io.dealgraph.editing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.graph.DealType;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationKind;
import io.dealgraph.source.Source;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.system.PartialDates;

/**
 * The rules every written fact must pass, in one place for the mutations and the
 * command-line import. Each check collects violations rather than stopping at the first,
 * so an editor sees everything to fix at once.
 */
final class InputRules {

	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 2000;

	static final int MAX_ALIASES = 50;

	static final int MAX_SOURCES = 20;

	/** As the schema's {@code @listSize} on {@code statusHistory} states. */
	static final int MAX_STATUS_CHANGES = 100;

	static final int MAX_BATCH = 1000;

	static final int MAX_ID = 100;

	private InputRules() {
	}

	static Organization organization(OrganizationInput input, String field) {
		List<InvalidInput.Violation> violations = new ArrayList<>();
		if (input.id().length() > MAX_ID || !input.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			violations.add(new InvalidInput.Violation(field + ".id",
					"must be a lowercase slug such as hut-8 (letters, digits, single hyphens), at most " + MAX_ID
							+ " characters"));
		}
		text(violations, field + ".name", input.name(), MAX_NAME, true);
		text(violations, field + ".category", input.category(), MAX_NAME, false);
		text(violations, field + ".ticker", input.ticker(), MAX_NAME, false);
		if (input.country() != null && !input.country().matches("[A-Z]{2}")) {
			violations
				.add(new InvalidInput.Violation(field + ".country", "must be an ISO 3166-1 alpha-2 code such as US"));
		}
		List<String> aliases = (input.aliases() != null) ? input.aliases() : List.of();
		if (aliases.size() > MAX_ALIASES) {
			violations.add(new InvalidInput.Violation(field + ".aliases", "at most " + MAX_ALIASES + " aliases"));
		}
		for (int i = 0; i < aliases.size(); i++) {
			text(violations, field + ".aliases[" + i + "]", aliases.get(i), MAX_NAME, true);
		}
		fail(violations);
		return new Organization(input.id(), input.name().strip(), input.kind(), input.category(), aliases,
				input.country(), input.ticker(), (input.investorTypes() != null) ? input.investorTypes() : List.of(),
				Boolean.TRUE.equals(input.undisclosed()));
	}

	/**
	 * Checks a deal input against the rules and the kinds of its parties ({@code kinds}:
	 * the kind of each organization id that exists) and returns the draft to write.
	 */
	static DealDraft deal(String id, DealInput input, String field, Map<String, OrganizationKind> kinds,
			List<InvalidInput.Violation> violations, List<StatusChange> history) {
		int before = violations.size();
		OrganizationKind fromKind = kinds.get(input.from());
		OrganizationKind toKind = kinds.get(input.to());
		if (fromKind == null) {
			violations.add(InvalidInput.Violation.unknownOrganization(field + ".from", input.from()));
		}
		if (toKind == null) {
			violations.add(InvalidInput.Violation.unknownOrganization(field + ".to", input.to()));
		}
		if (input.from().equals(input.to())) {
			violations.add(new InvalidInput.Violation(field + ".to", "a deal links two different organizations"));
		}
		if (fromKind != null && toKind != null) {
			direction(violations, field, input.type(), fromKind, toKind);
		}
		date(violations, field + ".announcedOn", input.announcedOn());
		date(violations, field + ".statusOn", input.statusOn());
		Money money = null;
		if (input.amount() != null) {
			var amount = input.amount();
			if (!(amount.amount() >= 0) || Double.isInfinite(amount.amount())) {
				violations.add(new InvalidInput.Violation(field + ".amount.amount", "must be 0 or more"));
			}
			if (!isCurrency(amount.currency())) {
				violations.add(new InvalidInput.Violation(field + ".amount.currency",
						"'" + amount.currency() + "' is not an ISO 4217 currency code such as USD"));
			}
			money = new Money(amount.amount(), amount.currency(),
					(amount.qualifier() != null) ? amount.qualifier() : AmountQualifier.EXACT,
					(amount.period() != null) ? amount.period() : AmountPeriod.TOTAL);
		}
		nonNegative(violations, field + ".capacityMw", input.capacityMw());
		nonNegative(violations, field + ".termYears", input.termYears());
		if (input.instrument() != null && input.type() != DealType.FINANCING) {
			violations.add(new InvalidInput.Violation(field + ".instrument", "applies to FINANCING deals only"));
		}
		if (input.stakePercent() != null) {
			if (input.type() != DealType.FINANCING && input.type() != DealType.CONTROL) {
				violations.add(new InvalidInput.Violation(field + ".stakePercent",
						"applies to FINANCING and CONTROL deals only"));
			}
			else if (!(input.stakePercent() >= 0 && input.stakePercent() <= 100)) {
				violations.add(new InvalidInput.Violation(field + ".stakePercent", "must be from 0 to 100"));
			}
		}
		text(violations, field + ".description", input.description(), MAX_TEXT, false);
		List<Source> sources = sources(violations, field + ".sources", input.sources());
		if (violations.size() > before) {
			return null;
		}
		return new DealDraft(id, input.type(), input.from(), input.to(), input.announcedOn(), money, input.capacityMw(),
				input.termYears(), input.instrument(), input.stakePercent(), input.status(), history,
				input.description(), sources);
	}

	static List<Source> sources(List<InvalidInput.Violation> violations, String field, List<SourceInput> inputs) {
		if (inputs.isEmpty()) {
			violations
				.add(new InvalidInput.Violation(field, "a deal needs at least one source: every fact has a source"));
		}
		if (inputs.size() > MAX_SOURCES) {
			violations.add(new InvalidInput.Violation(field, "at most " + MAX_SOURCES + " sources"));
		}
		List<Source> sources = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			sources.add(source(violations, field + "[" + i + "]", inputs.get(i)));
		}
		return sources;
	}

	static Source source(List<InvalidInput.Violation> violations, String field, SourceInput input) {
		if (input.url() == null && (input.title() == null || input.title().isBlank())) {
			violations.add(new InvalidInput.Violation(field + ".url",
					"a source needs a url, or a title for a document without one"));
		}
		if (input.url() != null && !isWebAddress(input.url())) {
			violations.add(new InvalidInput.Violation(field + ".url",
					"must be an http or https address of at most " + MAX_TEXT + " characters"));
		}
		text(violations, field + ".title", input.title(), MAX_NAME, false);
		text(violations, field + ".publisher", input.publisher(), MAX_NAME, false);
		text(violations, field + ".note", input.note(), MAX_TEXT, false);
		return new Source(input.url(), input.title(), input.publisher(), input.confidence(), input.note());
	}

	/**
	 * Direction rules: a regulator acts only as the {@code from} of a REGULATORY_ACTION,
	 * and only a regulator takes regulatory action.
	 */
	private static void direction(List<InvalidInput.Violation> violations, String field, DealType type,
			OrganizationKind from, OrganizationKind to) {
		if (type == DealType.REGULATORY_ACTION) {
			if (from != OrganizationKind.REGULATOR) {
				violations.add(new InvalidInput.Violation(field + ".from",
						"a REGULATORY_ACTION comes from a REGULATOR, not a " + from));
			}
			return;
		}
		if (from == OrganizationKind.REGULATOR) {
			violations
				.add(new InvalidInput.Violation(field + ".from", "a REGULATOR is never the from side of a " + type));
		}
		if (to == OrganizationKind.REGULATOR) {
			violations.add(new InvalidInput.Violation(field + ".to", "a REGULATOR is never the to side of a " + type));
		}
	}

	static void fail(List<InvalidInput.Violation> violations) {
		if (!violations.isEmpty()) {
			boolean missing = violations.stream()
				.allMatch((violation) -> violation.kind() == InvalidInput.Kind.UNKNOWN_REFERENCE);
			throw new InvalidInput(missing ? ErrorCode.NOT_FOUND : ErrorCode.BAD_REQUEST, violations);
		}
	}

	static void text(List<InvalidInput.Violation> violations, String field, @Nullable String value, int max,
			boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(new InvalidInput.Violation(field, "must not be empty"));
			}
			return;
		}
		if (value.length() > max) {
			violations.add(new InvalidInput.Violation(field, "at most " + max + " characters, not " + value.length()));
		}
	}

	private static void date(List<InvalidInput.Violation> violations, String field, @Nullable String value) {
		if (value != null && !PartialDates.isValid(value)) {
			violations.add(new InvalidInput.Violation(field, PartialDates.describeInvalid(value)));
		}
	}

	private static void nonNegative(List<InvalidInput.Violation> violations, String field, @Nullable Double value) {
		if (value != null && !(value >= 0 && !value.isInfinite())) {
			violations.add(new InvalidInput.Violation(field, "must be 0 or more"));
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

package io.dealgraph.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealDraft;
import io.dealgraph.deal.Money;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.organization.Claimed;
import io.dealgraph.organization.Fact;
import io.dealgraph.organization.FactDraft;
import io.dealgraph.organization.Organization;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.source.Confidence;
import io.dealgraph.rules.Violation;
import io.dealgraph.rules.WriteRules;
import io.dealgraph.source.Source;
import io.dealgraph.graph.PartialDates;

/**
 * Turns an editor's input into what will be written, and holds it to {@link WriteRules},
 * the rules the seed and the file import meet too. What is checked here is only what the
 * input has and the written value does not: fields that a JSON import may leave out
 * although the schema requires them, and {@code statusOn}, which becomes a status change.
 */
final class InputRules {

	/** Deals per {@code importDeals} call. */
	static final int MAX_BATCH = 1000;

	private InputRules() {
	}

	/** The organization to write, or {@link InvalidInput} with every broken rule. */
	static Organization organization(OrganizationInput input, String field) {
		var organization = new Organization(input.id(), input.name().strip(), input.kind(), input.category(),
				(input.aliases() != null) ? input.aliases() : List.of(), input.country(), input.ticker(),
				Claimed.none(), Claimed.none(), Boolean.TRUE.equals(input.undisclosed()));
		InvalidInput.throwIfAny(placed(WriteRules.organization(organization), field));
		return organization;
	}

	/**
	 * The facts that the claims of an organization input make, recorded by {@code by}:
	 * one fact per claim and source. Null for a classification the input does not name.
	 * The deprecated {@code investorTypes} make LOW claims that say no source was given.
	 */
	static ClaimFacts claims(OrganizationInput input, String by, String field) {
		List<Violation> violations = new ArrayList<>();
		if (input.investorTypes() != null && input.investorTypeClaims() != null) {
			violations.add(new Violation("investorTypes",
					"give investorTypeClaims (with sources) or the deprecated investorTypes, not both"));
		}
		List<FactDraft> investorTypes = null;
		if (input.investorTypeClaims() != null) {
			investorTypes = new ArrayList<>();
			for (int i = 0; i < input.investorTypeClaims().size(); i++) {
				var claim = input.investorTypeClaims().get(i);
				investorTypes.addAll(claimFacts(input.id(), Classification.INVESTOR_TYPE, claim.type(), claim.sources(),
						by, "investorTypeClaims[" + i + "]", violations));
			}
		}
		List<FactDraft> unsourced = null;
		if (input.investorTypes() != null && input.investorTypeClaims() == null) {
			var source = Source.of(null, "Stated by an editor without a source", null, Confidence.LOW,
					"Recorded through the deprecated investorTypes input");
			unsourced = input.investorTypes()
				.stream()
				.distinct()
				.map((type) -> new FactDraft(input.id(),
						new Fact(Classification.INVESTOR_TYPE.attribute(), type.name(), null, null, source, null), by))
				.toList();
		}
		List<FactDraft> kinds = null;
		if (input.kindClaims() != null) {
			kinds = new ArrayList<>();
			for (int i = 0; i < input.kindClaims().size(); i++) {
				var claim = input.kindClaims().get(i);
				kinds.addAll(claimFacts(input.id(), Classification.KIND, claim.kind(), claim.sources(), by,
						"kindClaims[" + i + "]", violations));
			}
		}
		InvalidInput.throwIfAny(placed(violations, field));
		return new ClaimFacts(investorTypes, unsourced, kinds);
	}

	/**
	 * The facts to write for an organization's classifications; null for one the input
	 * leaves as it is.
	 *
	 * @param investorTypes the investor-type claims, which replace the organization's
	 * @param unsourcedInvestorTypes the deprecated bare list: types not in it lose their
	 * claims, types in it without one get these
	 * @param kinds the kind claims, which replace the organization's
	 */
	record ClaimFacts(@Nullable List<FactDraft> investorTypes, @Nullable List<FactDraft> unsourcedInvestorTypes,
			@Nullable List<FactDraft> kinds) {
	}

	private static List<FactDraft> claimFacts(String organizationId, Classification classification, Enum<?> value,
			@Nullable List<SourceInput> sources, String by, String field, List<Violation> violations) {
		if (value == null || sources == null || sources.isEmpty()) {
			violations.add(new Violation(field, "a claim names its value and at least one source"));
			return List.of();
		}
		List<FactDraft> facts = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			List<Violation> own = new ArrayList<>();
			Source source = source(sources.get(i), own);
			own.addAll(WriteRules.source(source));
			violations.addAll(placed(own, field + ".sources[" + i + "]"));
			facts.add(new FactDraft(organizationId,
					new Fact(classification.attribute(), value.name(), null, null, source, null), by));
		}
		return facts;
	}

	/**
	 * The deal to write, checked against the rules and the kinds of its parties
	 * ({@code kinds}: the kind of each organization id that exists); null when a rule is
	 * broken, with every violation added to {@code violations}, its field relative to the
	 * input ({@code amount.currency}).
	 */
	static @Nullable DealDraft deal(String id, DealInput input, Map<String, OrganizationKind> kinds,
			List<Violation> violations, List<StatusChange> history) {
		List<Violation> found = new ArrayList<>();
		required(found, "type", input.type());
		required(found, "from", input.from());
		required(found, "to", input.to());
		required(found, "status", input.status());
		required(found, "sources", input.sources());
		if (input.amount() != null) {
			required(found, "amount.currency", input.amount().currency());
		}
		if (!found.isEmpty()) {
			violations.addAll(found);
			return null;
		}
		if (input.statusOn() != null && !PartialDates.isValid(input.statusOn())) {
			found.add(new Violation("statusOn", PartialDates.describeInvalid(input.statusOn())));
		}
		List<Source> sources = new ArrayList<>();
		for (int i = 0; i < input.sources().size(); i++) {
			List<Violation> own = new ArrayList<>();
			sources.add(source(input.sources().get(i), own));
			found.addAll(placed(own, "sources[" + i + "]"));
		}
		var draft = new DealDraft(id, input.type(), input.from(), input.to(), input.announcedOn(), money(input),
				input.capacityMw(), input.capacityBasis(), input.capacityQualifier(), input.termYears(),
				input.instrument(), input.stakePercent(), input.role(), input.scope(), input.round(), input.status(),
				history, input.description(), sources);
		found.addAll(WriteRules.deal(draft, kinds));
		violations.addAll(found);
		return found.isEmpty() ? draft : null;
	}

	/** The source to add, or {@link InvalidInput} with every broken rule. */
	static Source source(SourceInput input, String field) {
		List<Violation> violations = new ArrayList<>();
		Source source = source(input, violations);
		violations.addAll(WriteRules.source(source));
		InvalidInput.throwIfAny(placed(violations, field));
		return source;
	}

	/** {@code violations}, their fields placed under {@code field}. */
	static List<Violation> placed(List<Violation> violations, String field) {
		return violations.stream().map((violation) -> violation.under(field)).toList();
	}

	/** The source an input names; a confidence left out is a violation. */
	private static Source source(SourceInput input, List<Violation> violations) {
		required(violations, "confidence", input.confidence());
		return new Source(input.url(), input.title(), input.publisher(), input.publishedOn(), input.retrievedOn(),
				input.archiveUrl(), input.quote(), input.confidence(), input.note());
	}

	private static @Nullable Money money(DealInput input) {
		var amount = input.amount();
		if (amount == null) {
			return null;
		}
		return new Money(amount.amount(), amount.currency(),
				(amount.qualifier() != null) ? amount.qualifier() : AmountQualifier.EXACT,
				(amount.period() != null) ? amount.period() : AmountPeriod.TOTAL);
	}

	private static void required(List<Violation> violations, String field, @Nullable Object value) {
		if (value == null) {
			violations.add(new Violation(field, "is required"));
		}
	}

}

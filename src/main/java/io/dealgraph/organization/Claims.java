package io.dealgraph.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.dealgraph.graph.Classification;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;

/**
 * Classifications as claims: the facts of one classification's attribute grouped by the
 * value they claim, each claim with its sources and the best of their confidences. The
 * facts come already cut to the request's evidence threshold, so a claim below it is not
 * listed.
 */
public final class Claims {

	private Claims() {
	}

	/** One claim of an investor type. */
	public record InvestorTypeClaim(InvestorType type, Confidence confidence, List<Source> sources) {
	}

	/**
	 * One claim of a kind; {@code primary} when it is the organization's kind (its object
	 * type).
	 */
	public record KindClaim(OrganizationKind kind, boolean primary, Confidence confidence, List<Source> sources) {
	}

	/** The investor-type claims among {@code facts}, the best supported first. */
	public static List<InvestorTypeClaim> investorTypes(List<Fact> facts) {
		return claims(facts, Classification.INVESTOR_TYPE,
				(value, sources) -> new InvestorTypeClaim(InvestorType.valueOf(value), best(sources), sources))
			.stream()
			.sorted(Comparator.comparing(InvestorTypeClaim::confidence).thenComparing(InvestorTypeClaim::type))
			.toList();
	}

	/**
	 * The kind claims among {@code facts}: the primary kind first, then the best
	 * supported.
	 */
	public static List<KindClaim> kinds(List<Fact> facts, OrganizationKind primary) {
		return claims(facts, Classification.KIND, (value, sources) -> {
			OrganizationKind kind = OrganizationKind.valueOf(value);
			return new KindClaim(kind, kind == primary, best(sources), sources);
		}).stream()
			.sorted(Comparator.comparing((KindClaim claim) -> !claim.primary())
				.thenComparing(KindClaim::confidence)
				.thenComparing(KindClaim::kind))
			.toList();
	}

	private static <C> List<C> claims(List<Fact> facts, Classification classification,
			BiFunction<String, List<Source>, C> claim) {
		Map<String, List<Source>> sourcesByValue = new LinkedHashMap<>();
		facts.stream()
			.filter((fact) -> fact.attribute().equals(classification.attribute()))
			.sorted(Comparator.comparing((Fact fact) -> fact.source().confidence()))
			.forEach((fact) -> sourcesByValue.computeIfAbsent(fact.value(), (value) -> new ArrayList<>())
				.add(fact.source()));
		return sourcesByValue.entrySet()
			.stream()
			.map((entry) -> claim.apply(entry.getKey(), entry.getValue()))
			.toList();
	}

	/** The best confidence among sources, which are never empty. */
	private static Confidence best(List<Source> sources) {
		return sources.stream().map(Source::confidence).min(Comparator.naturalOrder()).orElseThrow();
	}

}

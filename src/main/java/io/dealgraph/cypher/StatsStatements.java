package io.dealgraph.cypher;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.Relationship;

/**
 * The deal statistics' statement: deal counts and money totals, aggregated in one
 * statement on the database. Amounts are summed per currency and per period, never across
 * them: the totals of a bucket are a list, one per pair.
 */
public final class StatsStatements {

	/**
	 * What deal statistics can be grouped by, named as the stats feature's keys and in
	 * the order buckets are sorted: each key's expression over the deal {@code r}, its
	 * parties {@code a} and {@code b}, and the from party's {@code investorType}; the
	 * column the statement returns it in; and whether it reads the parties.
	 */
	private enum Grouping {

		TYPE(DealStorage.typeOf("r"), "keyType", false), YEAR("toInteger(left(r.announcedOn, 4))", "keyYear", false),
		INVESTOR_TYPE("investorType", "keyInvestorType", true), FROM_KIND("a.kind", "keyFromKind", true),
		TO_KIND("b.kind", "keyToKind", true), CURRENCY("r.currency", "keyCurrency", false),
		FROM("a.id", "keyFrom", true), TO("b.id", "keyTo", true);

		private final String expression;

		private final String column;

		private final boolean readsParties;

		Grouping(String expression, String column, boolean readsParties) {
			this.expression = expression;
			this.column = column;
			this.readsParties = readsParties;
		}

	}

	/**
	 * One row per investor type of the from party that its claims support at the view's
	 * threshold, or one row with none, so a deal counts once under each type its
	 * financier has.
	 */
	private static final CypherText BY_INVESTOR_TYPE = CypherText.of("""
			UNWIND CASE WHEN size(coalesce({{types}}, [])) > 0 THEN {{types}} ELSE [null] END AS investorType""");

	/**
	 * The slots: the deals {@code r} (only the types the filter allows, so Neo4j scans
	 * those labels alone) with their parties {@code a} and {@code b} when the filter or
	 * the grouping reads them, and null for both otherwise; the deal's type name, the
	 * deal predicate, one row per investor type of the from party when grouped by it, the
	 * keys grouped by (only those: a key not asked for is neither read nor hashed per
	 * deal, and is returned as null), the deals of each bucket with their megawatts when
	 * asked ({@link #CAPACITY}), and the aggregation: {@link #COUNTS} or {@link #MONEY},
	 * grouped by the keys, or run {@link #PER_BUCKET} after the megawatts. Deals only
	 * ever link organizations, so the parties need no label check.
	 */
	private static final CypherText STATS = CypherText.of("""
			{{deals}}
			WHERE {{where}}{{investorTypes}}
			WITH r{{keys}}{{capacity}}
			{{aggregation}}
			RETURN {{columns}}, count, withoutAmount, inexact, totals, {{capacityColumn}},
			       {{parties}}{{order}}
			""");

	/**
	 * The megawatts of a bucket's deals, summed per basis over every deal of the bucket
	 * (a round's deals carry no capacity) before the money aggregation folds rounds.
	 */
	private static final String CAPACITY = """

			WITH {{group}}collect(r) AS bucketDeals
			CALL (bucketDeals) {
			  UNWIND bucketDeals AS d
			  WITH d WHERE d.capacityMw IS NOT NULL
			  WITH d.capacityBasis AS basis, sum(d.capacityMw) AS mw, count(d) AS deals,
			       sum(CASE WHEN coalesce(d.capacityQualifier, 'EXACT') <> 'EXACT' THEN 1 ELSE 0 END) AS qualified
			  ORDER BY basis
			  RETURN collect({basis: basis, mw: mw, deals: deals, qualified: qualified}) AS capacity
			}""";

	/**
	 * The counts and money of one bucket whose deals {@link #CAPACITY} collected: the
	 * aggregation in the slot, run over that bucket alone, so neither its keys nor its
	 * capacity list are hashed again for every deal.
	 */
	private static final CypherText PER_BUCKET = CypherText.of("""
			CALL (bucketDeals) {
			  UNWIND bucketDeals AS r
			  {{aggregation}}
			  RETURN count, withoutAmount, inexact, totals
			}""");

	/**
	 * The organization a bucket is keyed by, when grouped by FROM or TO: the key's column
	 * in the slot.
	 */
	private static final CypherText PARTY = CypherText
		.of("CASE WHEN {{key}} IS NULL THEN null ELSE head(COLLECT { MATCH (o:{{organization}} {id: {{key}}}) RETURN o {.*} }) END")
		.with("organization", DealStorage.ORGANIZATION);

	/**
	 * Counts only, when the request asks for no money figure: no amount is read. The
	 * zeros come after the count: in the counting {@code WITH}, every expression that is
	 * not an aggregate is a grouping key, built and hashed as a list for every deal (that
	 * made the statement take about a quarter longer than counting alone: 407 to 455
	 * statements a second against 509 to 547 on the benchmark's 10k graph).
	 */
	private static final String COUNTS = """
			WITH {{group}}count(r) AS count
			WITH {{group}}count, 0 AS withoutAmount, 0 AS inexact, [] AS totals""";

	/**
	 * Counts and money: sums per currency and period first, then one list per bucket. The
	 * deals of one funding round carry the round's amount (or none, where only the
	 * round's is reported), so a bucket sums it once, from a deal that carries it, while
	 * counting every participant's deal.
	 */
	private static final String MONEY = CypherText
		.of("""
				WITH {{group}}{{unit}} AS unit, collect(r) AS members
				WITH {{group}}size(members) AS participants,
				     coalesce(head([m IN members WHERE m.amount IS NOT NULL]), members[0]) AS r
				WITH {{group}}r.currency AS currency, r.amountPeriod AS period, sum(participants) AS deals,
				     sum(CASE WHEN r.amount IS NOT NULL THEN participants ELSE 0 END) AS withAmount, sum(r.amount) AS total,
				     sum(CASE WHEN r.amountQualifier IN ['APPROXIMATE', 'AT_LEAST'] THEN participants ELSE 0 END) AS inexact
				WITH {{group}}sum(deals) AS count,
				     sum(deals - withAmount) AS withoutAmount, sum(inexact) AS inexact,
				     collect(CASE WHEN currency IS NOT NULL
				                  THEN {currency: currency, period: period, amount: total, count: withAmount} END) AS totals""")
		.with("unit", DealStorage.amountUnit("r"))
		.toString();

	private StatsStatements() {
	}

	/**
	 * The buckets of the deals matching {@code where} that the filter's view sees
	 * (standing on its date, sourced well enough), one per combination of the values of
	 * {@code keys}, named as the stats feature's keys ({@code TYPE}, {@code YEAR},
	 * {@code INVESTOR_TYPE}, {@code FROM_KIND}, {@code TO_KIND}, {@code CURRENCY},
	 * {@code FROM}, {@code TO}); with money figures only when {@code money} asks for
	 * them, and the megawatts per basis when {@code withCapacity}. Reads the filter's
	 * parameters; returns, one row per bucket in the keys' order, {@code keyType},
	 * {@code keyYear}, {@code keyInvestorType}, {@code keyFromKind}, {@code keyToKind},
	 * {@code keyCurrency}, {@code keyFrom}, {@code keyTo} (null when not grouped by),
	 * {@code count}, {@code withoutAmount}, {@code inexact}, {@code totals} (each
	 * {@code currency}, {@code period}, {@code amount}, {@code count}), {@code capacity}
	 * (each {@code basis}, {@code mw}, {@code deals}, {@code qualified}), and
	 * {@code fromOrganization} and {@code toOrganization} (their properties, when grouped
	 * by FROM or TO).
	 * @throws IllegalArgumentException when a key has none of these names
	 */
	public static String buckets(@Nullable DealWhere where, CypherFilter filter, Set<String> keys, boolean money,
			boolean withCapacity) {
		keys.forEach(Grouping::valueOf);
		// As of a date, only the deals that stood then count, as in every as-of view.
		String predicate = filter.dealOfMatchedTypes(where, "r", "a", "b");
		// An arranger's or underwriter's amount is others' money: totals leave it out
		// unless the filter asks for roles itself.
		if (!DealWhere.widens(where, Relationship.Counted.OWN_MONEY)) {
			predicate = predicate + " AND " + DealStorage.counted(Relationship.Counted.OWN_MONEY, "r");
		}
		Set<DealType> types = DealWhere.typesAllowedBy(where);
		// The keys grouped by, in the order buckets are sorted; each group clause lists
		// them with a trailing comma, or nothing when there is no key.
		List<Grouping> grouped = Arrays.stream(Grouping.values()).filter((key) -> keys.contains(key.name())).toList();
		boolean parties = DealWhere.testsParties(where) || grouped.stream().anyMatch((key) -> key.readsParties);
		String deals = parties ? "MATCH " + DealStorage.withParties("a", "r", types, "b")
				: "MATCH " + DealStorage.dealsOf("r", types) + " WITH r, null AS a, null AS b";
		String keyPrefix = grouped.stream().map((key) -> key.column + ", ").collect(Collectors.joining());
		String aggregation = money ? MONEY : COUNTS;
		return STATS.with("deals", deals)
			.with("where", predicate)
			.with("investorTypes",
					grouped.contains(Grouping.INVESTOR_TYPE) ? "\n"
							+ BY_INVESTOR_TYPE.with("types", filter.claimed(Classification.INVESTOR_TYPE, "a")).build()
							: "")
			.with("keys",
					grouped.stream()
						.map((key) -> ", " + key.expression + " AS " + key.column)
						.collect(Collectors.joining()))
			.with("capacity", withCapacity ? CAPACITY.replace("{{group}}", keyPrefix) : "")
			.with("aggregation", withCapacity
					? PER_BUCKET.with("aggregation", aggregation.replace("{{group}}", "").replace("\n", "\n  ")).build()
					: aggregation.replace("{{group}}", keyPrefix))
			.with("capacityColumn", withCapacity ? "capacity" : "[] AS capacity")
			.with("parties",
					(grouped.contains(Grouping.FROM) ? PARTY.with("key", Grouping.FROM.column).build() : "null")
							+ " AS fromOrganization, "
							+ (grouped.contains(Grouping.TO) ? PARTY.with("key", Grouping.TO.column).build() : "null")
							+ " AS toOrganization")
			.with("columns",
					Arrays.stream(Grouping.values())
						.map((key) -> grouped.contains(key) ? key.column : "null AS " + key.column)
						.collect(Collectors.joining(", ")))
			.with("order",
					grouped.isEmpty() ? ""
							: "\nORDER BY "
									+ grouped.stream().map((key) -> key.column).collect(Collectors.joining(", ")))
			.build();
	}

}

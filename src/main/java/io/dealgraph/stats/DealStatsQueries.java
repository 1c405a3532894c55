package io.dealgraph.stats;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Deal counts and money totals, aggregated in one statement on the database. Amounts are
 * summed per currency and per period, never across them: the totals of a bucket are a
 * list, one per pair.
 */
@Component
class DealStatsQueries {

	/**
	 * What deal statistics can be grouped by: each key's expression over the deal
	 * {@code r}, its parties {@code a} and {@code b}, and the from party's
	 * {@code investorType}, and the column the statement returns it in.
	 */
	enum Key {

		TYPE(DealStorage.typeOf("r"), "keyType"), YEAR("toInteger(left(r.announcedOn, 4))", "keyYear"),
		INVESTOR_TYPE("investorType", "keyInvestorType"), FROM_KIND("a.kind", "keyFromKind"),
		TO_KIND("b.kind", "keyToKind"), CURRENCY("r.currency", "keyCurrency"), FROM("a.id", "keyFrom"),
		TO("b.id", "keyTo");

		private final String expression;

		private final String column;

		Key(String expression, String column) {
			this.expression = expression;
			this.column = column;
		}

		String expression() {
			return this.expression;
		}

		String column() {
			return this.column;
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
	 * deal, and is returned as null), and the aggregation: {@link #COUNTS} or
	 * {@link #MONEY}. Deals only ever link organizations, so the parties need no label
	 * check.
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
	 * (a round's deals carry no capacity) before the money aggregation folds rounds; then
	 * the deals go on, one row each, with the bucket's capacity carried as a key.
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
			}
			UNWIND bucketDeals AS r
			WITH r, {{group}}capacity""";

	/**
	 * The organization a bucket is keyed by, when grouped by FROM or TO: the key's column
	 * in the slot.
	 */
	private static final CypherText PARTY = CypherText
		.of("CASE WHEN {{key}} IS NULL THEN null ELSE head(COLLECT { MATCH (o:{{organization}} {id: {{key}}}) RETURN o {.*} }) END")
		.with("organization", DealStorage.ORGANIZATION);

	/** Counts only, when the request asks for no money figure: no amount is read. */
	private static final String COUNTS = """
			WITH {{group}}count(r) AS count, 0 AS withoutAmount, 0 AS inexact, [] AS totals""";

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
				WITH {{group}}
				     r.currency AS currency, r.amountPeriod AS period, sum(participants) AS deals,
				     sum(CASE WHEN r.amount IS NOT NULL THEN participants ELSE 0 END) AS withAmount, sum(r.amount) AS total,
				     sum(CASE WHEN r.amountQualifier IN ['APPROXIMATE', 'AT_LEAST'] THEN participants ELSE 0 END) AS inexact
				WITH {{group}}sum(deals) AS count,
				     sum(deals - withAmount) AS withoutAmount, sum(inexact) AS inexact,
				     collect(CASE WHEN currency IS NOT NULL
				                  THEN {currency: currency, period: period, amount: total, count: withAmount} END) AS totals""")
		.with("unit", DealStorage.amountUnit("r"))
		.toString();

	/** As the schema's {@code @listSize} on {@code dealStats} states. */
	static final int MAX_BUCKETS = 500;

	/** As the schema's {@code @listSize} on {@code DealStatsBucket.totals} states. */
	static final int MAX_TOTALS = 20;

	private final CypherExecutor cypher;

	DealStatsQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/**
	 * The buckets of the deals matching {@code where} that the view sees (standing on its
	 * date, sourced well enough), one per combination of the keys' values; with money
	 * figures only when {@code money} asks for them.
	 */
	List<DealStatsBucket> buckets(@Nullable DealWhere where, Set<Key> keys, View view, boolean money,
			boolean withCapacity) {
		// As of a date, only the deals that stood then count, as in every as-of view.
		var filter = new CypherFilter(view);
		String predicate = filter.dealOfMatchedTypes(where, "r", "a", "b");
		// An arranger's or underwriter's amount is others' money: totals leave it out
		// unless the filter asks for roles itself.
		if (!DealWhere.widens(where, Relationship.Counted.OWN_MONEY)) {
			predicate = predicate + " AND " + DealStorage.counted(Relationship.Counted.OWN_MONEY, "r");
		}
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		Set<DealType> types = DealWhere.typesAllowedBy(where);
		boolean parties = DealWhere.testsParties(where) || keys.stream()
			.anyMatch(EnumSet.of(Key.INVESTOR_TYPE, Key.FROM_KIND, Key.TO_KIND, Key.FROM, Key.TO)::contains);
		String deals = parties ? "MATCH " + DealStorage.withParties("a", "r", types, "b")
				: "MATCH " + DealStorage.dealsOf("r", types) + " WITH r, null AS a, null AS b";
		boolean capacity = withCapacity;
		// The keys grouped by, in the order buckets are sorted; each group clause lists
		// them with a trailing comma, or nothing when there is no key.
		List<Key> grouped = Arrays.stream(Key.values()).filter(keys::contains).toList();
		String keyPrefix = grouped.stream().map((key) -> key.column() + ", ").collect(Collectors.joining());
		String group = keyPrefix + (capacity ? "capacity, " : "");
		String query = STATS.with("deals", deals)
			.with("where", predicate)
			.with("investorTypes",
					keys.contains(Key.INVESTOR_TYPE) ? "\n"
							+ BY_INVESTOR_TYPE.with("types", filter.claimed(Classification.INVESTOR_TYPE, "a")).build()
							: "")
			.with("keys",
					grouped.stream()
						.map((key) -> ", " + key.expression() + " AS " + key.column())
						.collect(Collectors.joining()))
			.with("capacity", capacity ? CAPACITY.replace("{{group}}", keyPrefix) : "")
			.with("aggregation", (money ? MONEY : COUNTS).replace("{{group}}", group))
			.with("capacityColumn", capacity ? "capacity" : "[] AS capacity")
			.with("parties",
					(keys.contains(Key.FROM) ? PARTY.with("key", Key.FROM.column()).build() : "null")
							+ " AS fromOrganization, "
							+ (keys.contains(Key.TO) ? PARTY.with("key", Key.TO.column()).build() : "null")
							+ " AS toOrganization")
			.with("columns",
					Arrays.stream(Key.values())
						.map((key) -> keys.contains(key) ? key.column() : "null AS " + key.column())
						.collect(Collectors.joining(", ")))
			.with("order",
					grouped.isEmpty() ? ""
							: "\nORDER BY " + grouped.stream().map(Key::column).collect(Collectors.joining(", ")))
			.build();
		List<DealStatsBucket> buckets = this.cypher.read(query, parameters, DealStatsQueries::bucket);
		requireWithinTheSchemasCaps(buckets);
		return buckets;
	}

	/**
	 * The schema promises at most {@link #MAX_BUCKETS} buckets and {@link #MAX_TOTALS}
	 * totals in each, so a request's cost is a true upper bound; past them the request is
	 * refused rather than cut short.
	 */
	private static void requireWithinTheSchemasCaps(List<DealStatsBucket> buckets) {
		if (buckets.size() > MAX_BUCKETS) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "The grouping gives " + buckets.size()
					+ " buckets, more than " + MAX_BUCKETS + ": narrow 'where' or group by fewer keys.");
		}
		int totals = buckets.stream().mapToInt((bucket) -> bucket.totals().size()).max().orElse(0);
		if (totals > MAX_TOTALS) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A bucket holds " + totals
					+ " currency and period totals, more than " + MAX_TOTALS + ": group by CURRENCY.");
		}
	}

	private static DealStatsBucket bucket(Record row) {
		List<DealStatsBucket.MoneyTotal> totals = row.get("totals")
			.asList((t) -> new DealStatsBucket.MoneyTotal(t.get("currency").asString(),
					AmountPeriod.valueOf(t.get("period").asString()), t.get("amount").asDouble(),
					t.get("count").asInt()));
		return new DealStatsBucket(row.get("keyType").isNull() ? null : DealType.valueOf(row.get("keyType").asString()),
				row.get("keyYear").isNull() ? null : row.get("keyYear").asInt(),
				row.get("keyInvestorType").isNull() ? null
						: InvestorType.valueOf(row.get("keyInvestorType").asString()),
				kind(row.get("keyFromKind")), kind(row.get("keyToKind")), row.get("keyCurrency").asString(null),
				organization(row.get("fromOrganization")), organization(row.get("toOrganization")),
				row.get("count").asInt(), totals, row.get("withoutAmount").asInt(), row.get("inexact").asInt(),
				row.get("capacity")
					.asList((c) -> new DealStatsBucket.CapacityTotal(
							c.get("basis").isNull() ? null : CapacityBasis.valueOf(c.get("basis").asString()),
							c.get("mw").asDouble(), c.get("deals").asInt(), c.get("qualified").asInt())));
	}

	private static @Nullable Organization organization(Value value) {
		return value.isNull() ? null : Organization.from(value);
	}

	private static @Nullable OrganizationKind kind(Value value) {
		return value.isNull() ? null : OrganizationKind.valueOf(value.asString());
	}

}

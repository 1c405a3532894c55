package io.dealgraph.stats;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.DealType;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.organization.InvestorType;
import io.dealgraph.organization.OrganizationKind;
import io.dealgraph.system.CypherExecutor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Deal counts and money totals, aggregated in one statement on the database. Amounts are
 * summed per currency and per period, never across them: the totals of a bucket are a
 * list, one per pair.
 */
@Controller
class DealStatsController {

	/** What deal statistics can be grouped by. */
	enum Key {

		TYPE, YEAR, INVESTOR_TYPE, FROM_KIND, TO_KIND, CURRENCY

	}

	/**
	 * Placeholders: 1 the deal relationship types, 2 the deal predicate. Each key is set
	 * only when grouped by, so ungrouped keys merge.
	 */
	private static final String STATS = """
			MATCH (a:Organization)-[r:%1$s]->(b:Organization)
			WHERE %2$s
			UNWIND CASE WHEN $byInvestorType AND size(coalesce(a.investorTypes, [])) > 0 THEN a.investorTypes
			            ELSE [null] END AS investorType
			WITH r, {
			  type: CASE WHEN $byType THEN type(r) END,
			  year: CASE WHEN $byYear THEN toInteger(left(r.announcedOn, 4)) END,
			  investorType: CASE WHEN $byInvestorType THEN investorType END,
			  fromKind: CASE WHEN $byFromKind THEN a.kind END,
			  toKind: CASE WHEN $byToKind THEN b.kind END,
			  currency: CASE WHEN $byCurrency THEN r.currency END
			} AS key
			WITH key, r.currency AS currency, r.amountPeriod AS period, count(r) AS deals, count(r.amount) AS withAmount,
			     sum(r.amount) AS total,
			     count(CASE WHEN r.amountQualifier IN ['APPROXIMATE', 'AT_LEAST'] THEN 1 END) AS inexact
			WITH key, sum(deals) AS count, sum(deals - withAmount) AS withoutAmount, sum(inexact) AS inexact,
			     collect(CASE WHEN currency IS NOT NULL
			                  THEN {currency: currency, period: period, amount: total, count: withAmount} END) AS totals
			RETURN key, count, withoutAmount, inexact, totals
			ORDER BY key.type, key.year, key.investorType, key.fromKind, key.toKind, key.currency
			""";

	private final CypherExecutor cypher;

	DealStatsController(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	@QueryMapping
	List<DealStatsBucket> dealStats(@Argument @Nullable DealWhere where, @Argument @Nullable List<Key> groupBy) {
		Set<Key> keys = (groupBy == null || groupBy.isEmpty()) ? EnumSet.noneOf(Key.class) : EnumSet.copyOf(groupBy);
		var filter = new CypherFilter();
		String predicate = filter.deal(where, "r", "a", "b");
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("byType", keys.contains(Key.TYPE));
		parameters.put("byYear", keys.contains(Key.YEAR));
		parameters.put("byInvestorType", keys.contains(Key.INVESTOR_TYPE));
		parameters.put("byFromKind", keys.contains(Key.FROM_KIND));
		parameters.put("byToKind", keys.contains(Key.TO_KIND));
		parameters.put("byCurrency", keys.contains(Key.CURRENCY));
		return this.cypher.read(STATS.formatted(DealType.cypherTypes(EnumSet.allOf(DealType.class)), predicate),
				parameters, DealStatsController::bucket);
	}

	private static DealStatsBucket bucket(Record row) {
		Value key = row.get("key");
		List<DealStatsBucket.MoneyTotal> totals = row.get("totals")
			.asList((t) -> new DealStatsBucket.MoneyTotal(t.get("currency").asString(),
					AmountPeriod.valueOf(t.get("period").asString()), t.get("amount").asDouble(),
					t.get("count").asInt()));
		return new DealStatsBucket(key.get("type").isNull() ? null : DealType.valueOf(key.get("type").asString()),
				key.get("year").isNull() ? null : key.get("year").asInt(),
				key.get("investorType").isNull() ? null : InvestorType.valueOf(key.get("investorType").asString()),
				kind(key.get("fromKind")), kind(key.get("toKind")), key.get("currency").asString(null),
				row.get("count").asInt(), totals, row.get("withoutAmount").asInt(), row.get("inexact").asInt());
	}

	private static @Nullable OrganizationKind kind(Value value) {
		return value.isNull() ? null : OrganizationKind.valueOf(value.asString());
	}

}

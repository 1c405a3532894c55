package io.dealgraph.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.StatsStatements;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Deal counts and money totals, aggregated in one statement on the database, from
 * {@link StatsStatements}. Amounts are summed per currency and per period, never across
 * them: the totals of a bucket are a list, one per pair.
 */
@Component
class DealStatsQueries {

	/**
	 * What deal statistics can be grouped by. {@link StatsStatements#buckets} takes their
	 * names, and knows each one's expression, column and place in the buckets' order.
	 */
	enum Key {

		TYPE, YEAR, INVESTOR_TYPE, FROM_KIND, TO_KIND, CURRENCY, FROM, TO

	}

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
		var filter = new CypherFilter(view);
		String query = StatsStatements.buckets(where, filter, keys.stream().map(Key::name).collect(Collectors.toSet()),
				money, withCapacity);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
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

package io.dealgraph.stats;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class DealStatsTests {

	/** The roles of a party that placed others' money: its deals are no money given. */
	private static final List<String> ARRANGING = List.of("ARRANGER", "UNDERWRITER");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void asOfMid2024OnlyTheDealsThatStoodThenAreCounted() {
		String query = """
				query($asOf: PartialDate) { dealStats(groupBy: [TYPE], asOf: $asOf) { type count } }""";
		Map<String, Integer> then = countsByType(this.graphQl.document(query).variable("asOf", "2024-06").execute());
		Map<String, Integer> now = countsByType(this.graphQl.document(query).execute());
		Map<String, Integer> standingThen = new TreeMap<>();
		this.cypher.read("""
				MATCH (r:Deal)
				WHERE r.retractedAt IS NULL AND r.announcedKey <= '2024-06-99'
				  AND (r.endedKey IS NULL OR r.endedKey > '2024-06-99') AND NOT coalesce(r.role, '') IN $arranging
				RETURN CASE WHEN r:Partnership THEN 'PARTNERSHIP' WHEN r:Financing THEN 'FINANCING'
				            WHEN r:Supply THEN 'SUPPLY' WHEN r:Acquisition THEN 'ACQUISITION'
				            WHEN r:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r:Control THEN 'CONTROL'
				            WHEN r:Stake THEN 'STAKE' WHEN r:Guarantee THEN 'GUARANTEE' END AS type,
				       count(r) AS count
				""", Map.of("arranging", ARRANGING))
			.forEach((row) -> standingThen.put(row.get("type").asString(), row.get("count").asInt()));
		assertThat(then).isEqualTo(standingThen).isNotEmpty();
		assertThat(then.values().stream().mapToInt(Integer::intValue).sum())
			.as("fewer deals stood in mid-2024 than stand now")
			.isLessThan(now.values().stream().mapToInt(Integer::intValue).sum());
	}

	private static Map<String, Integer> countsByType(GraphQlTester.Response response) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<?, ?> bucket : response.path("dealStats").entityList(Map.class).get()) {
			counts.put((String) bucket.get("type"), (Integer) bucket.get("count"));
		}
		return counts;
	}

	@Test
	void financingTotalsByInvestorTypePerYearNeverMixCurrenciesOrPeriods() {
		List<Map> buckets = Examples.using(this.graphQl)
			.documentName("financingTotalsByInvestorTypePerYear")
			.execute()
			.path("dealStats")
			.entityList(Map.class)
			.get();
		assertThat(buckets).isNotEmpty().allSatisfy((bucket) -> {
			Set<String> seen = new HashSet<>();
			for (Object total : (List<?>) bucket.get("totals")) {
				Map<?, ?> t = (Map<?, ?>) total;
				assertThat(seen.add(t.get("currency") + "/" + t.get("period"))).as("one total per currency and period")
					.isTrue();
			}
		});
		Map<?, ?> privateEquity2024 = buckets.stream()
			.filter((b) -> "PRIVATE_EQUITY".equals(b.get("investorType"))
					&& Integer.valueOf(2024).equals(b.get("year")))
			.findFirst()
			.orElseThrow();
		var expected = this.cypher
			.read("""
					MATCH (a:Organization)<-[:FROM]-(r:Financing)-[:TO]->(:Organization)
					WHERE 'PRIVATE_EQUITY' IN a.investorTypes AND r.announcedOn STARTS WITH '2024'
					RETURN count(r) AS count, sum(CASE WHEN r.currency = 'USD' AND r.amountPeriod = 'TOTAL' THEN r.amount END) AS usd
					""",
					Map.of())
			.getFirst();
		assertThat(privateEquity2024.get("count")).isEqualTo(expected.get("count").asInt());
		assertThat((List<?>) privateEquity2024.get("totals")).anySatisfy((total) -> {
			Map<?, ?> t = (Map<?, ?>) total;
			assertThat(t.get("currency")).isEqualTo("USD");
			assertThat(((Number) t.get("amount")).doubleValue()).isEqualTo(expected.get("usd").asDouble());
		});
	}

	@Test
	void dealsCountedByTheKindsOfTheirPartiesAreEveryStandingDealOnce() {
		Map<String, Integer> answered = new HashMap<>();
		this.graphQl.document("{ dealStats(groupBy: [FROM_KIND, TO_KIND]) { fromKind toKind count } }")
			.execute()
			.path("dealStats")
			.entityList(Map.class)
			.get()
			.forEach((bucket) -> answered.put(bucket.get("fromKind") + "->" + bucket.get("toKind"),
					(Integer) bucket.get("count")));
		Map<String, Integer> expected = new HashMap<>();
		this.cypher.read("""
				MATCH (a:Organization)<-[:FROM]-(r:Deal)-[:TO]->(b:Organization)
				WHERE r.retractedAt IS NULL AND NOT coalesce(r.role, '') IN $arranging
				RETURN a.kind + '->' + b.kind AS kinds, count(r) AS count
				""", Map.of("arranging", ARRANGING))
			.forEach((row) -> expected.put(row.get("kinds").asString(), row.get("count").asInt()));
		assertThat(answered).isEqualTo(expected).isNotEmpty();
	}

	@Test
	void askingOnlyForCountsGivesTheSameBucketsAsAskingForMoneyToo() {
		String groups = "dealStats(where: {typeIn: [FINANCING, PARTNERSHIP]}, groupBy: [TYPE, YEAR])";
		List<Map> countsOnly = this.graphQl.document("{ " + groups + " { type year count } }")
			.execute()
			.path("dealStats")
			.entityList(Map.class)
			.get();
		List<Map> withMoney = this.graphQl.document("{ " + groups + " { type year count totals { amount } } }")
			.execute()
			.path("dealStats")
			.entityList(Map.class)
			.get();
		assertThat(countsOnly).isNotEmpty();
		assertThat(countsOnly.stream().map(DealStatsTests::typeYearCount))
			.isEqualTo(withMoney.stream().map(DealStatsTests::typeYearCount).toList());
		assertThat(countsOnly).extracting((bucket) -> bucket.get("type")).containsOnly("FINANCING", "PARTNERSHIP");
	}

	@Test
	void withoutGroupingThereIsOneBucketCountingEveryDealButArrangedFinancings() {
		var buckets = this.graphQl
			.document("{ dealStats { count withoutAmount approximateOrLowerBound totals { currency } } }")
			.execute()
			.path("dealStats")
			.entityList(Map.class)
			.get();
		assertThat(buckets).singleElement().satisfies((bucket) -> {
			assertThat(bucket.get("count")).isEqualTo(this.cypher.read("""
					MATCH (r:Deal) WHERE r.retractedAt IS NULL AND NOT coalesce(r.role, '') IN $arranging
					RETURN count(r) AS count
					""", Map.of("arranging", ARRANGING)).getFirst().get("count").asInt());
			assertThat((Integer) bucket.get("withoutAmount")).isPositive();
			List<String> currencies = ((List<?>) bucket.get("totals")).stream()
				.map((t) -> String.valueOf(((Map<?, ?>) t).get("currency")))
				.toList();
			assertThat(currencies).contains("USD", "EUR");
		});
	}

	@Test
	void perYearAmountsStayApartFromTotals() {
		var periods = this.graphQl
			.document("{ dealStats(groupBy: [CURRENCY]) { currency totals { currency period } } }")
			.execute()
			.path("dealStats[*].totals[*].period")
			.entityList(String.class)
			.get();
		assertThat(periods).contains("TOTAL", "PER_YEAR");
	}

	private static String typeYearCount(Map<?, ?> bucket) {
		return bucket.get("type") + "/" + bucket.get("year") + "/" + bucket.get("count");
	}

}

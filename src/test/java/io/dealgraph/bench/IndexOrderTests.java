package io.dealgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.summary.Plan;

import io.dealgraph.filter.CypherFilter;
import io.dealgraph.paging.Cursor;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.SortKey;
import io.dealgraph.system.EmbeddedNeo4j;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether an organization page is read in order from the name index or sorted whole: the
 * page statement as it was (ordered on a projected list of coalesced keys) and as it is
 * (ordered on the keys themselves, the leading one bounded, built by {@link Keyset}), on
 * the organizations of the benchmark's graph at 1M deals. Prints each plan's operators
 * and p50;
 * {@code ./mvnw -Pbench test -Dtest=IndexOrderTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class IndexOrderTests {

	private static final String BEFORE = """
			MATCH (o:Organization) WHERE %s
			WITH o, [coalesce(o.name, '\uFFFF'), o.id] AS sortValues
			WHERE %s
			ORDER BY sortValues[0], sortValues[1] LIMIT $limit
			RETURN o.id AS id""";

	private static final String AFTER = """
			MATCH (o:Organization) WHERE %s AND %s
			WITH o ORDER BY %s LIMIT $limit
			RETURN o.id AS id""";

	/** The organizations' default ordering, as OrganizationQueries builds it. */
	private static final Keyset BY_NAME = new Keyset(List.of(new SortKey("name", "o.name", false, false, true)), "o.id",
			false);

	@Test
	void organizationPagesReadTheNameIndexInOrder() throws Exception {
		int deals = Integer.getInteger("bench.order.deals", 1_000_000);
		Path work = Files.createTempDirectory("dealgraph-order-");
		var graph = new SyntheticGraph(deals, 42);
		graph.write(work.resolve("seed"), work.resolve("deals.csv"), "S-");
		var neo4j = new EmbeddedNeo4j(work.resolve("store"), 0, Duration.ofMinutes(30));
		neo4j.start();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			// As migration V001 creates them.
			driver.executableQuery("CREATE CONSTRAINT FOR (o:Organization) REQUIRE o.id IS UNIQUE").execute();
			driver.executableQuery("CREATE INDEX FOR (o:Organization) ON (o.name)").execute();
			driver.executableQuery("CREATE INDEX FOR (o:Organization) ON (o.country)").execute();
			List<Map<String, Object>> rows = SyntheticGraph.organizationRows(work.resolve("seed"));
			for (int i = 0; i < rows.size(); i += 10_000) {
				driver.executableQuery("""
						UNWIND $rows AS row CREATE (o:Organization:$(row.label))
						SET o.id = row.id, o.name = row.name, o.country = row.country""")
					.withParameters(Map.of("rows", rows.subList(i, Math.min(rows.size(), i + 10_000))))
					.execute();
			}
			driver.executableQuery("CALL db.awaitIndexes(600)").execute();
			System.out.printf("%n== organization pages over %,d organizations%n", graph.organizations);
			var last = driver
				.executableQuery("MATCH (o:Miner) WITH o ORDER BY o.name, o.id SKIP 5000 LIMIT 1 RETURN o.name, o.id")
				.execute()
				.records()
				.getFirst();
			String lastMiner = last.get(0).asString();
			String lastId = last.get(1).asString();
			record Page(String name, String filter, String beforeAfter, @Nullable String cursor, int limit) {
			}
			List<Page> pages = List.of(
					new Page("filtered page (US miners, 20)", "o:Miner AND o.country = 'US'", "true", null, 20),
					new Page("3-level, first level (miners, 10)", "o:Miner", "true", null, 10),
					new Page("a page deep in the miners", "o:Miner",
							"sortValues[0] > '" + lastMiner + "' OR (sortValues[0] = '" + lastMiner
									+ "' AND sortValues[1] > '" + lastId + "')",
							Cursor.of("name,id", lastMiner, lastId).encode(), 20));
			for (Page page : pages) {
				String before = BEFORE.formatted(page.filter(), page.beforeAfter());
				var parameters = new CypherFilter();
				String after = AFTER.formatted(page.filter(), BY_NAME.after(page.cursor(), parameters::parameter),
						BY_NAME.orderBy(parameters::parameter));
				Map<String, Object> values = new HashMap<>(parameters.parameters());
				List<String> beforeIds = ids(driver, before, page.limit(), Map.of());
				List<String> afterIds = ids(driver, after, page.limit(), values);
				assertThat(afterIds).as(page.name()).isEqualTo(beforeIds);
				System.out.printf("%-36s before %8.2f ms %s%n", page.name(),
						p50(driver, before, page.limit(), Map.of()), operators(driver, before, page.limit(), Map.of()));
				System.out.printf("%-36s after  %8.2f ms %s%n", "", p50(driver, after, page.limit(), values),
						operators(driver, after, page.limit(), values));
			}
		}
		finally {
			neo4j.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private static List<String> ids(Driver driver, String query, int limit, Map<String, Object> parameters) {
		Map<String, Object> values = new HashMap<>(parameters);
		values.put("limit", limit);
		return driver.executableQuery(query)
			.withParameters(values)
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("id").asString())
			.toList();
	}

	private static double p50(Driver driver, String query, int limit, Map<String, Object> parameters) {
		List<Long> runs = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			long start = System.nanoTime();
			ids(driver, query, limit, parameters);
			if (i >= 5) {
				runs.add(System.nanoTime() - start);
			}
		}
		runs.sort(null);
		return runs.get(runs.size() / 2) / 1e6;
	}

	/** The plan's operators, leaves first. */
	private static List<String> operators(Driver driver, String query, int limit, Map<String, Object> parameters) {
		Map<String, Object> values = new HashMap<>(parameters);
		values.put("limit", limit);
		Plan plan = driver.executableQuery("EXPLAIN " + query).withParameters(values).execute().summary().plan();
		List<String> operators = new ArrayList<>();
		collect(plan, operators);
		return operators;
	}

	private static void collect(Plan plan, List<String> operators) {
		plan.children().forEach((child) -> collect(child, operators));
		operators.add(plan.operatorType().replace("@neo4j", ""));
	}

}

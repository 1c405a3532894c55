package io.dealgraph.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.ResultSummary;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.DriverStatements;
import io.dealgraph.neo4j.EmbeddedNeo4j;
import io.dealgraph.neo4j.TransactionTimeouts;
import io.dealgraph.network.PathSearch;
import io.dealgraph.network.PathSearches;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * How to find the shortest chains of deals between two organizations at scale (issue 19,
 * item 1): the same question in several Cypher forms, on the synthetic graph stored as
 * the application stores it (deal nodes between their parties), for the benchmark's pair
 * (a small organization and an AI firm) and a pair of hubs. Prints each form's time, its
 * database hits and the path lengths it found: {@code ./mvnw -Pbench verify
 * -Dtest=PathSearchTests -Dbench.paths.sizes=100000,1000000}.
 */
@Tag("bench")
class PathSearchTests {

	/** A question form: its name and its Cypher, with {@code $a} and {@code $b}. */
	record Form(String name, String cypher) {
	}

	/** {@code dealgraph.limits.path-search} as application.yaml sets it. */
	private static final long BOUND_DEFAULT = 500_000;

	private static final String BOUND = "MATCH (a:Organization {id: $a}), (b:Organization {id: $b}) ";

	private static final List<Form> FORMS = List.of(
			new Form("SHORTEST 5, deal nodes as QPP (today)",
					BOUND + "MATCH p = SHORTEST 5 (a)(()<-[:FROM|TO]-(:Deal)-[:FROM|TO]->(:Organization)){1,4}(b) "
							+ "RETURN length(p) / 2 AS hops"),
			new Form("SHORTEST 1, deal nodes as QPP",
					BOUND + "MATCH p = SHORTEST 1 (a)(()<-[:FROM|TO]-(:Deal)-[:FROM|TO]->(:Organization)){1,4}(b) "
							+ "RETURN length(p) / 2 AS hops"),
			new Form("SHORTEST 5, relationships only",
					BOUND + "MATCH p = SHORTEST 5 (a)-[:FROM|TO]-{2,8}(b) RETURN length(p) / 2 AS hops"),
			new Form("shortestPath()",
					BOUND + "MATCH p = shortestPath((a)-[:FROM|TO*..8]-(b)) RETURN length(p) / 2 AS hops"),
			new Form("allShortestPaths(), first 5",
					BOUND + "MATCH p = allShortestPaths((a)-[:FROM|TO*..8]-(b)) RETURN length(p) / 2 AS hops LIMIT 5"),
			// As NetworkQueries asks it: a condition on each node, tested during the
			// search,
			// and the paths ordered by the ids along them.
			new Form("allShortestPaths(), conditions, by ids (app)", BOUND
					+ "MATCH p = allShortestPaths((a)-[:FROM|TO*..8]-(b)) "
					+ "WHERE all(n IN nodes(p) WHERE CASE WHEN n:Deal THEN n.retractedAt IS NULL ELSE true END) "
					+ "WITH p, [n IN nodes(p) WHERE n:Organization | n.id] AS os, "
					+ "[n IN nodes(p) WHERE n:Deal | n.id] AS ds ORDER BY os, ds LIMIT 5 RETURN size(ds) AS hops"));

	@Test
	void shortestPathForms() throws Exception {
		String sizes = System.getProperty("bench.paths.sizes", "10000,100000");
		for (String size : sizes.split(",")) {
			run(Integer.parseInt(size.strip()), System.out);
		}
	}

	private static void run(int deals, PrintStream out) throws Exception {
		Path work = Files.createTempDirectory("dealgraph-paths-");
		var graph = new SyntheticGraph(deals, 42);
		graph.write(work.resolve("seed"), work.resolve("deals.csv"), "P-");
		var neo4j = new EmbeddedNeo4j(work.resolve("store"), 0, Duration.ofMinutes(30));
		neo4j.start();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			long start = System.nanoTime();
			load(driver, work);
			out.printf("%n== path search at %,d deals (%,d organizations), loaded in %.1f s%n", deals,
					graph.organizations, (System.nanoTime() - start) / 1e9);
			Map<String, Map<String, Object>> pairs = new LinkedHashMap<>();
			pairs.put("benchmark pair", Map.of("a", first(driver, """
					MATCH (o:Organization) WITH o, COUNT { (o)<-[:FROM|TO]-(:Deal) } AS degree
					WHERE degree >= 3 AND degree <= 8 RETURN o.id AS id ORDER BY o.id LIMIT 1
					"""), "b", first(driver, "MATCH (o:AIFirm) RETURN o.id AS id ORDER BY o.id LIMIT 1")));
			List<String> hubs = new ArrayList<>();
			driver.executableQuery("""
					MATCH (o:Organization) WITH o, COUNT { (o)<-[:FROM|TO]-(:Deal) } AS degree
					RETURN o.id AS id ORDER BY degree DESC LIMIT 2
					""").execute().records().forEach((r) -> hubs.add(r.get("id").asString()));
			pairs.put("two hubs", Map.of("a", hubs.get(0), "b", hubs.get(1)));
			CypherExecutor cypher = executor(driver);
			for (var pair : pairs.entrySet()) {
				out.printf("-- %s %s%n", pair.getKey(), pair.getValue());
				for (Form form : FORMS) {
					measure(driver, form, pair.getValue(), out);
				}
				String a = (String) pair.getValue().get("a");
				String b = (String) pair.getValue().get("b");
				for (boolean directed : List.of(false, true)) {
					measureApp(cypher, a, b, directed, out);
				}
			}
		}
		finally {
			neo4j.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/**
	 * Runs a form twice (the first warms it) and prints the second run, or its failure.
	 */
	private static void measure(Driver driver, Form form, Map<String, Object> pair, PrintStream out) {
		try (var session = driver.session()) {
			TransactionConfig config = TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build();
			session.run(form.cypher(), pair, config).consume();
			long start = System.nanoTime();
			var result = session.run("PROFILE " + form.cypher(), pair, config);
			List<Integer> hops = result.list((r) -> r.get("hops").asInt());
			ResultSummary summary = result.consume();
			out.printf("%-42s %9.1f ms  %,14d db hits  lengths %s%n", form.name(), (System.nanoTime() - start) / 1e6,
					hits(summary.profile()), hops);
		}
		catch (RuntimeException ex) {
			out.printf("%-42s failed: %s%n", form.name(), ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	/**
	 * The application's search, as {@code pathsBetween(first: 5, maxHops: 4)} runs it
	 * with its default bound: the best of three runs after one to warm.
	 */
	private static void measureApp(CypherExecutor cypher, String a, String b, boolean directed, PrintStream out) {
		String name = "pathsBetween (app)" + (directed ? ", directed" : "");
		try {
			PathSearches.search(cypher, a, b, 4, 5, directed, BOUND_DEFAULT);
			long best = Long.MAX_VALUE;
			PathSearch search = null;
			for (int run = 0; run < 3; run++) {
				long start = System.nanoTime();
				search = PathSearches.search(cypher, a, b, 4, 5, directed, BOUND_DEFAULT);
				best = Math.min(best, System.nanoTime() - start);
			}
			out.printf("%-42s %9.1f ms  %14s  lengths %s%s%n", name, best / 1e6, "",
					search.paths().stream().map(io.dealgraph.network.Path::length).toList(),
					search.truncated() ? " (truncated)" : "");
		}
		catch (RuntimeException ex) {
			out.printf("%-42s failed: %s%n", name, ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	/** The application's executor over the benchmark's driver, with a minute per read. */
	private static CypherExecutor executor(Driver driver) {
		return new CypherExecutor(driver, Neo4jClient.create(driver), new Neo4jTransactionManager(driver),
				BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()),
				TransactionTimeouts.all(Duration.ofMinutes(1)), Duration.ofSeconds(3), new DriverStatements(),
				new SimpleMeterRegistry());
	}

	private static long hits(org.neo4j.driver.summary.ProfiledPlan plan) {
		long total = plan.dbHits();
		for (var child : plan.children()) {
			total += hits(child);
		}
		return total;
	}

	private static String first(Driver driver, String query) {
		return driver.executableQuery(query).execute().records().getFirst().get("id").asString();
	}

	/**
	 * Organizations and deals as the application stores them: deal nodes between parties.
	 */
	private static void load(Driver driver, Path work) throws Exception {
		for (String statement : List.of("CREATE CONSTRAINT FOR (o:Organization) REQUIRE o.id IS UNIQUE",
				"CREATE CONSTRAINT FOR (d:Deal) REQUIRE d.id IS UNIQUE")) {
			driver.executableQuery(statement).execute();
		}
		for (var batch : batches(SyntheticGraph.organizationRows(work.resolve("seed")))) {
			driver.executableQuery("""
					UNWIND $rows AS row
					CREATE (o:Organization:$(row.label))
					SET o.id = row.id, o.name = row.name, o.kind = row.kind
					""").withParameters(Map.of("rows", batch)).execute();
		}
		for (var batch : batches(SyntheticGraph.dealRows(work.resolve("deals.csv")))) {
			driver.executableQuery("""
					UNWIND $rows AS row
					MATCH (a:Organization {id: row.from}), (b:Organization {id: row.to})
					CREATE (a)<-[:FROM]-(d:Deal:$(row.label) {id: row.id, status: row.status,
					        announcedOn: row.announcedOn, announcedKey: row.announcedKey})-[:TO]->(b)
					""").withParameters(Map.of("rows", batch)).execute();
		}
		TimeUnit.SECONDS.sleep(1);
	}

	private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += 10_000) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + 10_000)));
		}
		return batches;
	}

}

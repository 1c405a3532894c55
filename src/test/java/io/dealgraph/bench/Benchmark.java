package io.dealgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.DealgraphApplication;
import io.dealgraph.editing.DealFileImport;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.EmbeddedNeo4j;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * One benchmark run at one size: generates the graph, starts Dealgraph on it once, loads
 * it through the project's bulk import (timed against a raw UNWIND MERGE import of the
 * same number of deals), checks that every operation of the mix answers the same through
 * Dealgraph's HTTP endpoint and through raw Cypher on the Java driver, then times both
 * paths at a fixed concurrency and prints them side by side.
 */
final class Benchmark {

	/**
	 * An operation of the mix: a GraphQL document; the same question in raw Cypher
	 * returning the same fields, which the client decodes, and the ids at
	 * {@code cypherIds} in its rows; the same question returning ids only, the floor of
	 * the floor; and the question in the Neo4j GraphQL Library's API where it can be
	 * asked there. All four are reduced to comparable ids and checked equal before any
	 * timing.
	 */
	record Operation(String name, String graphQl, Function<Map<?, ?>, TreeSet<String>> fromGraphQl, String cypher,
			String cypherIds, String idsOnlyCypher, Map<String, Object> parameters, NglQueries.@Nullable Ngl ngl) {
	}

	/** Latencies of one operation through one path. */
	record Figures(double throughput, double p50Millis, double p99Millis) {

		/**
		 * Each figure's median over rounds, figure by figure: a round that a burst of
		 * other work on the machine slowed moves none of them.
		 */
		static Figures median(List<Figures> rounds) {
			return new Figures(median(rounds, Figures::throughput), median(rounds, Figures::p50Millis),
					median(rounds, Figures::p99Millis));
		}

		private static double median(List<Figures> rounds, ToDoubleFunction<Figures> figure) {
			double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
			int middle = values.length / 2;
			return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		}

	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int deals;

	private final int concurrency;

	private final int requestsPerOperation;

	/**
	 * How many times each operation's paths are timed, in turn, back to back; the figures
	 * printed are their medians.
	 */
	private final int rounds;

	private final PrintStream out;

	/** The out-of-process client for the GraphQL paths; null for the in-JVM client. */
	private final @Nullable Wrk wrk;

	Benchmark(int deals, int concurrency, int requestsPerOperation, int rounds, PrintStream out, @Nullable Wrk wrk) {
		if (rounds < 1) {
			throw new IllegalArgumentException("bench.rounds must be 1 or more, not " + rounds);
		}
		this.deals = deals;
		this.concurrency = concurrency;
		this.requestsPerOperation = requestsPerOperation;
		this.rounds = rounds;
		this.out = out;
		this.wrk = wrk;
	}

	/**
	 * Runs everything and returns the p50 of each operation through Dealgraph, for the
	 * scaling curve.
	 */
	Map<String, Double> run() throws Exception {
		Path work = Files.createTempDirectory("dealgraph-bench-");
		var graph = new SyntheticGraph(this.deals, 42);
		Path seed = work.resolve("seed");
		Path dealsFile = work.resolve("deals.csv");
		graph.write(seed, dealsFile, "S-");

		long coldStart = System.nanoTime();
		ConfigurableApplicationContext app = SpringApplication.run(DealgraphApplication.class,
				"--dealgraph.embedded.data-directory=" + work.resolve("store"),
				"--dealgraph.seed.location=" + seed.toUri() + "/", "--server.port=0",
				"--dealgraph.rate-limit.capacity=1000000000", "--dealgraph.timeouts.request=60s",
				"--logging.level.root=WARN", "--logging.level.dealgraph.requests=WARN");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			post(port, "/graphql", "{ organization(id: \"org-0\") { name } }");
			double coldStartSeconds = (System.nanoTime() - coldStart) / 1e9;

			long importStart = System.nanoTime();
			var summary = app.getBean(DealFileImport.class)
				.run(dealsFile, "bench", new PrintStream(PrintStream.nullOutputStream()));
			double importSeconds = (System.nanoTime() - importStart) / 1e9;
			Driver driver = app.getBean(Driver.class);
			// The store's size as the application wrote it, before the raw import adds
			// (and removes) its own deals: the growth curve that sizing reads. A
			// checkpoint first writes what is still only in the page cache and the log.
			// (db.checkpoint() is Enterprise's; the embedded API forces one in
			// Community.)
			((GraphDatabaseAPI) app.getBean(EmbeddedNeo4j.class).database()).getDependencyResolver()
				.resolveDependency(CheckPointer.class)
				.forceCheckPoint(new SimpleTriggerInfo("benchmark"));
			long dataBytes = bytesUnder(work.resolve("store/data/databases/neo4j"));
			long logBytes = bytesUnder(work.resolve("store/data/transactions/neo4j"));
			double rawImportRate = rawImport(driver, this.deals);

			this.out.printf("%n== %,d deals (%,d organizations): cold start to first answer %.1f s%n", this.deals,
					graph.organizations, coldStartSeconds);
			this.out.printf(
					"import: Dealgraph bulk import %,.0f deals/s (%d created, %d rejected) | raw UNWIND MERGE %,.0f/s | ratio %.2f%n",
					summary.created() / importSeconds, summary.created(), summary.rejected().size(), rawImportRate,
					(summary.created() / importSeconds) / rawImportRate);

			this.out.printf("store after the import: data files %,d MB (%,d bytes per deal), transaction logs %,d MB%n",
					dataBytes >> 20, dataBytes / this.deals, logBytes >> 20);

			List<Operation> mix = mix(driver);
			CypherExecutor cypher = app.getBean(CypherExecutor.class);
			for (Operation operation : mix) {
				TreeSet<String> viaApi = operation.fromGraphQl().apply(post(port, "/graphql", operation.graphQl()));
				TreeSet<String> viaCypher = raw(driver, operation);
				TreeSet<String> viaIdsOnly = idsOnly(driver, operation);
				if (!viaApi.equals(viaCypher) || !viaCypher.equals(viaIdsOnly)) {
					throw new IllegalStateException(operation.name() + ": Dealgraph and raw Cypher disagree: " + viaApi
							+ " vs " + viaCypher + " vs ids only " + viaIdsOnly);
				}
			}
			Map<String, Double> p50s = new LinkedHashMap<>();
			// Path (c): the Neo4j GraphQL Library on the same database, checked the same
			// way.
			try (NeoGraphQl ngl = NeoGraphQl.start(app.getBean(EmbeddedNeo4j.class).boltUri().toString())) {
				if (ngl != null) {
					for (Operation operation : mix) {
						if (operation.ngl() != null) {
							TreeSet<String> viaNgl = operation.ngl()
								.ids()
								.apply(post(ngl.port, "/", operation.ngl().document()));
							TreeSet<String> viaCypher = raw(driver, operation);
							if (!viaNgl.equals(viaCypher)) {
								throw new IllegalStateException(
										operation.name() + ": the Neo4j GraphQL Library and raw Cypher disagree: "
												+ viaNgl + " vs " + viaCypher);
							}
						}
					}
				}
				if (this.wrk != null && this.wrk.warmUpSeconds() > 0) {
					// Both servers alike: the whole mix through each, before any
					// timing, so that neither is timed while its JIT still compiles.
					for (Operation operation : mix) {
						this.wrk.warm("http://127.0.0.1:" + port + "/graphql", operation.graphQl());
						if (ngl != null && operation.ngl() != null) {
							this.wrk.warm("http://127.0.0.1:" + ngl.port + "/", operation.ngl().document());
						}
					}
					this.out.printf(
							"warm-up: each operation driven %d s through each GraphQL server before any timing%n",
							this.wrk.warmUpSeconds());
				}
				this.out.println((this.wrk != null)
						? "GraphQL paths driven by wrk in its own process (" + this.concurrency
								+ " connections); raw paths by " + this.concurrency + " driver threads"
						: "all paths driven by " + this.concurrency + " threads in the server's JVM");
				this.out.printf("%-22s %9s %9s %9s | %9s %9s %9s | %9s %9s | %7s %7s | %6s %6s%n", "operation",
						"dg req/s", "dg p50", "dg p99", "raw req/s", "raw p50", "ids p50", "ngl req/s", "ngl p50",
						"dg/raw", "dg/ngl", "dg st", "ngl st");
				double dgMixSeconds = 0;
				double nglMixSeconds = 0;
				int nglMixOperations = 0;
				for (Operation operation : mix) {
					long before = cypher.statementCount();
					post(port, "/graphql", operation.graphQl());
					long statements = cypher.statementCount() - before;
					String nglStatements = "n/a";
					if (ngl != null && operation.ngl() != null) {
						long nglBefore = ngl.statements();
						post(ngl.port, "/", operation.ngl().document());
						nglStatements = Long.toString(ngl.statements() - nglBefore);
					}
					// Round by round, each path in turn, so that a slow spell of the
					// machine falls on all of them alike rather than on one.
					List<Figures> apiRounds = new ArrayList<>();
					List<Figures> rawRounds = new ArrayList<>();
					List<Figures> idsOnlyRounds = new ArrayList<>();
					List<Figures> nglRounds = new ArrayList<>();
					for (int round = 0; round < this.rounds; round++) {
						apiRounds.add(graphQl(port, "/graphql", operation.graphQl()));
						rawRounds.add(time(() -> raw(driver, operation)));
						idsOnlyRounds.add(time(() -> idsOnly(driver, operation)));
						if (ngl != null && operation.ngl() != null) {
							nglRounds.add(graphQl(ngl.port, "/", operation.ngl().document()));
						}
					}
					Figures api = Figures.median(apiRounds);
					Figures raw = Figures.median(rawRounds);
					Figures idsOnly = Figures.median(idsOnlyRounds);
					Figures viaNgl = nglRounds.isEmpty() ? null : Figures.median(nglRounds);
					boolean nglAnswered = viaNgl != null && viaNgl.throughput() > 0;
					if (nglAnswered) {
						dgMixSeconds += 1 / api.throughput();
						nglMixSeconds += 1 / viaNgl.throughput();
						nglMixOperations++;
					}
					this.out.printf("%-22s %9.0f %9s %9s | %9.0f %7.2fms %7.2fms | %9s %9s | %7s %7s | %6d %6s%n",
							operation.name(), api.throughput(), millis(api.p50Millis()), millis(api.p99Millis()),
							raw.throughput(), raw.p50Millis(), idsOnly.p50Millis(),
							(viaNgl != null) ? String.format("%.0f", viaNgl.throughput()) : "n/a",
							nglAnswered ? String.format("%.2fms", viaNgl.p50Millis())
									: (viaNgl != null) ? "none" : "n/a",
							Double.isNaN(api.p50Millis()) ? "n/a"
									: String.format("%.2fx", api.p50Millis() / raw.p50Millis()),
							nglAnswered ? String.format("%.2fx", api.throughput() / viaNgl.throughput()) : "n/a",
							statements, nglStatements);
					if (this.rounds > 1) {
						StringBuilder byRound = new StringBuilder("dg/raw by round:");
						for (int round = 0; round < this.rounds; round++) {
							byRound.append(String.format(" %.2fx",
									apiRounds.get(round).p50Millis() / rawRounds.get(round).p50Millis()));
						}
						if (nglAnswered) {
							byRound.append(" | dg/ngl by round:");
							for (int round = 0; round < this.rounds; round++) {
								byRound.append(String.format(" %.2fx",
										apiRounds.get(round).throughput() / nglRounds.get(round).throughput()));
							}
						}
						this.out.printf("%-22s %s%n", "", byRound);
					}
					p50s.put(operation.name(), api.p50Millis());
				}
				if (nglMixSeconds > 0) {
					this.out.printf(
							"mix throughput over the operations both GraphQL APIs answered: Dealgraph %.0f req/s, NGL %.0f req/s, ratio %.2f%n",
							nglMixOperations / dgMixSeconds, nglMixOperations / nglMixSeconds,
							nglMixSeconds / dgMixSeconds);
				}
				this.out.println("(raw: the same fields decoded by the client; ids: raw returning ids only; "
						+ "dg/raw: p50 ratio, lower is better; dg/ngl: throughput ratio, higher is better; "
						+ "st: Cypher statements per request)");
			}
			System.gc();
			var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			this.out.printf("heap after warm-up and GC: %,d MB used of %,d MB committed%n", heap.getUsed() >> 20,
					heap.getCommitted() >> 20);
			return p50s;
		}
		finally {
			app.close();
			// The store and the generated files: up to a few GB at 1M deals.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** The mix: each operation answered once through the API and once in plain Cypher. */
	private List<Operation> mix(Driver driver) {
		String hub = "org-0";
		String other = driver.executableQuery("MATCH (o:AIFirm) RETURN o.id AS id ORDER BY o.id LIMIT 1")
			.execute()
			.records()
			.getFirst()
			.get("id")
			.asString();
		String small = driver
			.executableQuery(
					"""
							MATCH (o:Organization) WITH o, COUNT { (o)<-[:FROM|TO]-(:Deal) } AS degree WHERE degree >= 3 AND degree <= 8 RETURN o.id AS id ORDER BY o.id LIMIT 1
							""")
			.execute()
			.records()
			.getFirst()
			.get("id")
			.asString();
		List<Operation> mix = new ArrayList<>();
		// Each document asks what a page would show, and the raw Cypher returns the same
		// fields: organizations with their name, kind and country; deals with their type,
		// date, status, amount and parties. A deal is a node with a FROM relationship to
		// the party it comes from and a TO relationship to the other.
		String dealFields = "key type announcedOn status amount { amount currency } from { key name } to { key name }";
		String dealProjection = "r {.id, type: " + typeOf("r") + ", .announcedOn, .status, .amount, .currency, "
				+ "from: a {.id, .name}, to: b {.id, .name}}";
		mix.add(new Operation(
				"single lookup", "{ organization(id: \"" + small
						+ "\") { key name kind country deals(first: 10) { edges { node { " + dealFields + " } } } } }",
				(d) -> ids(d, "organization.deals.edges.node.key"), """
						MATCH (o:Organization {id: $id})
						CALL (o) {
						  MATCH (o)<-[:FROM|TO]-(r:Deal) WHERE r.retractedAt IS NULL
						  WITH r ORDER BY coalesce(r.announcedKey, '9999-99-99'), r.id LIMIT 10
						  WITH r, [(r)-[:FROM]->(f) | f][0] AS a, [(r)-[:TO]->(t) | t][0] AS b
						  RETURN collect(%s) AS deals
						}
						RETURN o {.id, .name, .kind, .country} AS organization, deals
						""".formatted(dealProjection), "deals.id",
				"MATCH (o:Organization {id: $id})<-[:FROM|TO]-(r:Deal) WHERE r.retractedAt IS NULL "
						+ "RETURN r.id AS id ORDER BY coalesce(r.announcedKey, '9999-99-99'), r.id LIMIT 10",
				Map.of("id", small), NglQueries.singleLookup(small)));
		mix.add(new Operation("filtered list page",
				"{ organizations(where: {kind: MINER, country: \"US\"}, first: 20) { edges { node { key name kind country } } } }",
				(d) -> ids(d, "organizations.edges.node.key"),
				"MATCH (o:Miner) WHERE o.country = 'US' WITH o ORDER BY o.name, o.id LIMIT 20 "
						+ "RETURN o {.id, .name, .kind, .country} AS organization",
				"organization.id",
				"MATCH (o:Miner) WHERE o.country = 'US' RETURN o.id AS id ORDER BY o.name, o.id LIMIT 20", Map.of(),
				NglQueries.filteredListPage()));
		// The mission floors ask what the API answers: deals not retracted, and a
		// financing counted only where the financier gave its own money (not an
		// arranger's or underwriter's). The synthetic graph has neither kind of deal,
		// but reading the properties that say so is part of the work.
		String customerOfAMinerFinancedByPrivateEquity = """
				EXISTS { MATCH (m:Miner)<-[:FROM]-(p:Partnership|Supply)-[:TO]->(ai)
				         WHERE p.retractedAt IS NULL
				           AND EXISTS { MATCH (pe:Organization)<-[:FROM]-(f:Financing)-[:TO]->(m)
				                        WHERE f.retractedAt IS NULL AND NOT coalesce(f.role, '') IN ['ARRANGER', 'UNDERWRITER']
				                          AND 'PRIVATE_EQUITY' IN pe.investorTypes } }""";
		String mission = "MATCH (ai:AIFirm) WHERE " + customerOfAMinerFinancedByPrivateEquity
				+ " WITH ai ORDER BY ai.name, ai.id LIMIT 50 ";
		// The same question read in name order from the index, tested until the page
		// is full: the cheapest plan when many AI firms qualify (the synthetic graph's
		// case), which the planner takes for this query only with the hint. The floor
		// the API's statement is held to; the inward scan above is the next row's.
		String missionInNameOrder = "MATCH (ai:Organization) USING INDEX ai:Organization(name) "
				+ "WHERE ai.name IS NOT NULL AND ai:AIFirm AND " + customerOfAMinerFinancedByPrivateEquity
				+ " WITH ai ORDER BY ai.name, ai.id LIMIT 50 ";
		mix.add(new Operation("mission nested filter",
				"{ organizations(where: {kind: AI_FIRM, customerOf: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}}}, first: 50) { edges { node { key name kind country } } } }",
				(d) -> ids(d, "organizations.edges.node.key"),
				missionInNameOrder + "RETURN ai {.id, .name, .kind, .country} AS organization", "organization.id",
				missionInNameOrder + "RETURN ai.id AS id", Map.of(), NglQueries.missionNestedFilter()));
		// The same question written from its rare end (issue 19, item 2): the investors
		// of that type first, outward to the miners they finance, then to those miners'
		// AI customers, each step made distinct before the next. The floor for a filter
		// that starts from the selective side; the same answers as above, checked.
		String missionFromTheAnchor = """
				MATCH (pe:Organization) WHERE 'PRIVATE_EQUITY' IN pe.investorTypes
				MATCH (pe)<-[:FROM]-(f:Financing)-[:TO]->(m:Miner)
				WHERE f.retractedAt IS NULL AND NOT coalesce(f.role, '') IN ['ARRANGER', 'UNDERWRITER']
				WITH DISTINCT m
				MATCH (m)<-[:FROM]-(p:Partnership|Supply)-[:TO]->(ai:AIFirm) WHERE p.retractedAt IS NULL
				WITH DISTINCT ai ORDER BY ai.name, ai.id LIMIT 50
				""";
		// The API's other plan for the same question, in the same run: under AND the
		// filter never starts from its rare end (CypherFilter.matching), so this is the
		// inward scan that the walk replaced, to compare the two on one machine state.
		mix.add(new Operation("mission, API inward",
				"{ organizations(where: {AND: [{kind: AI_FIRM, customerOf: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}}}]}, first: 50) { edges { node { key name kind country } } } }",
				(d) -> ids(d, "organizations.edges.node.key"),
				mission + "RETURN ai {.id, .name, .kind, .country} AS organization", "organization.id",
				mission + "RETURN ai.id AS id", Map.of(), null));
		mix.add(new Operation("mission, raw from PE",
				"{ organizations(where: {kind: AI_FIRM, customerOf: {kind: MINER, financedBy: {investorType: PRIVATE_EQUITY}}}, first: 50) { edges { node { key name kind country } } } }",
				(d) -> ids(d, "organizations.edges.node.key"),
				missionFromTheAnchor + "RETURN ai {.id, .name, .kind, .country} AS organization", "organization.id",
				missionFromTheAnchor + "RETURN ai.id AS id", Map.of(), null));
		// Financiers counted as the API counts them, as the mission floors do.
		String threeLevels = """
				MATCH (m:Miner) WITH m ORDER BY m.name, m.id LIMIT 10
				CALL (m) {
				  MATCH (m)<-[:FROM|TO]-(r:Deal) WHERE r.retractedAt IS NULL
				  WITH r ORDER BY coalesce(r.announcedKey, '9999-99-99'), r.id LIMIT 5
				  WITH r, [(r)-[:FROM]->(p) | p][0] AS f
				  CALL (f) {
				    MATCH (x:Organization)<-[:FROM]-(d:Financing)-[:TO]->(f)
				    WHERE d.retractedAt IS NULL AND NOT coalesce(d.role, '') IN ['ARRANGER', 'UNDERWRITER']
				    WITH DISTINCT x ORDER BY x.name, x.id LIMIT 100
				    RETURN collect(x {.id, .name}) AS financiers
				  }
				  RETURN collect(r {.id, type: %s, .announcedOn, from: f {.id, .name, financiers: financiers}}) AS deals
				}
				""".formatted(typeOf("r"));
		mix.add(new Operation("3-level nested",
				"{ organizations(where: {kind: MINER}, first: 10) { edges { node { key name deals(first: 5) { edges { node { key type announcedOn from { key name financiers { key name } } } } } } } } }",
				(d) -> ids(d, "organizations.edges.node.deals.edges.node.from.financiers.key"),
				threeLevels + "RETURN m {.id, .name} AS miner, deals", "deals.from.financiers.id",
				threeLevels + "UNWIND deals AS deal UNWIND deal.from.financiers AS x RETURN DISTINCT x.id AS id",
				Map.of(), NglQueries.threeLevelNested()));
		// A path of k deals is 2k relationships long: each deal is a node.
		String paths = "MATCH (a:Organization {id: $a}), (b:Organization {id: $b}) "
				+ "MATCH p = SHORTEST 5 (a)(()<-[:FROM|TO]-(:Deal)-[:FROM|TO]->(:Organization)){1,4}(b) "
				+ "WITH p, length(p) / 2 AS length ";
		mix.add(new Operation("connections", "{ connections(from: \"" + small + "\", to: \"" + other
				+ "\", maxHops: 4, first: 5) { length organizations { key name } deals { key type announcedOn } } }",
				(d) -> ids(d, "connections.length"),
				paths + "RETURN length, [n IN nodes(p) WHERE n:Organization | n {.id, .name}] AS organizations, "
						+ "[d IN nodes(p) WHERE d:Deal | d {.id, type: " + typeOf("d") + ", .announcedOn}] AS deals",
				"length", paths + "RETURN DISTINCT toString(length) AS id", Map.of("a", small, "b", other), null));
		String network = "MATCH (:Organization {id: $id})(()<-[:FROM|TO]-(d:Deal)-[:FROM|TO]->(:Organization)){1,2} "
				+ "UNWIND d AS r WITH DISTINCT r ";
		mix.add(new Operation("depth-2 network", "{ network(around: \"" + small
				+ "\", depth: 2, limit: 1000) { truncated organizations { key name kind } deals { key type announcedOn from { key } to { key } } } }",
				(d) -> ids(d, "network.deals.key"),
				network + "WITH r, [(r)-[:FROM]->(f) | f][0] AS a, [(r)-[:TO]->(t) | t][0] AS b "
						+ "RETURN r {.id, type: " + typeOf("r") + ", .announcedOn, from: a {.id, .name, .kind}, "
						+ "to: b {.id, .name, .kind}} AS deal",
				"deal.id", network + "RETURN r.id AS id", Map.of("id", small), NglQueries.depthTwoNetwork(small)));
		// The same question as dealStats answers: an arranger's or underwriter's
		// financing placed others' money, so it is not counted (the synthetic graph has
		// none, but a floor that skipped the rule would answer another question).
		String stats = """
				MATCH (r:Financing) WHERE r.retractedAt IS NULL AND NOT coalesce(r.role, '') IN ['ARRANGER', 'UNDERWRITER']
				WITH toInteger(left(r.announcedOn, 4)) AS year, count(r) AS count
				""";
		mix.add(new Operation("dealStats", "{ dealStats(where: {type: FINANCING}, groupBy: [YEAR]) { year count } }",
				(d) -> ids(d, "dealStats.count"), stats + "RETURN year, count", "count",
				stats + "RETURN toString(count) AS id", Map.of(), null));
		// bench.operations names the operations to run, e.g. to time again only what a
		// change touched at 1M; all of them when unset.
		String only = System.getProperty("bench.operations", "");
		if (!only.isBlank()) {
			List<String> names = Arrays.stream(only.split(",")).map(String::strip).toList();
			mix.removeIf((operation) -> !names.contains(operation.name()));
			if (mix.isEmpty()) {
				throw new IllegalArgumentException("bench.operations names no operation of the mix: " + only);
			}
		}
		return mix;
	}

	/** The API's name of the type of deal node {@code deal}, read from its labels. */
	private static String typeOf(String deal) {
		return """
				CASE WHEN %1$s:Partnership THEN 'PARTNERSHIP' WHEN %1$s:Financing THEN 'FINANCING' \
				WHEN %1$s:Supply THEN 'SUPPLY' WHEN %1$s:Acquisition THEN 'ACQUISITION' \
				WHEN %1$s:RegulatoryAction THEN 'REGULATORY_ACTION' \
				WHEN %1$s:Control THEN 'CONTROL' WHEN %1$s:Stake THEN 'STAKE' \
				WHEN %1$s:Guarantee THEN 'GUARANTEE' END""".formatted(deal);
	}

	/** A latency, or "none" for a path that completed no request in its time. */
	private static String millis(double value) {
		return Double.isNaN(value) ? "none" : String.format("%.2fms", value);
	}

	/** The values at a dotted path, flattening lists on the way, as strings. */
	@SuppressWarnings("unchecked")
	static TreeSet<String> ids(Map<?, ?> response, String path) {
		List<Object> current = List.of(response.get("data"));
		for (String key : path.split("\\.")) {
			List<Object> next = new ArrayList<>();
			for (Object value : current) {
				Object child = (value instanceof Map<?, ?> map) ? map.get(key) : null;
				if (child instanceof List<?> list) {
					next.addAll(list);
				}
				else if (child != null) {
					next.add(child);
				}
			}
			current = next;
		}
		TreeSet<String> values = new TreeSet<>();
		current.forEach((v) -> values.add((v instanceof Number n) ? Long.toString(n.longValue()) : v.toString()));
		return values;
	}

	/**
	 * The question in raw Cypher, its rows decoded into Java maps and lists as an
	 * application using the driver would, then reduced to the ids at the operation's
	 * path.
	 */
	private static TreeSet<String> raw(Driver driver, Operation operation) {
		List<Map<String, Object>> rows = driver.executableQuery(operation.cypher())
			.withParameters(operation.parameters())
			.withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
			.execute()
			.records()
			.stream()
			.map((record) -> record.asMap())
			.toList();
		return ids(Map.of("data", Map.of("rows", rows)), "rows." + operation.cypherIds());
	}

	private static TreeSet<String> idsOnly(Driver driver, Operation operation) {
		TreeSet<String> ids = new TreeSet<>();
		driver.executableQuery(operation.idsOnlyCypher())
			.withParameters(operation.parameters())
			.withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
			.execute()
			.records()
			.forEach((r) -> ids.add(r.get("id").asString()));
		return ids;
	}

	/** A GraphQL path timed by wrk when there is one, else by this JVM's threads. */
	private Figures graphQl(int port, String path, String document) throws Exception {
		if (this.wrk != null) {
			return this.wrk.post("http://127.0.0.1:" + port + path, document);
		}
		return time(() -> post(port, path, document));
	}

	private static Map<?, ?> post(int port, String path, String query) {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(120))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JsonMapper.shared().writeValueAsString(Map.of("query", query))))
				.build(), HttpResponse.BodyHandlers.ofString());
			Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
			if (body.get("errors") != null) {
				throw new IllegalStateException(query + " -> " + body.get("errors"));
			}
			return body;
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Warms up, then sends requestsPerOperation requests from a fixed number of threads.
	 */
	private Figures time(Callable<?> request) throws Exception {
		for (int i = 0; i < Math.max(10, this.requestsPerOperation / 5); i++) {
			request.call();
		}
		long[] latencies = new long[this.requestsPerOperation];
		List<Callable<Void>> tasks = new ArrayList<>();
		int[] next = { 0 };
		for (int t = 0; t < this.concurrency; t++) {
			tasks.add(() -> {
				while (true) {
					int i;
					synchronized (next) {
						if (next[0] >= latencies.length) {
							return null;
						}
						i = next[0]++;
					}
					long start = System.nanoTime();
					request.call();
					latencies[i] = System.nanoTime() - start;
				}
			});
		}
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(this.concurrency)) {
			for (var f : pool.invokeAll(tasks)) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Figures(latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
				latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6);
	}

	/** The bytes of every file under a folder. */
	private static long bytesUnder(Path folder) throws IOException {
		try (var files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	/**
	 * The same deals written again with plain UNWIND batches of 500, the floor for an
	 * import: an upsert like the application's, each deal merged on its id (labelled Deal
	 * and its type's label) with its FROM and TO relationships to its parties merged too.
	 * Its rows are the application's deals as stored, under new ids, so that both write
	 * the same properties and index entries; reading them is not timed. No rules, no
	 * audit, no answer. Removed after.
	 */
	private static double rawImport(Driver driver, int deals) {
		long nanos = 0;
		long written = 0;
		for (int i = 0; i < deals; i += 500) {
			List<String> ids = new ArrayList<>();
			for (int d = i; d < Math.min(deals, i + 500); d++) {
				ids.add(String.format("S-%07d", d));
			}
			List<Map<String, Object>> rows = driver.executableQuery("""
					UNWIND $ids AS id
					MATCH (a)<-[:FROM]-(r:Deal {id: id})-[:TO]->(b)
					RETURN 'R-' + substring(id, 2) AS id, [l IN labels(r) WHERE l <> 'Deal'][0] AS label,
					       a.id AS from, b.id AS to, properties(r) AS properties
					""").withParameters(Map.of("ids", ids)).execute().records().stream().map((row) -> {
				Map<String, Object> properties = new HashMap<>(row.get("properties").asMap());
				properties.put("id", row.get("id").asString());
				return Map.<String, Object>of("id", row.get("id").asString(), "label", row.get("label").asString(),
						"from", row.get("from").asString(), "to", row.get("to").asString(), "properties", properties);
			}).toList();
			long start = System.nanoTime();
			driver.executableQuery("""
					UNWIND $rows AS row
					MATCH (a:Organization {id: row.from}), (b:Organization {id: row.to})
					MERGE (r:Deal {id: row.id})
					SET r = row.properties, r:$(row.label)
					MERGE (a)<-[:FROM]-(r)
					MERGE (r)-[:TO]->(b)
					""").withParameters(Map.of("rows", rows)).execute();
			nanos += System.nanoTime() - start;
			written += rows.size();
		}
		double rate = written / (nanos / 1e9);
		// CALL ... IN TRANSACTIONS needs an auto-commit transaction.
		try (var session = driver.session()) {
			session.run(
					"MATCH (r:Deal) WHERE r.id STARTS WITH 'R-' CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 10000 ROWS")
				.consume();
		}
		return rate;
	}

}

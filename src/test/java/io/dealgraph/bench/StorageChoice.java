package io.dealgraph.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

import io.dealgraph.neo4j.EmbeddedNeo4j;
import org.springframework.util.FileSystemUtils;

/**
 * How should a deal be stored? The same synthetic graph in three encodings, asked the
 * benchmark's questions in plain Cypher, one after the other on one database, with the
 * answers checked equal across encodings before any timing:
 * <ul>
 * <li><b>relationships</b>: the former store, {@code (a)-[:FINANCING {…}]->(b)};</li>
 * <li><b>deal nodes, generic parties</b>: {@code (a)<-[:FROM]-(:Deal:FINANCING
 * {…})-[:TO]->(b)}, the deal type a label;</li>
 * <li><b>deal nodes, typed parties</b>:
 * {@code (a)<-[:FINANCING_FROM]-(:Deal:FINANCING)-[:FINANCING_TO]->(b)}, so that an
 * organization's deals of one type are one typed expansion, as with relationships.</li>
 * </ul>
 * All three are stored side by side, each in its own relationship types, and each
 * question is asked of the three in turns. The graph is built here, not by the
 * application, which now stores deals in the second encoding, with type labels such as
 * Financing.
 */
final class StorageChoice {

	/** A question asked in each encoding; {@code ids} names the column compared. */
	record Question(String name, String relationships, String genericParties, String typedParties, String ids) {

		String in(Encoding encoding) {
			return switch (encoding) {
				case RELATIONSHIPS -> this.relationships;
				case GENERIC_PARTIES -> this.genericParties;
				case TYPED_PARTIES -> this.typedParties;
			};
		}

	}

	enum Encoding {

		RELATIONSHIPS, GENERIC_PARTIES, TYPED_PARTIES

	}

	private static final String TYPES = "PARTNERSHIP|FINANCING|SUPPLY|ACQUISITION|REGULATORY_ACTION|CONTROL";

	private static final String TYPED_FROM = Arrays.stream(TYPES.split("\\|"))
		.map((type) -> type + "_FROM")
		.reduce((a, b) -> a + "|" + b)
		.orElseThrow();

	private static final String TYPED_TO = TYPED_FROM.replace("_FROM", "_TO");

	private final int deals;

	private final PrintStream out;

	private final Duration perQuestion;

	StorageChoice(int deals, PrintStream out, Duration perQuestion) {
		this.deals = deals;
		this.out = out;
		this.perQuestion = perQuestion;
	}

	void run() throws Exception {
		Path work = Files.createTempDirectory("dealgraph-storage-");
		var graph = new SyntheticGraph(this.deals, 42);
		graph.write(work.resolve("seed"), work.resolve("deals.csv"), "S-");
		var neo4j = new EmbeddedNeo4j(work.resolve("store"), 0, Duration.ofMinutes(30));
		neo4j.start();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			load(driver, work);
			Map<Encoding, Double> migrationSeconds = new LinkedHashMap<>();
			for (Encoding encoding : List.of(Encoding.GENERIC_PARTIES, Encoding.TYPED_PARTIES)) {
				long start = System.nanoTime();
				copyInto(driver, encoding);
				migrationSeconds.put(encoding, (System.nanoTime() - start) / 1e9);
			}
			List<Question> questions = questions(driver);
			for (Question question : questions) {
				var expected = ids(driver, question.in(Encoding.RELATIONSHIPS), question.ids());
				for (Encoding encoding : Encoding.values()) {
					var answer = ids(driver, question.in(encoding), question.ids());
					if (!answer.equals(expected)) {
						throw new IllegalStateException(question.name() + ": " + encoding + " answers " + answer
								+ ", relationships " + expected);
					}
				}
			}
			Map<Encoding, Map<String, double[]>> figures = new LinkedHashMap<>();
			for (Encoding encoding : Encoding.values()) {
				figures.put(encoding, new LinkedHashMap<>());
			}
			for (Question question : questions) {
				Map<Encoding, double[]> timings = time(driver, question);
				timings.forEach((encoding, p50) -> figures.get(encoding).put(question.name(), p50));
			}
			print(graph, questions, figures, migrationSeconds);
		}
		finally {
			neo4j.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private void print(SyntheticGraph graph, List<Question> questions, Map<Encoding, Map<String, double[]>> figures,
			Map<Encoding, Double> migrationSeconds) {
		this.out.printf("%n== storage choice at %,d deals (%,d organizations), one client, p50 (runs)%n", this.deals,
				graph.organizations);
		this.out.printf("%-28s %18s | %18s %8s | %18s %8s%n", "question", "relationships", "deal nodes, FROM/TO",
				"ratio", "deal nodes, typed", "ratio");
		for (Question question : questions) {
			double[] r = figures.get(Encoding.RELATIONSHIPS).get(question.name());
			double[] g = figures.get(Encoding.GENERIC_PARTIES).get(question.name());
			double[] t = figures.get(Encoding.TYPED_PARTIES).get(question.name());
			this.out.printf("%-28s %11.2fms (%3.0f) | %11.2fms (%3.0f) %7.2fx | %11.2fms (%3.0f) %7.2fx%n",
					question.name(), r[0], r[1], g[0], g[1], g[0] / r[0], t[0], t[1], t[0] / r[0]);
		}
		this.out.printf("copying every deal: into deal nodes with FROM/TO %.1f s; typed party relationships %.1f s%n",
				migrationSeconds.get(Encoding.GENERIC_PARTIES), migrationSeconds.get(Encoding.TYPED_PARTIES));
		this.out.println("(ratio: the deal-node p50 over the relationship p50; higher is slower)");
	}

	/**
	 * Organizations, and deals as relationships as they were stored before deal nodes,
	 * with the indexes of every encoding.
	 */
	private void load(Driver driver, Path work) throws Exception {
		for (String statement : List.of("CREATE CONSTRAINT FOR (o:Organization) REQUIRE o.id IS UNIQUE",
				"CREATE CONSTRAINT FOR (d:Deal) REQUIRE d.id IS UNIQUE",
				"CREATE INDEX FOR (d:Deal) ON (d.announcedKey)")) {
			driver.executableQuery(statement).execute();
		}
		for (String type : TYPES.split("\\|")) {
			driver.executableQuery("CREATE INDEX FOR ()-[r:" + type + "]-() ON (r.id)").execute();
		}
		List<Map<String, Object>> organizations = SyntheticGraph.organizationRows(work.resolve("seed"));
		for (var batch : batches(organizations)) {
			driver.executableQuery("""
					UNWIND $rows AS row
					CREATE (o:Organization:$(row.label))
					SET o.id = row.id, o.name = row.name, o.kind = row.kind, o.country = row.country,
					    o.investorTypes = row.investorTypes
					""").withParameters(Map.of("rows", batch)).execute();
		}
		List<Map<String, Object>> deals = SyntheticGraph.dealRows(work.resolve("deals.csv"));
		for (var batch : batches(deals)) {
			driver.executableQuery("""
					UNWIND $rows AS row
					MATCH (a:Organization {id: row.from}), (b:Organization {id: row.to})
					CREATE (a)-[r:$(row.type)]->(b)
					SET r.id = row.id, r.announcedOn = row.announcedOn, r.announcedKey = row.announcedKey,
					    r.amount = row.amount, r.currency = row.currency, r.status = row.status
					""").withParameters(Map.of("rows", batch)).execute();
		}
	}

	private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += 5000) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + 5000)));
		}
		return batches;
	}

	/**
	 * Adds an encoding beside the ones already stored, so that all three answer from the
	 * same store, warmed alike, and can be timed in turns. Every deal relationship gets a
	 * deal node with its properties and two party relationships; then the party
	 * relationships are repeated with the deal's type in their own. Each organization
	 * carries all three, in separate relationship types, so no expansion sees another's.
	 */
	private static void copyInto(Driver driver, Encoding encoding) {
		// CALL ... IN TRANSACTIONS needs an auto-commit transaction.
		try (var session = driver.session()) {
			if (encoding == Encoding.GENERIC_PARTIES) {
				session.run("""
						MATCH (a:Organization)-[r:%s]->(b:Organization)
						CALL (a, r, b) {
						  CREATE (d:Deal:$(type(r)))
						  SET d = properties(r)
						  CREATE (a)<-[:FROM]-(d)-[:TO]->(b)
						} IN TRANSACTIONS OF 10000 ROWS
						""".formatted(TYPES)).consume();
			}
			else {
				session.run("""
						MATCH (a:Organization)<-[:FROM]-(d:Deal)-[:TO]->(b:Organization)
						CALL (a, d, b) {
						  WITH a, d, b, [label IN labels(d) WHERE label <> 'Deal'][0] AS type
						  CREATE (a)<-[:$(type + '_FROM')]-(d)-[:$(type + '_TO')]->(b)
						} IN TRANSACTIONS OF 10000 ROWS
						""").consume();
			}
		}
	}

	private List<Question> questions(Driver driver) {
		String small = driver.executableQuery("""
				MATCH (o:Organization) WITH o, COUNT { (o)-[:FROM|TO]-() } AS degree WHERE degree >= 3 AND degree <= 8
				RETURN o.id AS id ORDER BY o.id LIMIT 1""").execute().records().getFirst().get("id").asString();
		String other = driver.executableQuery("MATCH (o:AIFirm) RETURN o.id AS id ORDER BY o.id LIMIT 1")
			.execute()
			.records()
			.getFirst()
			.get("id")
			.asString();
		String hub = driver.executableQuery("""
				MATCH (o:Miner) RETURN o.id AS id ORDER BY COUNT { (o)-[:FROM|TO]-() } DESC, o.id LIMIT 1""")
			.execute()
			.records()
			.getFirst()
			.get("id")
			.asString();
		List<Question> questions = new ArrayList<>();
		String projection = "{.id, type: $type, .announcedOn, .status, .amount, .currency, from: a {.id, .name}, "
				+ "to: b {.id, .name}} AS deal";
		for (var lookup : List.of(Map.entry("latest 10 deals, small", small), Map.entry("latest 10 deals, hub", hub))) {
			String id = lookup.getValue();
			questions.add(new Question(lookup.getKey(), """
					MATCH (o:Organization {id: '%1$s'})-[r:%2$s]-(:Organization)
					WITH r ORDER BY r.announcedKey DESC, r.id DESC LIMIT 10
					WITH r, startNode(r) AS a, endNode(r) AS b
					RETURN r %3$s""".formatted(id, TYPES, projection.replace("$type", "type(r)")),
					"""
							MATCH (o:Organization {id: '%1$s'})<-[:FROM|TO]-(d:Deal)
							WITH d ORDER BY d.announcedKey DESC, d.id DESC LIMIT 10
							MATCH (a)<-[:FROM]-(d)-[:TO]->(b)
							RETURN d %2$s""".formatted(id,
							projection.replace("$type", "[label IN labels(d) WHERE label <> 'Deal'][0]")),
					"""
							MATCH (o:Organization {id: '%1$s'})<-[:%2$s|%3$s]-(d:Deal)
							WITH d ORDER BY d.announcedKey DESC, d.id DESC LIMIT 10
							MATCH (a)<-[:%2$s]-(d)-[:%3$s]->(b)
							RETURN d %4$s""".formatted(id, TYPED_FROM, TYPED_TO,
							projection.replace("$type", "[label IN labels(d) WHERE label <> 'Deal'][0]")),
					"deal.id"));
		}
		questions.add(new Question("financiers of the hub", """
				MATCH (x:Organization)-[:FINANCING]->(:Organization {id: '%1$s'})
				WITH DISTINCT x ORDER BY x.name, x.id LIMIT 100 RETURN x.id AS id""".formatted(hub), """
				MATCH (x:Organization)<-[:FROM]-(:Deal:FINANCING)-[:TO]->(:Organization {id: '%1$s'})
				WITH DISTINCT x ORDER BY x.name, x.id LIMIT 100 RETURN x.id AS id""".formatted(hub), """
				MATCH (x:Organization)<-[:FINANCING_FROM]-(:Deal)-[:FINANCING_TO]->(:Organization {id: '%1$s'})
				WITH DISTINCT x ORDER BY x.name, x.id LIMIT 100 RETURN x.id AS id""".formatted(hub), "id"));
		questions.add(new Question("mission nested filter",
				"""
						MATCH (ai:AIFirm)
						WHERE EXISTS { MATCH (m:Miner)-[:PARTNERSHIP|SUPPLY]->(ai)
						               WHERE EXISTS { MATCH (pe:Organization)-[:FINANCING]->(m) WHERE 'PRIVATE_EQUITY' IN pe.investorTypes } }
						WITH ai ORDER BY ai.name, ai.id LIMIT 50 RETURN ai.id AS id""",
				"""
						MATCH (ai:AIFirm)
						WHERE EXISTS { MATCH (m:Miner)<-[:FROM]-(:PARTNERSHIP|SUPPLY)-[:TO]->(ai)
						               WHERE EXISTS { MATCH (pe:Organization)<-[:FROM]-(:FINANCING)-[:TO]->(m) WHERE 'PRIVATE_EQUITY' IN pe.investorTypes } }
						WITH ai ORDER BY ai.name, ai.id LIMIT 50 RETURN ai.id AS id""",
				"""
						MATCH (ai:AIFirm)
						WHERE EXISTS { MATCH (m:Miner)<-[:PARTNERSHIP_FROM|SUPPLY_FROM]-(d:Deal)-[:PARTNERSHIP_TO|SUPPLY_TO]->(ai)
						               WHERE EXISTS { MATCH (pe:Organization)<-[:FINANCING_FROM]-(:Deal)-[:FINANCING_TO]->(m) WHERE 'PRIVATE_EQUITY' IN pe.investorTypes } }
						WITH ai ORDER BY ai.name, ai.id LIMIT 50 RETURN ai.id AS id""",
				"id"));
		questions.add(new Question("3-level nested", """
				MATCH (m:Miner) WITH m ORDER BY m.name, m.id LIMIT 10
				MATCH (m)-[r:%s]-(:Organization)
				WITH m, r ORDER BY r.announcedKey DESC, r.id DESC
				WITH m, collect(r)[..5] AS rs UNWIND rs AS r
				WITH startNode(r) AS f MATCH (x:Organization)-[:FINANCING]->(f)
				RETURN DISTINCT x.id AS id""".formatted(TYPES), """
				MATCH (m:Miner) WITH m ORDER BY m.name, m.id LIMIT 10
				MATCH (m)<-[:FROM|TO]-(d:Deal)
				WITH m, d ORDER BY d.announcedKey DESC, d.id DESC
				WITH m, collect(d)[..5] AS ds UNWIND ds AS d
				MATCH (d)-[:FROM]->(f)<-[:TO]-(:FINANCING)-[:FROM]->(x:Organization)
				RETURN DISTINCT x.id AS id""", """
				MATCH (m:Miner) WITH m ORDER BY m.name, m.id LIMIT 10
				MATCH (m)<-[:%s|%s]-(d:Deal)
				WITH m, d ORDER BY d.announcedKey DESC, d.id DESC
				WITH m, collect(d)[..5] AS ds UNWIND ds AS d
				MATCH (d)-[:%s]->(f)<-[:FINANCING_TO]-(:Deal)-[:FINANCING_FROM]->(x:Organization)
				RETURN DISTINCT x.id AS id""".formatted(TYPED_FROM, TYPED_TO, TYPED_FROM), "id"));
		questions.add(new Question("connections (5, <= 4 deals)", """
				MATCH (a:Organization {id: '%1$s'}), (b:Organization {id: '%2$s'})
				MATCH p = SHORTEST 5 (a)-[:%3$s]-{1,4}(b)
				RETURN [r IN relationships(p) | r.id] AS path""".formatted(small, other, TYPES), """
				MATCH (a:Organization {id: '%1$s'}), (b:Organization {id: '%2$s'})
				MATCH p = SHORTEST 5 (a)(()-[:FROM|TO]-(:Deal)-[:FROM|TO]-(:Organization)){1,4}(b)
				RETURN [d IN nodes(p) WHERE d:Deal | d.id] AS path""".formatted(small, other), """
				MATCH (a:Organization {id: '%1$s'}), (b:Organization {id: '%2$s'})
				MATCH p = SHORTEST 5 (a)(()-[:%3$s|%4$s]-(:Deal)-[:%3$s|%4$s]-(:Organization)){1,4}(b)
				RETURN [d IN nodes(p) WHERE d:Deal | d.id] AS path""".formatted(small, other, TYPED_FROM, TYPED_TO),
				"length"));
		questions.add(new Question("depth-2 network", """
				MATCH (:Organization {id: '%1$s'})-[rs:%2$s*1..2]-()
				UNWIND rs AS r RETURN DISTINCT r.id AS id""".formatted(small, TYPES), """
				MATCH (:Organization {id: '%1$s'})(()-[:FROM|TO]-(d:Deal)-[:FROM|TO]-(:Organization)){1,2}
				UNWIND d AS deal RETURN DISTINCT deal.id AS id""".formatted(small), """
				MATCH (:Organization {id: '%1$s'})(()-[:%2$s|%3$s]-(d:Deal)-[:%2$s|%3$s]-(:Organization)){1,2}
				UNWIND d AS deal RETURN DISTINCT deal.id AS id""".formatted(small, TYPED_FROM, TYPED_TO), "id"));
		questions.add(new Question("dealStats financing by year", """
				MATCH ()-[r:FINANCING]->()
				RETURN toInteger(left(r.announcedOn, 4)) AS year, count(r) AS count""", """
				MATCH (d:FINANCING)
				RETURN toInteger(left(d.announcedOn, 4)) AS year, count(d) AS count""", """
				MATCH (d:FINANCING)
				RETURN toInteger(left(d.announcedOn, 4)) AS year, count(d) AS count""", "count"));
		return questions;
	}

	/**
	 * The values in one column, as strings; for paths, their lengths only, since SHORTEST
	 * picks among equal paths as the traversal meets them.
	 */
	private static TreeSet<String> ids(Driver driver, String query, String column) {
		TreeSet<String> ids = new TreeSet<>();
		List<Integer> lengths = new ArrayList<>();
		for (Record record : driver.executableQuery(query).execute().records()) {
			if (column.equals("length")) {
				lengths.add(record.get("path").asList().size());
			}
			else if (column.equals("count")) {
				ids.add(record.get("year") + "=" + record.get("count"));
			}
			else if (column.equals("deal.id")) {
				ids.add(record.get("deal").get("id").asString());
			}
			else {
				ids.add(record.get(column).asString());
			}
		}
		if (!lengths.isEmpty()) {
			lengths.sort(null);
			ids.add("lengths " + lengths);
		}
		return ids;
	}

	/**
	 * The p50 in milliseconds and the number of runs of the question in each encoding,
	 * asked in turns so that the machine's noise and the JIT fall on all three alike.
	 */
	private Map<Encoding, double[]> time(Driver driver, Question question) {
		Map<Encoding, List<Long>> latencies = new LinkedHashMap<>();
		for (Encoding encoding : Encoding.values()) {
			latencies.put(encoding, new ArrayList<>());
		}
		// One round to warm up, then at least three timed, or one for a question that
		// takes
		// over ten seconds a round (connections at 1M): many more for the cheap ones.
		long warmUp = System.nanoTime();
		for (Encoding encoding : Encoding.values()) {
			driver.executableQuery(question.in(encoding)).execute();
		}
		int minimumRounds = (System.nanoTime() - warmUp > Duration.ofSeconds(10).toNanos()) ? 1 : 3;
		long until = System.nanoTime() + this.perQuestion.toNanos();
		int round = 0;
		while (round < minimumRounds || (System.nanoTime() < until && round < 500)) {
			for (Encoding encoding : Encoding.values()) {
				long start = System.nanoTime();
				driver.executableQuery(question.in(encoding)).execute();
				latencies.get(encoding).add(System.nanoTime() - start);
			}
			round++;
		}
		Map<Encoding, double[]> p50s = new LinkedHashMap<>();
		latencies.forEach((encoding, runs) -> {
			runs.sort(null);
			p50s.put(encoding, new double[] { runs.get(runs.size() / 2) / 1e6, runs.size() });
		});
		return p50s;
	}

}

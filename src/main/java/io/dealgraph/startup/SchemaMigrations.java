package io.dealgraph.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.cypher.StartupStatements;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.Workload;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files in {@code neo4j/migrations/}
 * ({@code V001__what.cypher}, ...) in order, each once, and records each applied version
 * in the graph as a {@code DealgraphMigration} node, with the instance that applied it.
 * Statements are separated by a semicolon at the end of a line. Each statement is
 * idempotent by itself ({@code IF NOT EXISTS}, or a batched rewrite that leaves each row
 * done or not done), so a start interrupted half-way is repaired by the next. The caller
 * holds the {@link StartupLock}, so no two instances apply them at once.
 */
@Component
class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

	/**
	 * A statement that commits in batches of its own, to rewrite a large graph without
	 * one huge transaction; it must be safe to run again after a stop half-way.
	 */
	private static final Pattern BATCHED = Pattern.compile("\\bIN\\s+TRANSACTIONS\\b");

	private final CypherExecutor cypher;

	private final ResourcePatternResolver resources;

	SchemaMigrations(CypherExecutor cypher, ResourcePatternResolver resources) {
		this.cypher = cypher.forWork(Workload.STARTUP);
		this.resources = resources;
	}

	/** What a start found and did. */
	record Outcome(int version, List<Integer> applied) {
	}

	/**
	 * Applies the pending migrations, calling {@code afterEachStep} after each statement,
	 * and says which it applied and the version the graph is at.
	 */
	Outcome apply(String by, Runnable afterEachStep) {
		int current = this.cypher.read(StartupStatements.APPLIED_VERSION, Map.of()).getFirst().get("version").asInt();
		List<Integer> applied = new ArrayList<>();
		for (Migration migration : migrations()) {
			if (migration.version() <= current) {
				continue;
			}
			for (String statement : migration.statements()) {
				if (BATCHED.matcher(statement).find()) {
					this.cypher.runInBatches(statement, Map.of());
				}
				else {
					this.cypher.write((tx) -> tx.run(statement, Map.of()));
				}
				afterEachStep.run();
			}
			this.cypher.write((tx) -> tx.run(StartupStatements.RECORD_VERSION,
					Map.of("version", migration.version(), "description", migration.description(), "by", by)));
			current = migration.version();
			applied.add(current);
			log.info("Schema migration V{} applied: {}", migration.version(), migration.description());
		}
		log.info("Schema at version {}", current);
		return new Outcome(current, List.copyOf(applied));
	}

	private record Migration(int version, String description, List<String> statements) {
	}

	private List<Migration> migrations() {
		try {
			return Arrays.stream(this.resources.getResources("classpath*:neo4j/migrations/V*__*.cypher"))
				.map(SchemaMigrations::migration)
				.sorted(Comparator.comparingInt(Migration::version))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the schema migrations", ex);
		}
	}

	private static Migration migration(Resource resource) {
		Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
		if (!name.matches()) {
			throw new IllegalStateException("Migration file name must look like V001__what.cypher: " + resource);
		}
		try {
			String text = resource.getContentAsString(StandardCharsets.UTF_8);
			List<String> statements = Arrays.stream(text.split(";\\s*(\\n|$)"))
				.map((s) -> s.lines()
					.filter((line) -> !line.strip().startsWith("//"))
					.reduce("", (a, b) -> a + "\n" + b)
					.strip())
				.filter((s) -> !s.isEmpty())
				.toList();
			return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), statements);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}

}

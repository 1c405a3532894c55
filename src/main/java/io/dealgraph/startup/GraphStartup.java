package io.dealgraph.startup;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.seed.SeedLoader;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.EmbeddedNeo4j;
import io.dealgraph.neo4j.TransactionTimeouts;
import io.dealgraph.neo4j.Workload;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readies the graph before the web server accepts a request: says which Neo4j is in use,
 * then, holding the graph's start-up lock, applies the schema migrations and loads the
 * seed as configured. As a health indicator ({@code graphStartup}, in the {@code startup}
 * group) it is out of service until that work is done.
 */
@Component
class GraphStartup implements SmartInitializingSingleton, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(GraphStartup.class);

	/** A lease outlives the longest step by this much before others may take it. */
	private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

	/** When the seed is loaded at start. */
	enum SeedMode {

		/**
		 * Into a graph with no organizations, or one whose earlier load stopped half-way.
		 */
		IF_EMPTY,
		/** On every start, merging by id. */
		ALWAYS,
		/** Never. */
		NEVER

	}

	/**
	 * What this instance's start did: the schema version, the migrations it applied
	 * itself, and what became of the seed.
	 */
	record Report(String instance, int schemaVersion, List<Integer> migrationsApplied, String seed) {
	}

	private final CypherExecutor cypher;

	private final SchemaMigrations migrations;

	private final SeedLoader seed;

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final Duration lease;

	private final String uri;

	private final SeedMode seedMode;

	private final String seedLocation;

	private final String instance = instanceName();

	private volatile @Nullable Report report;

	GraphStartup(CypherExecutor cypher, SchemaMigrations migrations, SeedLoader seed,
			ObjectProvider<EmbeddedNeo4j> embedded, TransactionTimeouts timeouts,
			@Value("${spring.neo4j.uri:}") String uri, SeedSettings seedSettings) {
		this.cypher = cypher.forWork(Workload.STARTUP);
		this.migrations = migrations;
		this.seed = seed;
		this.embedded = embedded;
		this.lease = timeouts.startup().plus(LEASE_MARGIN);
		this.uri = uri;
		this.seedMode = seedSettings.mode();
		this.seedLocation = seedSettings.location();
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean storeIsOurs = this.embedded.getIfAvailable() != null;
		if (!storeIsOurs) {
			log.info("Neo4j mode: external, at {}", this.uri);
		}
		try (var lock = StartupLock.acquire(this.cypher, this.instance, this.lease, storeIsOurs)) {
			SchemaMigrations.Outcome schema = this.migrations.apply(this.instance, lock::renew);
			String seeded = seed(lock);
			this.report = new Report(this.instance, schema.version(), schema.applied(), seeded);
		}
	}

	private String seed(StartupLock lock) {
		if (this.seedMode == SeedMode.NEVER) {
			log.info("Seed: not loaded (mode NEVER)");
			return "not loaded (mode NEVER)";
		}
		if (this.seedMode == SeedMode.IF_EMPTY) {
			SeedLoader.StateReport state = this.seed.state(this.seedLocation);
			if (state.state() == SeedLoader.State.OUTDATED) {
				log.info("Seed: the graph was loaded from an earlier revision of {}; merging it again",
						this.seedLocation);
				return "merged again (the seed changed): " + this.seed.load(this.seedLocation, lock::renew);
			}
			if (state.state() == SeedLoader.State.PRESENT) {
				log.info("Seed: not loaded, the graph already holds {} organizations (mode IF_EMPTY)",
						state.organizations());
				return "not loaded, the graph already held " + state.organizations() + " organizations";
			}
			if (state.state() == SeedLoader.State.INTERRUPTED) {
				log.info("Seed: an earlier load stopped half-way; loading again");
			}
		}
		return "loaded: " + this.seed.load(this.seedLocation, lock::renew);
	}

	/** This start's report; null until the graph is ready. */
	@Nullable Report report() {
		return this.report;
	}

	@Override
	public Health health() {
		Report done = this.report;
		if (done == null) {
			return Health.outOfService().withDetail("instance", this.instance).build();
		}
		return Health.up()
			.withDetail("instance", done.instance())
			.withDetail("schemaVersion", done.schemaVersion())
			.withDetail("migrationsApplied", done.migrationsApplied())
			.withDetail("seed", done.seed())
			.build();
	}

	/**
	 * Names this process in the lock and the migration records: host, process id and a
	 * random part, since two containers can share a host name and a pid. The host name
	 * comes from the environment: a DNS lookup can stall a start for seconds.
	 */
	private static String instanceName() {
		String host = System.getenv().getOrDefault("HOSTNAME", "host");
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

}

package io.dealgraph.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dealgraph.seed.SeedLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Readies the graph before the web server accepts a request: says which Neo4j is in use,
 * applies the schema migrations, then loads the seed as configured.
 */
@Component
class GraphStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(GraphStartup.class);

	/** When the seed is loaded at start. */
	enum SeedMode {

		/** Only into a graph with no organizations. */
		IF_EMPTY,
		/** On every start, merging by id. */
		ALWAYS,
		/** Never. */
		NEVER

	}

	private final SchemaMigrations migrations;

	private final SeedLoader seed;

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final String uri;

	private final SeedMode seedMode;

	private final String seedLocation;

	GraphStartup(SchemaMigrations migrations, SeedLoader seed, ObjectProvider<EmbeddedNeo4j> embedded,
			@Value("${spring.neo4j.uri:}") String uri, @Value("${dealgraph.seed.mode}") SeedMode seedMode,
			@Value("${dealgraph.seed.location}") String seedLocation) {
		this.migrations = migrations;
		this.seed = seed;
		this.embedded = embedded;
		this.uri = uri;
		this.seedMode = seedMode;
		this.seedLocation = seedLocation;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.embedded.getIfAvailable() == null) {
			log.info("Neo4j mode: external, at {}", this.uri);
		}
		this.migrations.apply();
		switch (this.seedMode) {
			case NEVER -> log.info("Seed: not loaded (mode NEVER)");
			case ALWAYS -> this.seed.load(this.seedLocation);
			case IF_EMPTY -> {
				long organizations = this.seed.organizationCount();
				if (organizations == 0) {
					this.seed.load(this.seedLocation);
				}
				else {
					log.info("Seed: not loaded, the graph already holds {} organizations (mode IF_EMPTY)",
							organizations);
				}
			}
		}
	}

}

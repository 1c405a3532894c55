package io.dealgraph.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.support.BundledSeed;
import io.dealgraph.DealgraphApplication;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.EmbeddedNeo4j;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app started at the same moment on one fresh graph, each reaching
 * Neo4j only over Bolt as production instances do: one migrates and seeds, the other
 * waits for it and finds the work done.
 */
@Tag("embedded-only")
class TwoInstancesTests {

	@Test
	void twoInstancesStartingTogetherApplyEachMigrationOnceAndLoadTheSeedOnce(@TempDir Path store) throws Exception {
		var neo4j = new EmbeddedNeo4j(store, 0, Duration.ofMinutes(5));
		neo4j.start();
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(2)) {
			// Spring Boot sets up logging once per JVM, and two applications doing it at
			// the same moment break each other ("Unable to find Spring Environment in
			// logger
			// context"): a race of this test, not of the app, where each instance has its
			// own JVM. So the two prepare one after the other, then refresh together,
			// which
			// is where the start-up work, the migrations and the seed, races for the
			// lock.
			Semaphore preparingOneAtATime = new Semaphore(1);
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				starts.add(pool.submit(() -> {
					preparingOneAtATime.acquire();
					return new SpringApplicationBuilder(DealgraphApplication.class).web(WebApplicationType.NONE)
						.listeners(new ApplicationListener<ApplicationPreparedEvent>() {
							@Override
							public void onApplicationEvent(ApplicationPreparedEvent event) {
								preparingOneAtATime.release();
								try {
									together.await(5, TimeUnit.MINUTES);
								}
								catch (Exception ex) {
									throw new IllegalStateException(ex);
								}
							}
						})
						.run("--spring.neo4j.uri=" + neo4j.boltUri(), "--logging.level.root=WARN",
								"--logging.level.io.dealgraph.startup=INFO");
				}));
			}
			for (Future<ConfigurableApplicationContext> start : starts) {
				instances.add(start.get(5, TimeUnit.MINUTES));
			}

			List<GraphStartup.Report> reports = instances.stream()
				.map((instance) -> instance.getBean(GraphStartup.class).report())
				.toList();
			List<Integer> applied = new ArrayList<>();
			reports.forEach((report) -> applied.addAll(report.migrationsApplied()));
			assertThat(applied).as("each migration applied by one instance only")
				.containsExactlyInAnyOrderElementsOf(BundledSeed.migrations());
			assertThat(reports).extracting(GraphStartup.Report::schemaVersion)
				.containsOnly(BundledSeed.schemaVersion());
			assertThat(reports).filteredOn((report) -> report.seed().startsWith("loaded")).hasSize(1);

			var graph = instances.getFirst().getBean(CypherExecutor.class).read("""
					RETURN COUNT { (m:DealgraphMigration) } AS migrations, COUNT { (o:Organization) } AS organizations,
					       COUNT { (l:DealgraphLock WHERE l.owner IS NOT NULL) } AS locksHeld
					""", Map.of()).getFirst();
			assertThat(graph.get("migrations").asInt()).isEqualTo(BundledSeed.migrations().size());
			assertThat(graph.get("organizations").asInt()).isEqualTo(BundledSeed.organizations());
			assertThat(graph.get("locksHeld").asInt()).as("the lock is released once started").isZero();
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
			neo4j.close();
		}
	}

}

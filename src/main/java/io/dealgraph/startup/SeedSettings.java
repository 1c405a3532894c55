package io.dealgraph.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether and from where the start loads the seed ({@code dealgraph.seed.*}). Their
 * defaults and environment variables are in {@code application.yaml}, their one place.
 *
 * @param mode when to load it ({@code DEALGRAPH_SEED_MODE})
 * @param location the seed folder, a Spring resource location ending in {@code /}
 * ({@code DEALGRAPH_SEED_LOCATION})
 */
@ConfigurationProperties("dealgraph.seed")
record SeedSettings(GraphStartup.SeedMode mode, String location) {
}

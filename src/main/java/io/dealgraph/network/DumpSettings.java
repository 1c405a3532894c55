package io.dealgraph.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dump reads the graph ({@code dealgraph.dump}); the default and its environment
 * variable are in {@code application.yaml}, their one place.
 *
 * @param pageSize organizations or deals read per statement, the most the server holds at
 * a time
 */
@ConfigurationProperties("dealgraph.dump")
record DumpSettings(int pageSize) {
}

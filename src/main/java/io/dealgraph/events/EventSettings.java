package io.dealgraph.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each instance follows the audit log for its subscribers ({@code dealgraph.events});
 * the defaults and their environment variables are in {@code application.yaml}, their one
 * place.
 *
 * @param pollInterval how often the log is read for new changes
 * @param batchSize changes read, and checked against every filter, per statement
 * @param buffer events a subscriber may fall behind before it is closed
 * @param resumeWindow how many changes back a subscription may resume with
 * {@code after:}; older ones are read with the {@code changes} query
 */
@ConfigurationProperties("dealgraph.events")
record EventSettings(Duration pollInterval, int batchSize, int buffer, long resumeWindow) {
}

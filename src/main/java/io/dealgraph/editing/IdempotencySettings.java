package io.dealgraph.editing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an idempotency key guards its retries ({@code dealgraph.idempotency.ttl},
 * {@code DEALGRAPH_IDEMPOTENCY_TTL}). How often expired keys are pruned,
 * {@code dealgraph.idempotency.prune-every}, is read by the schedule of
 * {@link Idempotency#pruneExpired()}. Their defaults and environment variables are in
 * {@code application.yaml}, their one place.
 *
 * @param ttl how long a key guards its retries
 */
@ConfigurationProperties("dealgraph.idempotency")
record IdempotencySettings(Duration ttl) {
}

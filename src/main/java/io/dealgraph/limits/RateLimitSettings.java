package io.dealgraph.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each client's budget ({@code dealgraph.rate-limit.*}). Their defaults and environment
 * variables are in {@code application.yaml}, their one place.
 *
 * @param capacity result nodes per client per period ({@code DEALGRAPH_RATE_LIMIT})
 * @param period the period the capacity refills over
 * ({@code DEALGRAPH_RATE_LIMIT_PERIOD})
 * @param mutationWeight how many times a read's result node a mutation's counts
 */
@ConfigurationProperties("dealgraph.rate-limit")
record RateLimitSettings(long capacity, Duration period, int mutationWeight) {
}

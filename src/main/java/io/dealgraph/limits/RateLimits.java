package io.dealgraph.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * A token bucket per client: per API key or JWT subject for editors, per IP address for
 * everyone else. A request is admitted while its client's bucket is not empty and then
 * charged its real cost, known only once the document is parsed; a costly request can
 * drive the bucket into debt, which later requests wait out.
 */
@Component
public class RateLimits {

	/**
	 * Beyond this many clients the buckets start afresh, so the map cannot grow without
	 * bound.
	 */
	private static final int MAX_CLIENTS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final long capacity;

	private final Duration period;

	private final int mutationWeight;

	RateLimits(RateLimitSettings settings) {
		// Bucket4j refills at most one token per nanosecond: a higher configured rate
		// means "no limit" anyway.
		this.capacity = Math.min(settings.capacity(), settings.period().toNanos());
		this.period = settings.period();
		this.mutationWeight = settings.mutationWeight();
	}

	/** Seconds until {@code client} may send again, or 0 when it may now. */
	long retryAfterSeconds(String client) {
		Bucket bucket = bucket(client);
		if (bucket.getAvailableTokens() > 0) {
			return 0;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
	}

	/**
	 * Charges a request's cost, weighted more for mutations, whether or not the bucket
	 * holds that much.
	 */
	void charge(String client, long cost, boolean mutation) {
		long units = Math.max(1, cost) * (mutation ? this.mutationWeight : 1);
		bucket(client).consumeIgnoringRateLimits(Math.min(units, this.capacity * 10));
	}

	private Bucket bucket(String client) {
		if (this.buckets.size() > MAX_CLIENTS) {
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent(client, (c) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.period).build())
			.build());
	}

}

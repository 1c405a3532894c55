package io.dealgraph.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.core.annotation.Order;

/**
 * After each GraphQL request: charges its cost to the client's rate limit, records its
 * latency per operation name and its errors per code as metrics, and writes one
 * structured log line with operation, cost, duration and outcome.
 */
// The outer of the two GraphQL interceptors: it counts errors by code, so it sees the
// response after GraphQlErrors (order 2) has given every error one.
@Order(1)
@Component
class RequestObservation implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger("dealgraph.requests");

	private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	/**
	 * Operation names are chosen by clients: only so many become metric tags, the rest
	 * count as "other".
	 */
	private static final int MAX_NAMED_OPERATIONS = 200;

	private final Set<String> namedOperations = ConcurrentHashMap.newKeySet();

	private final RateLimits limits;

	private final MeterRegistry meters;

	RequestObservation(RateLimits limits, MeterRegistry meters) {
		this.limits = limits;
		this.meters = meters;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		long start = System.nanoTime();
		var cost = new QueryLimits.RequestCost();
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(QueryLimits.COST_SINK, cost);
			return input;
		});
		Object client = request.getAttributes().get(RateLimitFilter.CLIENT);
		// Over HTTP the rate limit filter turned an empty bucket away already; a socket
		// carries many requests after its one HTTP upgrade, so each is checked here.
		if (request instanceof WebSocketGraphQlRequest && client != null) {
			long retryAfter = this.limits.retryAfterSeconds(client.toString());
			if (retryAfter > 0) {
				return Mono.just(rateLimited(request, retryAfter));
			}
		}
		return chain.next(request).doOnNext((response) -> {
			long nanos = System.nanoTime() - start;
			QueryLimits.Measure m = cost.measure();
			if (client != null && m != null) {
				this.limits.charge(client.toString(), charged(cost), m.mutation());
			}
			String operation = operationTag(request.getOperationName());
			String outcome = response.getErrors().isEmpty() ? "success" : "error";
			Timer.builder("dealgraph.graphql.requests")
				.description("GraphQL requests by operation name")
				.tag("operation", operation)
				.tag("outcome", outcome)
				.register(this.meters)
				.record(Duration.ofNanos(nanos));
			response.getErrors()
				.forEach((error) -> this.meters
					.counter("dealgraph.graphql.errors", "code", String.valueOf(error.getExtensions().get("code")))
					.increment());
			if (log.isInfoEnabled()) {
				log.info("graphql operation={} type={} cost={} nodes={} depth={} durationMs={} outcome={} errors={}",
						operation, (m != null && m.mutation()) ? "mutation" : "query", (m != null) ? m.cost() : -1,
						cost.resultNodes(), (m != null) ? m.depth() : -1, nanos / 1_000_000, outcome,
						response.getErrors()
							.stream()
							.map((e) -> String.valueOf(e.getExtensions().get("code")))
							.toList());
			}
		});
	}

	/**
	 * What a request is charged: the result nodes it returned; for one the limits
	 * refused, its estimate up to the most an answer may hold, so a refused bomb costs
	 * its sender as much as the biggest answer; a subscription, whose events come later,
	 * its estimate.
	 */
	static long charged(QueryLimits.RequestCost cost) {
		QueryLimits.Measure measure = cost.measure();
		long estimate = (measure != null) ? measure.cost() : 0;
		if (cost.refused()) {
			return Math.min(Math.max(estimate, 1), QueryLimits.MAX_RESULT_NODES);
		}
		return (cost.resultNodes() >= 0) ? cost.resultNodes() : estimate;
	}

	private static WebGraphQlResponse rateLimited(WebGraphQlRequest request, long retryAfter) {
		GraphQLError error = ErrorResponses.graphQlError(ErrorCode.RATE_LIMITED,
				"Too many requests: try again in " + retryAfter + " s.", Map.of("retryAfter", retryAfter), null);
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().addError(error).build()));
	}

	private String operationTag(String name) {
		if (name == null || !OPERATION_NAME.matcher(name).matches()) {
			return (name == null) ? "anonymous" : "other";
		}
		if (this.namedOperations.contains(name)
				|| this.namedOperations.size() < MAX_NAMED_OPERATIONS && this.namedOperations.add(name)) {
			return name;
		}
		return "other";
	}

}

package io.dealgraph.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, over a real Neo4j reached by Bolt (see
 * {@link TestNeo4j}), with the seed data loaded. Test classes share one application, so
 * tests that write use ids of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Tests share one client address; only RateLimitTests, with its own limit, exercises the
// rate limit. Tests check answers, not speed: a request's timeout is generous here, so a
// busy machine slows the suite down without failing it (TransactionTests checks the
// timeout itself). The client waits longer than the server's timeout (WebTestClient's own
// default is 5 s, which a loaded CI machine exceeded on a network read level by level),
// so
// a slow answer arrives, and a timed-out one arrives as the server's error. No scheduled
// job sends statements while RoundTripTests counts those of one request: expired
// idempotency keys are pruned once a day here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dealgraph.rate-limit.capacity=1000000000", "logging.level.dealgraph.requests=WARN",
				"dealgraph.timeouts.request=30s", "spring.test.webtestclient.timeout=60s",
				"dealgraph.idempotency.prune-every=1d" })
@AutoConfigureHttpGraphQlTester
@ContextConfiguration(initializers = { TestNeo4j.class, TestCredentials.class })
@ExtendWith(Neo4jBackend.class)
// Graph: the independent answers in plain Cypher that tests check the API against.
@Import(Graph.class)
public @interface RunsDealgraph {

}

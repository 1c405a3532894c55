package io.dealgraph.limits;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator counts errors by their stable code: RequestObservation sees each response
 * after GraphQlErrors has given every error one, which is what their order is for. Each
 * request is timed once, whole.
 */
@RunsDealgraph
class RequestObservationTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObservationRegistry observations;

	@Test
	void aClientsMistakeIsCountedUnderItsCode() {
		double badRequests = errors("BAD_REQUEST");
		double withoutCode = errors("null");
		this.graphQl.document("{ noSuchField }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		assertThat(errors("BAD_REQUEST")).isEqualTo(badRequests + 1);
		assertThat(errors("null")).isEqualTo(withoutCode);
	}

	@Test
	void aReadIsTimedOnceWholeNotFilterByFilter() {
		Set<String> observed = ConcurrentHashMap.newKeySet();
		// A predicate sees every observation about to be made, kept or not; this one
		// keeps them all and notes their names.
		this.observations.observationConfig().observationPredicate((name, context) -> {
			observed.add(name);
			return true;
		});
		double timed = graphQlRequestsTimed();
		this.graphQl.document("{ organization(id: \"core-scientific\") { name } }")
			.execute()
			.path("organization.name")
			.hasValue();
		assertThat(graphQlRequestsTimed()).isEqualTo(timed + 1);
		// Wrapping each filter of the security chain cost a tenth of a small read.
		assertThat(observed).contains("http.server.requests").noneMatch((name) -> name.startsWith("spring.security"));
	}

	private double graphQlRequestsTimed() {
		return this.meters.find("http.server.requests")
			.tag("uri", "/graphql")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private double errors(String code) {
		Counter counter = this.meters.find("dealgraph.graphql.errors").tag("code", code).counter();
		return (counter != null) ? counter.count() : 0;
	}

}

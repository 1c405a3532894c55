package io.dealgraph.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator counts errors by their stable code: RequestObservation sees each response
 * after GraphQlErrors has given every error one, which is what their order is for.
 */
@RunsDealgraph
class RequestObservationTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MeterRegistry meters;

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

	private double errors(String code) {
		Counter counter = this.meters.find("dealgraph.graphql.errors").tag("code", code).counter();
		return (counter != null) ? counter.count() : 0;
	}

}

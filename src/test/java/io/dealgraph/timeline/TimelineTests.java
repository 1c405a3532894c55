package io.dealgraph.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Examples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class TimelineTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void coreScientificsTimelineRunsInDateOrderWithPartialDatesFirst() {
		var events = Examples.using(this.graphQl)
			.documentName("coreScientificTimeline")
			.execute()
			.path("timelineConnection.edges[*].node")
			.entityList(Map.class)
			.get();
		List<String> dates = new ArrayList<>();
		events.forEach((event) -> dates.add((String) event.get("on")));
		List<String> dated = dates.stream().takeWhile((d) -> d != null).toList();
		assertThat(dates.subList(dated.size(), dates.size())).as("undated events come last").containsOnlyNulls();
		assertThat(dated)
			.isSortedAccordingTo((a, b) -> PartialDateKeys.sortKey(a).compareTo(PartialDateKeys.sortKey(b)));
		// The June 2024 option exercise (dated only to the month) precedes the 2024-06-03
		// contracts.
		assertThat(dated.indexOf("2024-06")).isLessThan(dated.indexOf("2024-06-03"));
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.get("on")).isEqualTo("2025-10-30");
			assertThat(event.get("kind")).isEqualTo("STATUS_CHANGE");
			assertThat(event.get("status")).isEqualTo("TERMINATED");
		});
	}

	@Test
	void theTimelineOfAllDealsCanBeFiltered() {
		var statuses = this.graphQl
			.document("{ timeline(where: {type: REGULATORY_ACTION}, first: 500) { deal { type } } }")
			.execute()
			.path("timeline[*].deal.type")
			.entityList(String.class)
			.get();
		assertThat(statuses).isNotEmpty().containsOnly("REGULATORY_ACTION");
	}

}

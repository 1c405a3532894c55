package io.dealgraph.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.BundledSeed;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
class PagingTests {

	private static final String PAGE = """
			query($after: String, $order: [OrganizationOrder!]) {
			  organizations(first: 7, after: $after, orderBy: $order) {
			    totalCount
			    edges { node { key name } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@AfterEach
	void removeInsertedOrganizations() {
		this.cypher.write((tx) -> tx.run("MATCH (o:Organization) WHERE o.id STARTS WITH 'paging-test-' DETACH DELETE o",
				Map.of()));
	}

	@Test
	void walkingEveryPageVisitsEachOrganizationOnceInNameOrder() {
		List<String> names = new ArrayList<>();
		List<String> ids = walk(List.of(), () -> {
		}, names);
		assertThat(ids).hasSize(BundledSeed.organizations()).doesNotHaveDuplicates();
		assertThat(names).isSortedAccordingTo(String::compareTo);
	}

	@Test
	void descendingOrderWalksBackwards() {
		List<String> names = new ArrayList<>();
		walk(List.of(Map.of("field", "NAME", "direction", "DESC")), () -> {
		}, names);
		assertThat(names).hasSize(BundledSeed.organizations()).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void organizationsInsertedBetweenPagesNeitherRepeatNorHideTheOthers() {
		List<String> before = new ArrayList<>();
		List<String> after = new ArrayList<>();
		List<String> seen = walk(List.of(), new Runnable() {
			private boolean inserted;

			@Override
			public void run() {
				if (!this.inserted) {
					// One name sorts before the pages already read, one after.
					insert("paging-test-aaa", "AAA Paging Test");
					insert("paging-test-zzz", "ZZZ Paging Test");
					this.inserted = true;
				}
			}
		}, before);
		assertThat(seen).doesNotHaveDuplicates().contains("paging-test-zzz").doesNotContain("paging-test-aaa");
		assertThat(seen.stream().filter((id) -> !id.startsWith("paging-test-"))).hasSize(BundledSeed.organizations());
	}

	@Test
	void aCursorOfAnotherOrderingIsABadRequest() {
		String cursor = this.graphQl.document(PAGE)
			.execute()
			.path("organizations.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.document(PAGE)
			.variable("after", cursor)
			.variable("order", List.of(Map.of("field", "NAME", "direction", "DESC")))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
	}

	private List<String> walk(List<Map<String, String>> order, Runnable betweenPages, List<String> names) {
		List<String> ids = new ArrayList<>();
		String after = null;
		boolean first = true;
		do {
			var response = this.graphQl.document(PAGE).variable("after", after).variable("order", order).execute();
			response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(!first);
			ids.addAll(response.path("organizations.edges[*].node.key").entityList(String.class).get());
			names.addAll(response.path("organizations.edges[*].node.name").entityList(String.class).get());
			after = response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("organizations.pageInfo.endCursor").entity(String.class).get() : null;
			betweenPages.run();
			first = false;
		}
		while (after != null);
		return ids;
	}

	private void insert(String id, String name) {
		this.cypher.write((tx) -> tx.run(
				"CREATE (:Organization:Miner {id: $id, name: $name, kind: 'MINER', aliases: [], investorTypes: []})",
				Map.of("id", id, "name", name)));
	}

}

package io.dealgraph.deal;

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
class OrganizationDealsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void whoFinancedHut8HowMuchAndAccordingToWhom() {
		var deals = Examples.using(this.graphQl)
			.documentName("whoFinancedHut8")
			.execute()
			.path("organization.deals.edges[*].node")
			.entityList(Map.class)
			.get();
		Map<?, ?> coatue = deals.stream()
			.filter((deal) -> ((Map<?, ?>) deal.get("from")).get("key").equals("coatue"))
			.findFirst()
			.orElseThrow();
		assertThat(coatue.get("amount"))
			.isEqualTo(Map.of("amount", 1.5e8, "currency", "USD", "qualifier", "EXACT", "period", "TOTAL"));
		assertThat(coatue.get("instrument")).isEqualTo("CONVERTIBLE_NOTES");
		assertThat(coatue.get("announcedOn")).isEqualTo("2024-06-24");
		List<Map<String, Object>> sources = sources(coatue);
		// The pages that report it are mirrors and aggregators: MEDIUM at most (seed
		// README).
		assertThat(sources).anySatisfy((source) -> {
			assertThat((String) source.get("url")).startsWith("https://");
			assertThat(source.get("confidence")).isEqualTo("MEDIUM");
		});
		assertThat(sources).as("the starting article is a source too")
			.anySatisfy((source) -> assertThat((String) source.get("title")).startsWith("Bitcoin Miners Are Cashing"));
	}

	@Test
	void everyDealOfCoreScientificAppearsOncePageByPageInDateOrder() {
		String document = """
				query($after: String) {
				  organization(id: "core-scientific") {
				    deals(first: 3, after: $after) {
				      totalCount
				      edges { cursor node { key announcedOn } }
				      pageInfo { hasNextPage endCursor }
				    }
				  }
				}
				""";
		List<String> seen = new ArrayList<>();
		List<String> dates = new ArrayList<>();
		String after = null;
		int totalCount;
		do {
			var response = this.graphQl.document(document).variable("after", after).execute();
			totalCount = response.path("organization.deals.totalCount").entity(Integer.class).get();
			response.path("organization.deals.edges[*].node.key").entityList(String.class).get().forEach(seen::add);
			response.path("organization.deals.edges[*].node")
				.entityList(Map.class)
				.get()
				.forEach((deal) -> dates.add((String) deal.get("announcedOn")));
			boolean hasNext = response.path("organization.deals.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = hasNext ? response.path("organization.deals.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(seen).hasSize(totalCount).doesNotHaveDuplicates();
		assertThat(totalCount).isGreaterThan(6);
		List<String> known = dates.stream().filter((d) -> d != null).toList();
		assertThat(known)
			.isSortedAccordingTo((a, b) -> PartialDateKeys.sortKey(a).compareTo(PartialDateKeys.sortKey(b)));
	}

	@Test
	void dealsCanBeNarrowedByTypeAndSide() {
		var types = this.graphQl.document("""
				{ organization(id: "coreweave") {
				    deals(types: [PARTNERSHIP], direction: INCOMING, first: 100) { edges { node { type to { key } } } }
				} }
				""").execute();
		types.path("organization.deals.edges[*].node.type")
			.entityList(String.class)
			.satisfies((list) -> assertThat(list).isNotEmpty().containsOnly("PARTNERSHIP"));
		types.path("organization.deals.edges[*].node.to.key")
			.entityList(String.class)
			.satisfies((list) -> assertThat(list).containsOnly("coreweave"));
	}

	@Test
	void anUnknownOrganizationIsNullWithoutError() {
		this.graphQl.document("{ organization(id: \"no-such-company\") { key } }")
			.execute()
			.errors()
			.verify()
			.path("organization")
			.valueIsNull();
	}

	@Test
	void tooLargeANegativeOrAMalformedPageIsABadRequest() {
		for (String arguments : List.of("first: 101", "first: -1", "after: \"not-a-cursor\"", "types: [MERGER]")) {
			this.graphQl.document("{ organization(id: \"hut-8\") { deals(" + arguments + ") { totalCount } } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		}
	}

	/**
	 * A page reads one row more than it shows, to learn whether another follows, and
	 * reads nothing beneath that row; every row it shows, its last included, has all its
	 * nested answers, the same as in a longer page.
	 */
	@Test
	void aShortPageShowsTheSameNestedAnswersAsTheStartOfALongOne() {
		String document = """
				query($organizations: Int, $deals: Int) {
				  organizations(first: $organizations) {
				    pageInfo { hasNextPage }
				    edges { node { key
				      deals(first: $deals) {
				        pageInfo { hasNextPage }
				        edges { node { key from { key financiers { key } } sites { key } } }
				      }
				    } }
				  }
				}
				""";
		List<Map<String, Object>> longer = organizations(document, 100, 100);
		List<Map<String, Object>> shorter = organizations(document, 6, 2);
		assertThat(shorter).hasSize(6);
		long nestedShown = 0;
		for (int i = 0; i < shorter.size(); i++) {
			List<Object> shortDeals = deals(shorter.get(i));
			List<Object> longDeals = deals(longer.get(i));
			assertThat(shortDeals).isEqualTo(longDeals.subList(0, Math.min(2, longDeals.size())));
			nestedShown += shortDeals.stream().filter((deal) -> !financiers(deal).isEmpty()).count();
		}
		assertThat(nestedShown).as("some shown deal's source has financiers, so the comparison reads them")
			.isPositive();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> organizations(String document, int organizations, int deals) {
		return this.graphQl.document(document)
			.variable("organizations", organizations)
			.variable("deals", deals)
			.execute()
			.path("organizations.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> deals(Map<String, Object> organization) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) organization.get("deals")).get("edges")).stream()
			.map((edge) -> edge.get("node"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> financiers(Object deal) {
		return (List<Object>) ((Map<String, Object>) ((Map<String, Object>) deal).get("from")).get("financiers");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sources(Map<?, ?> deal) {
		return (List<Map<String, Object>>) deal.get("sources");
	}

}

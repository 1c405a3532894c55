package io.dealgraph.site;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Examples;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sites and related deals (issue 18, items 1, 2 and 7): the campus a lease is at, and the
 * backstop, warrants and debt that exist because of it. Answers are checked against the
 * links in plain Cypher.
 */
@RunsDealgraph
class SitesTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Graph graph;

	@Test
	void lakeMarinersDealsIncludeTheLeasesTheBackstopsAndTheWarrantsRelatedToEachOther() {
		var lakeMariner = Examples.using(this.graphQl).documentName("lakeMarinerDeals").execute();
		lakeMariner.path("site.operator.key").entity(String.class).isEqualTo("terawulf");
		Set<String> deals = new TreeSet<>(
				lakeMariner.path("site.deals.edges[*].node.key").entityList(String.class).get());
		assertThat(deals).contains("E045", "E048", "E046", "E049", "E047", "E050")
			.isEqualTo(this.graph.ids("MATCH (:Site {id: 'lake-mariner'})<-[:AT]-(r:Deal) "
					+ "WHERE r.retractedAt IS NULL RETURN r.id AS id"));
		List<Map<String, Object>> nodes = lakeMariner.path("site.deals.edges[*].node").entityList(MAP).get();
		assertThat(related(nodes, "E046")).containsEntry("E045", "BACKSTOPS").containsEntry("E047", "PAID_FOR_BY");
		assertThat(related(nodes, "E045")).containsEntry("E046", "BACKSTOPPED_BY")
			.containsEntry("E048", "EARLIER_STEP_OF");
		assertThat(related(nodes, "E047")).containsEntry("E046", "PAYS_FOR");
		assertThat(related(nodes, "E049")).containsEntry("E048", "BACKSTOPS").containsEntry("E050", "PAID_FOR_BY");
		assertThat(related(nodes, "E050")).containsEntry("E049", "PAYS_FOR");
		// Each link is read from both of its deals, the reason turned to the reader's
		// side.
		long links = this.graph
			.ids("MATCH (:Site {id: 'lake-mariner'})<-[:AT]-(r:Deal)-[l:RELATED_TO]-(:Deal) "
					+ "RETURN r.id + '/' + elementId(l) AS id")
			.size();
		assertThat(nodes.stream().mapToLong((node) -> ((List<?>) node.get("related")).size()).sum())
			.isGreaterThanOrEqualTo(links);
	}

	@Test
	void onlyTheDealThatContractsCapacityCarriesItWithWhatItMeasures() {
		this.graphQl.document("""
				{ lease: deal(id: "E045") { capacityMw capacity { mw basis qualifier } sites { key } }
				  backstop: deal(id: "E046") { capacityMw capacity { mw } sites { key } } }
				""")
			.execute()
			.path("lease.capacity.mw")
			.entity(Double.class)
			.isEqualTo(200.0)
			.path("lease.capacity.basis")
			.entity(String.class)
			.isEqualTo("CRITICAL_IT")
			.path("lease.capacity.qualifier")
			.entity(String.class)
			.isEqualTo("AT_LEAST")
			.path("backstop.capacity")
			.valueIsNull()
			.path("backstop.capacityMw")
			.valueIsNull()
			.path("backstop.sites[*].key")
			.entityList(String.class)
			.containsExactly("lake-mariner");
	}

	@Test
	void sitesAreFoundByNameCountryRegionAndOperatorAndPagedByName() {
		this.graphQl.document("""
				{ sites(where: {nameContains: "lake", country: "US"}) { totalCount edges { node { key name } } } }
				""")
			.execute()
			.path("sites.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("barber-lake", "lake-mariner")
			.path("sites.totalCount")
			.entity(Integer.class)
			.isEqualTo(2);
		Set<String> texas = new TreeSet<>();
		String after = null;
		do {
			var page = this.graphQl.document("""
					query($after: String) {
					  sites(where: {region: "texas"}, first: 3, after: $after) {
					    edges { node { key } } pageInfo { hasNextPage endCursor }
					  }
					}
					""").variable("after", after).execute();
			texas.addAll(page.path("sites.edges[*].node.key").entityList(String.class).get());
			after = page.path("sites.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("sites.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(texas).contains("helios", "barber-lake", "abilene")
			.isEqualTo(this.graph.ids("MATCH (s:Site) WHERE toLower(s.region) = 'texas' RETURN s.id AS id"));
		this.graphQl.document("{ sites(where: {operator: \"Organization:hut-8\"}) { edges { node { key } } } }")
			.execute()
			.path("sites.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("beacon-point", "river-bend");
	}

	@Test
	void aSiteIsFoundByEitherFormOfItsIdAndEverySiteRestsOnASource() {
		this.graphQl.document("{ site(id: \"Site:helios\") { key confidence sources { url confidence } } }")
			.execute()
			.path("site.key")
			.entity(String.class)
			.isEqualTo("helios")
			.path("site.sources")
			.entityList(MAP)
			.satisfies((sources) -> assertThat(sources).isNotEmpty());
		this.graphQl.document("{ site(id: \"Deal:E001\") { key } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
		assertThat(this.graph.ids("MATCH (s:Site) WHERE size(coalesce(s.sourceUrls, [])) = 0 RETURN s.id AS id"))
			.isEmpty();
	}

	@Test
	void aSitesDealsObeyTheEvidenceThresholdOfTheFieldAbove() {
		Set<String> onHigh = new TreeSet<>(this.graphQl.document("""
				{ site(id: "lake-mariner", minConfidence: HIGH) { deals(first: 100) { edges { node { key } } } } }
				""").execute().path("site.deals.edges[*].node.key").entityList(String.class).get());
		assertThat(onHigh).isEqualTo(this.graph.ids("""
				MATCH (:Site {id: 'lake-mariner'})<-[:AT]-(r:Deal)
				WHERE r.retractedAt IS NULL AND 'HIGH' IN r.sourceConfidences RETURN r.id AS id
				"""));
	}

	@Test
	void aNetworkListsEachSiteOfItsDealsOnceByNameWhetherItsStatementReadsThemOrTheFieldLoadsThem() {
		List<Map<String, Object>> read = this.graphQl
			.document("{ network(around: \"terawulf\") { deals { key } sites { key name operator { key } } } }")
			.execute()
			.path("network.sites")
			.entityList(MAP)
			.get();
		// Under two aliases the list loads itself, with one statement for the network.
		List<Map<String, Object>> loaded = this.graphQl
			.document("{ network(around: \"terawulf\") { sites { key name operator { key } } again: sites { key } } }")
			.execute()
			.path("network.sites")
			.entityList(MAP)
			.get();
		assertThat(read).isEqualTo(loaded);
		List<String> deals = this.graphQl.document("{ network(around: \"terawulf\") { deals { key } } }")
			.execute()
			.path("network.deals[*].key")
			.entityList(String.class)
			.get();
		assertThat(new TreeSet<>(read.stream().map((site) -> (String) site.get("key")).toList()))
			.isEqualTo(this.graph.ids("MATCH (r:Deal)-[:AT]->(s:Site) WHERE r.id IN $deals RETURN s.id AS id",
					Map.of("deals", deals)))
			.hasSizeGreaterThan(1);
		assertThat(read.stream().map((site) -> (String) site.get("name")).toList()).isSorted();
	}

	@Test
	void aNetworkListsTheSitesOfItsDeals() {
		this.graphQl.document("{ network(around: \"terawulf\") { sites { key } deals { key sites { key } } } }")
			.execute()
			.path("network.sites[*].key")
			.entityList(String.class)
			.contains("lake-mariner", "abernathy");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> related(List<Map<String, Object>> nodes, String id) {
		Map<String, String> reasons = new java.util.TreeMap<>();
		nodes.stream()
			.filter((node) -> node.get("key").equals(id))
			.flatMap((node) -> ((List<Map<String, Object>>) node.get("related")).stream())
			.forEach((link) -> reasons.put((String) ((Map<String, Object>) link.get("deal")).get("key"),
					(String) link.get("reason")));
		return reasons;
	}

}

package io.dealgraph.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Editors;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@RunsDealgraph
@RemovesItsWrites
class EditingTests {

	private static final String UPDATE = """
			mutation($id: ID!, $input: DealInput!, $version: Int!) {
			  updateDeal(id: $id, input: $input, expectedVersion: $version) { key version status statusHistory { status on } }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void aRetriedRequestWithTheSameIdempotencyKeyRecordsOneDeal() {
		String first = record("retry-1");
		String second = record("retry-1");
		assertThat(second).isEqualTo(first);
		assertThat(this.cypher.read("MATCH (r:Deal) WHERE r.id STARTS WITH 'D-' RETURN count(r) AS n", Map.of())
			.getFirst()
			.get("n")
			.asInt()).isEqualTo(1);
	}

	@Test
	void anUpdateThatChangesTheDealsTypeAndPartiesMovesItAndKeepsItsVersionCount() {
		String id = record(null);
		Map<String, Object> input = new HashMap<>(Editors.supplyDeal("hut-8", "anthropic"));
		input.put("type", "PARTNERSHIP");
		Editors.editor(this.graphQl)
			.document(UPDATE)
			.variable("id", id)
			.variable("input", input)
			.variable("version", 1)
			.execute()
			.path("updateDeal.version")
			.entity(Integer.class)
			.isEqualTo(2);
		var stored = this.cypher.read(
				"""
						MATCH (a)<-[:FROM]-(r:Deal {id: $id})-[:TO]->(b)
						RETURN CASE WHEN r:Partnership THEN 'PARTNERSHIP' WHEN r:Financing THEN 'FINANCING' WHEN r:Supply THEN 'SUPPLY'
						            WHEN r:Acquisition THEN 'ACQUISITION' WHEN r:RegulatoryAction THEN 'REGULATORY_ACTION'
						            WHEN r:Control THEN 'CONTROL' END AS type,
						       size(labels(r)) AS labels, a.id AS from, b.id AS to
						""",
				Map.of("id", id));
		assertThat(stored).singleElement().satisfies((row) -> {
			assertThat(row.get("type").asString()).isEqualTo("PARTNERSHIP");
			assertThat(row.get("labels").asInt()).as("Deal and one type label").isEqualTo(2);
			assertThat(row.get("from").asString()).isEqualTo("hut-8");
			assertThat(row.get("to").asString()).isEqualTo("anthropic");
		});
	}

	@Test
	void anUpdateWithAStaleVersionIsAConflict() {
		String id = record(null);
		Map<String, Object> input = new HashMap<>(Editors.supplyDeal("nvidia", "hut-8"));
		input.put("status", "COMPLETED");
		input.put("statusOn", "2026-11-20");
		Editors.editor(this.graphQl)
			.document(UPDATE)
			.variable("id", id)
			.variable("input", input)
			.variable("version", 1)
			.execute()
			.path("updateDeal.version")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("updateDeal.statusHistory[1]")
			.entity(Map.class)
			.isEqualTo(Map.of("status", "COMPLETED", "on", "2026-11-20"));
		Editors.editor(this.graphQl)
			.document(UPDATE)
			.variable("id", id)
			.variable("input", input)
			.variable("version", 1)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "CONFLICT")));
	}

	@Test
	void twoEditorsUpdatingTheSameDealAtOnceNeitherLoseTheirWork() throws Exception {
		String id = record(null);
		List<Callable<String>> editors = new ArrayList<>();
		for (String description : List.of("first editor's words", "second editor's words")) {
			editors.add(() -> {
				Map<String, Object> input = new HashMap<>(Editors.supplyDeal("nvidia", "hut-8"));
				input.put("description", description);
				var errors = new ArrayList<String>();
				Editors.editor(this.graphQl)
					.document(UPDATE)
					.variable("id", id)
					.variable("input", input)
					.variable("version", 1)
					.execute()
					.errors()
					.satisfy((list) -> list.forEach((e) -> errors.add((String) e.getExtensions().get("code"))));
				return errors.isEmpty() ? "OK" : String.join(",", errors);
			});
		}
		List<String> outcomes = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(2)) {
			for (Future<String> outcome : pool.invokeAll(editors)) {
				outcomes.add(outcome.get());
			}
		}
		assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
		this.graphQl.document("query($id: ID!) { deal(id: $id) { version } }")
			.variable("id", id)
			.execute()
			.path("deal.version")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void aRetractedDealIsKeptWithWhoWhenAndWhyButHiddenFromReads() {
		String id = record(null);
		Editors.admin(this.graphQl)
			.document(
					"mutation($id: ID!) { retractDeal(id: $id, reason: \"duplicate of E011\") { retraction { by reason } } }")
			.variable("id", id)
			.execute()
			.path("retractDeal.retraction.reason")
			.entity(String.class)
			.isEqualTo("duplicate of E011");
		this.graphQl.document("query($id: ID!) { deal(id: $id) { key } }")
			.variable("id", id)
			.execute()
			.path("deal")
			.valueIsNull();
		this.graphQl.document("query($id: ID!) { deal(id: $id, includeRetracted: true) { retraction { by at } } }")
			.variable("id", id)
			.execute()
			.path("deal.retraction.by")
			.entity(String.class)
			.satisfies((by) -> assertThat(by).startsWith("admin-key-"));
		this.graphQl.document("{ organization(id: \"hut-8\") { deals(first: 100) { edges { node { key } } } } }")
			.execute()
			.path("organization.deals.edges[*].node.key")
			.entityList(String.class)
			.doesNotContain(id);
		this.graphQl.document("{ deals(where: {type: SUPPLY}, first: 100) { edges { node { key } } } }")
			.execute()
			.path("deals.edges[*].node.key")
			.entityList(String.class)
			.doesNotContain(id);
	}

	@Test
	void addingASourceKeepsTheOthers() {
		String id = record(null);
		Editors.editor(this.graphQl)
			.document(
					"mutation($id: ID!) { addSource(dealId: $id, source: {url: \"https://example.org/second\", confidence: MEDIUM}) { version sources { url } } }")
			.variable("id", id)
			.execute()
			.path("addSource.sources[*].url")
			.entityList(String.class)
			.containsExactly("https://example.org/deal", "https://example.org/second")
			.path("addSource.version")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void mergingTwoNodesOfOneCompanyLosesNothing() {
		upsert("test-keep", "Keep Corp", List.of());
		upsert("test-merge", "Keep Corporation", List.of("KeepCo"));
		String dealOfMerged = recordBetween("nvidia", "test-merge");
		String dealBetween = recordBetween("test-keep", "test-merge");
		var merged = Editors.admin(this.graphQl)
			.document(
					"mutation { mergeOrganizations(keep: \"test-keep\", merge: \"test-merge\") { key aliases deals(first: 100) { totalCount edges { node { key } } } } }")
			.execute();
		merged.path("mergeOrganizations.aliases").entityList(String.class).contains("Keep Corporation", "KeepCo");
		merged.path("mergeOrganizations.deals.edges[*].node.key")
			.entityList(String.class)
			.contains(dealOfMerged, dealBetween);
		this.graphQl.document("{ organization(id: \"test-merge\") { key } }")
			.execute()
			.path("organization.key")
			.entity(String.class)
			.isEqualTo("test-keep");
	}

	@Test
	void everyWriteIsInTheAuditLogWithItsStateBeforeAndAfter() {
		String id = record(null);
		var change = this.graphQl
			.document("{ changes(first: 5) { edges { node { by operation target before after } } } }")
			.execute()
			.path("changes.edges[0].node")
			.entity(Map.class)
			.get();
		assertThat(change.get("operation")).isEqualTo("recordDeal");
		assertThat(change.get("target")).isEqualTo(id);
		assertThat((String) change.get("by")).startsWith("editor-key-").doesNotContain("test-editor-key");
		assertThat(change.get("before")).isNull();
		assertThat((String) change.get("after")).contains("https://example.org/deal");
	}

	private String record(String idempotencyKey) {
		return record("nvidia", "hut-8", idempotencyKey);
	}

	private String recordBetween(String from, String to) {
		return record(from, to, null);
	}

	private String record(String from, String to, String idempotencyKey) {
		return Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", Editors.supplyDeal(from, to))
			.variable("key", idempotencyKey)
			.execute()
			.path("recordDeal.key")
			.entity(String.class)
			.get();
	}

	private void upsert(String id, String name, List<String> aliases) {
		Editors.editor(this.graphQl)
			.document("mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { key } }")
			.variable("i", Map.of("id", id, "name", name, "kind", "SUPPLIER", "aliases", aliases))
			.execute()
			.path("upsertOrganization.key")
			.entity(String.class)
			.isEqualTo(id);
	}

}

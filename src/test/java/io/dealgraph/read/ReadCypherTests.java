package io.dealgraph.read;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dealgraph.deal.DealDirection;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.paging.Page;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.DealsRead;
import io.dealgraph.read.Reads.FactsRead;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.PartyRead;
import io.dealgraph.read.Reads.Place;
import io.dealgraph.read.Reads.RelatedRead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subqueries the read compiler nests beneath a top-level field, pinned as text: no
 * database. {@code CompiledReadsTests} checks their answers against the fields' own
 * fetchers, and {@code RoundTripTests} that a whole selection is one statement.
 */
class ReadCypherTests {

	@Test
	void anOrganizationsDealsWithTheFinanciersOfEachDealsFromPartyAreNestedSubqueries() {
		var financiers = new RelatedRead("financiers", Relationship.FINANCIERS, OrganizationReads.NONE);
		var from = new PartyRead("from", End.FROM,
				new OrganizationReads(Set.of("name", "financiers"), List.of(financiers)));
		var deals = new DealsRead("deals", Set.of(), DealDirection.ANY, Page.of(5, null), false,
				List.of(new Place("edges", "node")),
				new DealReads(Set.of("id", "amount", "from"), Set.of("name", "financiers"), Set.of(), List.of(from)));
		var filter = new CypherFilter();
		Beneath beneath = new ReadCypher(filter).organization("o",
				new OrganizationReads(Set.of("deals"), List.of(deals)));
		assertThat(beneath.calls()).isEqualTo(
				"""
						CALL (o) {
						  MATCH (o)<-[:FROM|TO]-(r2:Deal)
						  WHERE r2.retractedAt IS NULL AND true
						  WITH r2 ORDER BY coalesce(r2.announcedKey, $p5), r2.id LIMIT $p6
						  MATCH (a3)<-[:FROM]-(r2)-[:TO]->(b4)
						  WITH r2, a3, b4, [coalesce(r2.announcedKey, $p12), r2.id] AS s11
						  CALL (a3) {
						    MATCH (a3)<-[:TO]-(r8:Financing)-[:FROM]->(x9:Organization) WHERE r8.retractedAt IS NULL AND NOT coalesce(r8.role, '') IN ['ARRANGER', 'UNDERWRITER']
						    WITH DISTINCT x9 ORDER BY x9.name, x9.id LIMIT $p10
						    RETURN collect({organization: x9 {.id, .kind, .name}, beneath: {}}) AS c7
						  }
						  RETURN collect({deal: r2 {.amount, .amountPeriod, .amountQualifier, .currency, .id, .status, type: CASE WHEN r2:Partnership THEN 'PARTNERSHIP' WHEN r2:Financing THEN 'FINANCING' WHEN r2:Supply THEN 'SUPPLY' WHEN r2:Acquisition THEN 'ACQUISITION' WHEN r2:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r2:Control THEN 'CONTROL' WHEN r2:Stake THEN 'STAKE' WHEN r2:Guarantee THEN 'GUARANTEE' END, from: a3 {.id, .kind, .name}, to: b4 {.id, .kind, .name}}, sortValues: s11, beneath: {r0: {r0: c7}}}) AS c1
						}""");
		assertThat(beneath.answers()).isEqualTo("{r0: {rows: c1, total: -1}}");
		// the page's size plus one, to learn whether a next page exists; the list cap;
		// the null stand-in that sorts undated deals last
		assertThat(filter.parameters()).isEqualTo(Map.of("p5", "\uffff", "p6", 6, "p10", 100, "p12", "\uffff"));
	}

	@Test
	void anAsOfViewReachesEveryNestedSubqueryAndTotalsAreCountedOnlyWhenAsked() {
		var facts = new FactsRead("facts");
		var parent = new RelatedRead("parent", Relationship.PARENT,
				new OrganizationReads(Set.of("key", "facts", "country"), List.of(facts)));
		var deals = new DealsRead("financing", Set.of(DealType.FINANCING), DealDirection.INCOMING, Page.of(3, null),
				true, List.of(), new DealReads(Set.of("sources"), Set.of(), Set.of(), List.of()));
		var filter = new CypherFilter(View.asOf("2024"));
		Beneath beneath = new ReadCypher(filter).organization("o",
				new OrganizationReads(Set.of("financing", "parent"), List.of(deals, parent)));
		assertThat(beneath.calls()).isEqualTo(
				"""
						CALL (o) {
						  MATCH (o)<-[:TO]-(r2:Financing)
						  WHERE (r2.retractedAt IS NULL AND r2.announcedKey <= $p5 AND (r2.endedKey IS NULL OR r2.endedKey > $p5)) AND true
						  WITH r2 ORDER BY coalesce(r2.announcedKey, $p6), r2.id LIMIT $p7
						  MATCH (a3)<-[:FROM]-(r2)-[:TO]->(b4)
						  WITH r2, a3, b4, [coalesce(r2.announcedKey, $p9), r2.id] AS s8
						  RETURN collect({deal: r2 {.id, .sourceArchiveUrls, .sourceConfidences, .sourceNotes, .sourcePublishedOn, .sourcePublishers, .sourceQuotes, .sourceRetrievedOn, .sourceTitles, .sourceUrls, .status, type: CASE WHEN r2:Partnership THEN 'PARTNERSHIP' WHEN r2:Financing THEN 'FINANCING' WHEN r2:Supply THEN 'SUPPLY' WHEN r2:Acquisition THEN 'ACQUISITION' WHEN r2:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r2:Control THEN 'CONTROL' WHEN r2:Stake THEN 'STAKE' WHEN r2:Guarantee THEN 'GUARANTEE' END, statusInView: coalesce(last([i IN range(0, size(r2.statusHistory) - 1) WHERE r2.statusDates[i] <> '' AND CASE size(r2.statusDates[i]) WHEN 4 THEN r2.statusDates[i] + '-99-99' WHEN 7 THEN r2.statusDates[i] + '-99' ELSE r2.statusDates[i] END <= $p5 | r2.statusHistory[i]]), 'ANNOUNCED'), from: a3 {.id, .kind, .name}, to: b4 {.id, .kind, .name}}, sortValues: s8, beneath: {}}) AS c1
						}
						CALL (o) {
						  MATCH (o)<-[:TO]-(r12:Control)-[:FROM]->(x13:Organization) WHERE (r12.retractedAt IS NULL AND r12.announcedKey <= $p5 AND (r12.endedKey IS NULL OR r12.endedKey > $p5)) AND (r12.endedKey IS NULL OR r12.endedKey > $p5)
						  WITH x13 ORDER BY coalesce(r12.announcedKey, '') DESC, r12.id DESC LIMIT 1
						  CALL (x13) {
						    MATCH (x13)-[:HAS_FACT]->(f15:Fact)
						    WITH f15 ORDER BY f15.attribute, f15.asOf, f15.value, f15.key
						    LIMIT $p16
						    RETURN collect(f15 {.*}) AS c14
						  }
						  RETURN collect({organization: x13 {.country, .id, .kind, .name}, beneath: {r0: c14}}) AS c11
						}""");
		assertThat(beneath.answers()).isEqualTo("{r0: {rows: c1, total: COUNT { (o)<-[:TO]-(r10:Financing) WHERE "
				+ "(r10.retractedAt IS NULL AND r10.announcedKey <= $p5 AND (r10.endedKey IS NULL OR r10.endedKey > $p5)) }}, "
				+ "r1: c11}");
		assertThat(filter.parameters()).containsEntry("p5", "2024-99-99").containsEntry("p7", 4);
	}

}

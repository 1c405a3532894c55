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
import io.dealgraph.read.Reads.OperatorRead;
import io.dealgraph.read.Reads.PartyRead;
import io.dealgraph.read.Reads.Place;
import io.dealgraph.read.Reads.RelatedDealsRead;
import io.dealgraph.read.Reads.RelatedRead;
import io.dealgraph.read.Reads.SiteDealsRead;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.read.Reads.SitesRead;

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

	@Test
	void aSitesOperatorAndDealsAndEachDealsSitesAndRelatedDealsAreNestedSubqueries() {
		var related = new RelatedDealsRead("related", "deal",
				new DealReads(Set.of("id"), Set.of(), Set.of(), List.of()));
		var sites = new SitesRead("sites", new SiteReads(List.of()));
		var deals = new SiteDealsRead("deals", Page.of(2, null), true, List.of(new Place("edges", "node")),
				new DealReads(Set.of("id", "sites", "related"), Set.of(), Set.of(), List.of(sites, related)));
		var operator = new OperatorRead("operator", OrganizationReads.NONE);
		var filter = new CypherFilter();
		Beneath beneath = new ReadCypher(filter).site("s", new SiteReads(List.of(operator, deals)));
		assertThat(beneath.projection()).isEqualTo("s {.*}");
		assertThat(beneath.calls()).isEqualTo(
				"""
						CALL (s) {
						  MATCH (s)-[:OPERATED_BY]->(x2:Organization)
						  RETURN collect({organization: x2 {.id, .kind, .name}, beneath: {}}) AS c1
						}
						CALL (s) {
						  MATCH (s)<-[:AT]-(r4:Deal)
						  WHERE r4.retractedAt IS NULL AND true
						  WITH r4 ORDER BY coalesce(r4.announcedKey, $p7), r4.id LIMIT $p8
						  MATCH (a5)<-[:FROM]-(r4)-[:TO]->(b6)
						  WITH r4, a5, b6, [coalesce(r4.announcedKey, $p17), r4.id] AS s16
						  CALL (r4) {
						    MATCH (r4)-[:AT]->(s10:Site) WHERE true
						    WITH r4, s10 ORDER BY s10.name, s10.id
						    RETURN collect({site: s10 {.*}, beneath: {}}) AS c9
						  }
						  CALL (r4) {
						    MATCH (r4)-[l12:RELATED_TO]-(x13:Deal) WHERE x13.retractedAt IS NULL
						    MATCH (a14)<-[:FROM]-(x13)-[:TO]->(b15)
						    WITH r4, l12, x13, a14, b15 ORDER BY x13.announcedKey, x13.id
						    RETURN collect({deal: x13 {.id, .status, type: CASE WHEN x13:Partnership THEN 'PARTNERSHIP' WHEN x13:Financing THEN 'FINANCING' WHEN x13:Supply THEN 'SUPPLY' WHEN x13:Acquisition THEN 'ACQUISITION' WHEN x13:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN x13:Control THEN 'CONTROL' WHEN x13:Stake THEN 'STAKE' WHEN x13:Guarantee THEN 'GUARANTEE' END, from: a14 {.id, .kind, .name}, to: b15 {.id, .kind, .name}}, reason: l12.reason, fromStart: startNode(l12) = r4, beneath: {}}) AS c11
						  }
						  RETURN collect({deal: r4 {.id, .status, type: CASE WHEN r4:Partnership THEN 'PARTNERSHIP' WHEN r4:Financing THEN 'FINANCING' WHEN r4:Supply THEN 'SUPPLY' WHEN r4:Acquisition THEN 'ACQUISITION' WHEN r4:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r4:Control THEN 'CONTROL' WHEN r4:Stake THEN 'STAKE' WHEN r4:Guarantee THEN 'GUARANTEE' END, from: a5 {.id, .kind, .name}, to: b6 {.id, .kind, .name}}, sortValues: s16, beneath: {r0: c9, r1: c11}}) AS c3
						}""");
		assertThat(beneath.answers()).isEqualTo(
				"{r0: c1, r1: {rows: c3, total: COUNT { MATCH (s)<-[:AT]-(t18:Deal) WHERE t18.retractedAt IS NULL }}}");
		// each page's size plus one; the null stand-in that sorts undated deals last
		assertThat(filter.parameters()).isEqualTo(Map.of("p7", "\uffff", "p8", 3, "p17", "\uffff"));
	}

}

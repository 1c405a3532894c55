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
						  WITH r2, a3, b4, [coalesce(r2.announcedKey, $p18), r2.id] AS s7
						  WITH collect([r2, a3, b4, s7]) AS fetched13
						  UNWIND range(0, size(fetched13) - 1) AS i14
						  WITH fetched13[i14][0] AS r2, fetched13[i14][1] AS a3, fetched13[i14][2] AS b4, fetched13[i14][3] AS s7, i14 < $p12 AS shown15
						  CALL (r2, a3, b4, s7, shown15) {
						    UNWIND CASE WHEN shown15 THEN [true] ELSE [] END AS guard17
						    CALL (a3) {
						      MATCH (a3)<-[:TO]-(r9:Financing)-[:FROM]->(x10:Organization) WHERE r9.retractedAt IS NULL AND NOT coalesce(r9.role, '') IN ['ARRANGER', 'UNDERWRITER']
						      WITH DISTINCT x10 ORDER BY x10.name, x10.id LIMIT $p11
						      RETURN collect({organization: x10 {.id, .kind, .name}, beneath: {}}) AS c8
						    }
						    RETURN collect({r0: {r0: c8}})[0] AS beneath16
						  }
						  RETURN collect({deal: r2 {.amount, .amountPeriod, .amountQualifier, .currency, .id, .status, type: CASE WHEN r2:Partnership THEN 'PARTNERSHIP' WHEN r2:Financing THEN 'FINANCING' WHEN r2:Supply THEN 'SUPPLY' WHEN r2:Acquisition THEN 'ACQUISITION' WHEN r2:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r2:Control THEN 'CONTROL' WHEN r2:Stake THEN 'STAKE' WHEN r2:Guarantee THEN 'GUARANTEE' END, from: a3 {.id, .kind, .name}, to: b4 {.id, .kind, .name}}, sortValues: s7, beneath: beneath16}) AS c1
						}""");
		assertThat(beneath.answers()).isEqualTo("{r0: {rows: c1, total: -1}}");
		// the page's size plus one, to learn whether a next page exists; the list cap;
		// the page's size, the rows whose financiers are read (not the extra one's); the
		// null stand-in that sorts undated deals last
		assertThat(filter.parameters())
			.isEqualTo(Map.of("p5", "\uffff", "p6", 6, "p11", 100, "p12", 5, "p18", "\uffff"));
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
						  WITH r4, a5, b6, [coalesce(r4.announcedKey, $p23), r4.id] AS s9
						  WITH collect([r4, a5, b6, s9]) AS fetched18
						  UNWIND range(0, size(fetched18) - 1) AS i19
						  WITH fetched18[i19][0] AS r4, fetched18[i19][1] AS a5, fetched18[i19][2] AS b6, fetched18[i19][3] AS s9, i19 < $p17 AS shown20
						  CALL (r4, a5, b6, s9, shown20) {
						    UNWIND CASE WHEN shown20 THEN [true] ELSE [] END AS guard22
						    CALL (r4) {
						      MATCH (r4)-[:AT]->(s11:Site) WHERE true
						      WITH r4, s11 ORDER BY s11.name, s11.id
						      RETURN collect({site: s11 {.*}, beneath: {}}) AS c10
						    }
						    CALL (r4) {
						      MATCH (r4)-[l13:RELATED_TO]-(x14:Deal) WHERE x14.retractedAt IS NULL
						      MATCH (a15)<-[:FROM]-(x14)-[:TO]->(b16)
						      WITH r4, l13, x14, a15, b16 ORDER BY x14.announcedKey, x14.id
						      RETURN collect({deal: x14 {.id, .status, type: CASE WHEN x14:Partnership THEN 'PARTNERSHIP' WHEN x14:Financing THEN 'FINANCING' WHEN x14:Supply THEN 'SUPPLY' WHEN x14:Acquisition THEN 'ACQUISITION' WHEN x14:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN x14:Control THEN 'CONTROL' WHEN x14:Stake THEN 'STAKE' WHEN x14:Guarantee THEN 'GUARANTEE' END, from: a15 {.id, .kind, .name}, to: b16 {.id, .kind, .name}}, reason: l13.reason, fromStart: startNode(l13) = r4, beneath: {}}) AS c12
						    }
						    RETURN collect({r0: c10, r1: c12})[0] AS beneath21
						  }
						  RETURN collect({deal: r4 {.id, .status, type: CASE WHEN r4:Partnership THEN 'PARTNERSHIP' WHEN r4:Financing THEN 'FINANCING' WHEN r4:Supply THEN 'SUPPLY' WHEN r4:Acquisition THEN 'ACQUISITION' WHEN r4:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r4:Control THEN 'CONTROL' WHEN r4:Stake THEN 'STAKE' WHEN r4:Guarantee THEN 'GUARANTEE' END, from: a5 {.id, .kind, .name}, to: b6 {.id, .kind, .name}}, sortValues: s9, beneath: beneath21}) AS c3
						}""");
		assertThat(beneath.answers()).isEqualTo(
				"{r0: c1, r1: {rows: c3, total: COUNT { MATCH (s)<-[:AT]-(t24:Deal) WHERE t24.retractedAt IS NULL }}}");
		// the page's size plus one; the page's size, the rows whose sites and related
		// deals are read; the null stand-in that sorts undated deals last
		assertThat(filter.parameters()).isEqualTo(Map.of("p7", "\uffff", "p8", 3, "p17", 2, "p23", "\uffff"));
	}

	@Test
	void theBlankLinesThatEmptyCallsLeaveAreDropped() {
		for (String text : List.of("a\n\nb", "a\n  \n \nb", "a\nb", "", "a\n", "a\n\n", "\n\nb", "  \nb", "a\n  ",
				"a\n \t\n  b\n\n")) {
			assertThat(ReadCypher.withoutBlankLines(text)).as(text).isEqualTo(text.replaceAll("\n\\s*\n", "\n"));
		}
	}

}

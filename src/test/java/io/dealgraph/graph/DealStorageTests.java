package io.dealgraph.graph;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The named Cypher parts of the graph model, pinned as text: no database. */
class DealStorageTests {

	@Test
	void aDealIsANodeBetweenItsPartiesReadFromTheSubjectsEnd() {
		Set<DealType> provision = EnumSet.of(DealType.PARTNERSHIP, DealType.SUPPLY);
		assertThat(DealStorage.pattern("o", End.FROM, "r", provision, "x:Organization"))
			.isEqualTo("(o)<-[:FROM]-(r:Partnership|Supply)-[:TO]->(x:Organization)");
		assertThat(DealStorage.pattern("o", End.TO, "r", provision, "x:Organization"))
			.isEqualTo("(o)<-[:TO]-(r:Partnership|Supply)-[:FROM]->(x:Organization)");
		assertThat(DealStorage.pattern("o", End.EITHER, "r", provision, "x:Organization"))
			.isEqualTo("(o)<-[:FROM|TO]-(r:Partnership|Supply)-[:FROM|TO]->(x:Organization)");
		assertThat(DealStorage.withParties("a", "r", Set.of(DealType.FINANCING), "b"))
			.isEqualTo("(a)<-[:FROM]-(r:Financing)-[:TO]->(b)");
		assertThat(DealStorage.partiesOf("a", "r", "b")).isEqualTo("(a)<-[:FROM]-(r)-[:TO]->(b)");
		assertThat(DealStorage.dealsAt("o", End.TO, "r", Set.of())).isEqualTo("(o)<-[:TO]-(r:Deal)");
		assertThat(DealStorage.dealsAt("o", End.EITHER, "r", provision))
			.isEqualTo("(o)<-[:FROM|TO]-(r:Partnership|Supply)");
		assertThat(DealStorage.byId("r", "$id")).isEqualTo("(r:Deal {id: $id})");
	}

	@Test
	void noTypesOrEveryTypeMeansEveryDeal() {
		assertThat(DealStorage.labels(Set.of())).isEqualTo("Deal")
			.isEqualTo(DealStorage.labels(EnumSet.allOf(DealType.class)));
		assertThat(DealStorage.labels(EnumSet.of(DealType.CONTROL, DealType.REGULATORY_ACTION)))
			.isEqualTo("RegulatoryAction|Control");
		assertThat(DealStorage.isOfType("r", Set.of())).isEqualTo("false");
		assertThat(DealStorage.isOfType("r", Set.of(DealType.SUPPLY))).isEqualTo("r:Supply");
	}

	@Test
	void aDealsTypeIsReadFromItsLabel() {
		assertThat(DealStorage.typeOf("r")).isEqualTo("CASE WHEN r:Partnership THEN 'PARTNERSHIP' "
				+ "WHEN r:Financing THEN 'FINANCING' WHEN r:Supply THEN 'SUPPLY' WHEN r:Acquisition THEN 'ACQUISITION' "
				+ "WHEN r:RegulatoryAction THEN 'REGULATORY_ACTION' WHEN r:Control THEN 'CONTROL' WHEN r:Stake THEN 'STAKE' WHEN r:Guarantee THEN 'GUARANTEE' END");
		for (DealType type : DealType.values()) {
			assertThat(type.label()).isEqualTo(type.typeName());
		}
	}

	@Test
	void aDealStandsOnADateWhenAnnouncedByThenAndNotEndedByThen() {
		assertThat(DealStorage.visible("d")).isEqualTo("d.retractedAt IS NULL");
		assertThat(DealStorage.standingOn("d", "$p1")).isEqualTo(
				"(d.retractedAt IS NULL AND d.announcedKey <= $p1 AND (d.endedKey IS NULL OR d.endedKey > $p1))");
	}

	@Test
	void everyStatementReturnsADealTheSameWay() {
		String type = DealStorage.typeOf("r");
		assertThat(DealStorage.projection("r", "a", "b"))
			.isEqualTo("r {.*, type: " + type + ", from: properties(a), to: properties(b)}");
		assertThat(DealStorage.projection("r")).isEqualTo("r {.*, type: " + type
				+ ", from: [(r)-[:FROM]->(rFrom) | properties(rFrom)][0], to: [(r)-[:TO]->(rTo) | properties(rTo)][0]}");
	}

	@Test
	void partialDatesSortBeforeTheDaysInsideThem() {
		assertThat(PartialDateKeys.sortKey("2024")).isEqualTo("2024-00-00");
		assertThat(PartialDateKeys.sortKey("2024-06")).isEqualTo("2024-06-00");
		assertThat(PartialDateKeys.sortKey("2024-06-01")).isEqualTo("2024-06-01");
		assertThat(PartialDateKeys.sortKey(null)).isNull();
		assertThat(PartialDateKeys.lastSortKey("2024")).isEqualTo("2024-99-99");
		assertThat(PartialDateKeys.sortKey("2024")).isLessThan(PartialDateKeys.sortKey("2024-01"))
			.isLessThan(PartialDateKeys.sortKey("2024-01-01"));
		assertThat(PartialDateKeys.sortKeyOrLastInCypher("on")).isEqualTo(
				"CASE size(on) WHEN 4 THEN on + '-00-00' WHEN 7 THEN on + '-00' ELSE coalesce(on, '9999-99-99') END");
	}

}

package io.dealgraph.graph;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The named Cypher parts of the graph model, pinned as text: no database. */
class DealStorageTests {

	@Test
	void aPatternPointsTheWayTheSubjectsEndSays() {
		Set<DealType> provision = EnumSet.of(DealType.PARTNERSHIP, DealType.SUPPLY);
		assertThat(DealStorage.pattern("o", End.FROM, "r", provision, "x:Organization"))
			.isEqualTo("(o)-[r:PARTNERSHIP|SUPPLY]->(x:Organization)");
		assertThat(DealStorage.pattern("o", End.TO, "r", provision, "x:Organization"))
			.isEqualTo("(o)<-[r:PARTNERSHIP|SUPPLY]-(x:Organization)");
		assertThat(DealStorage.pattern("o", End.EITHER, "r", provision, "x:Organization"))
			.isEqualTo("(o)-[r:PARTNERSHIP|SUPPLY]-(x:Organization)");
	}

	@Test
	void noTypesMeansEveryType() {
		assertThat(DealStorage.types(Set.of()))
			.isEqualTo("PARTNERSHIP|FINANCING|SUPPLY|ACQUISITION|REGULATORY_ACTION|CONTROL")
			.isEqualTo(DealStorage.allTypes());
	}

	@Test
	void aDealStandsOnADateWhenAnnouncedByThenAndNotEndedByThen() {
		assertThat(DealStorage.visible("d")).isEqualTo("d.retractedAt IS NULL");
		assertThat(DealStorage.standingOn("d", "$p1")).isEqualTo(
				"(d.retractedAt IS NULL AND d.announcedKey <= $p1 AND (d.endedKey IS NULL OR d.endedKey > $p1))");
	}

	@Test
	void everyStatementReturnsADealTheSameWay() {
		assertThat(DealStorage.projection("r", "a", "b"))
			.isEqualTo("r {.*, type: type(r), from: properties(a), to: properties(b)}");
		assertThat(DealStorage.projection("d"))
			.isEqualTo("d {.*, type: type(d), from: properties(startNode(d)), to: properties(endNode(d))}");
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

	@Test
	void aStatementIsBuiltOnlyWhenEverySlotIsFilled() {
		CypherText text = CypherText.of("MATCH (a)-[r:{{types}}]->(b) WHERE {{visible}} RETURN a {.*}");
		assertThat(text.with("types", "FINANCING").with("visible", DealStorage.visible("r")).build())
			.isEqualTo("MATCH (a)-[r:FINANCING]->(b) WHERE r.retractedAt IS NULL RETURN a {.*}");
		assertThatIllegalStateException().isThrownBy(() -> text.with("types", "FINANCING").build())
			.withMessageContaining("{{visible}}");
		assertThatIllegalArgumentException().isThrownBy(() -> text.with("typo", "x")).withMessageContaining("{{typo}}");
	}

}

package io.dealgraph.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How a statement's named slots are filled: no database. */
class CypherTextTests {

	private static final CypherText STATEMENT = CypherText
		.of("MATCH (a)-[r:{{types}}]->(b) WHERE {{visible}} RETURN a {.*}");

	@Test
	void aStatementIsBuiltOnlyWhenEverySlotIsFilled() {
		assertThat(STATEMENT.with("types", "FINANCING").with("visible", DealStorage.visible("r")).build())
			.isEqualTo("MATCH (a)-[r:FINANCING]->(b) WHERE r.retractedAt IS NULL RETURN a {.*}");
		assertThatIllegalStateException().isThrownBy(() -> STATEMENT.with("types", "FINANCING").build())
			.withMessageContaining("{{visible}}");
		assertThatIllegalArgumentException().isThrownBy(() -> STATEMENT.with("typo", "x"))
			.withMessageContaining("{{typo}}");
	}

	@Test
	void aSlotUsedTwiceIsFilledEverywhereAndOnlyOnce() {
		CypherText twice = CypherText.of("CALL ({{o}}) { MATCH ({{o}})--(x) RETURN x }");
		assertThat(twice.with("o", "o1").build()).isEqualTo("CALL (o1) { MATCH (o1)--(x) RETURN x }");
		assertThatIllegalArgumentException().isThrownBy(() -> twice.with("o", "o1").with("o", "o2"))
			.withMessageContaining("{{o}}");
	}

	@Test
	void fillingLeavesTheDeclaredStatementAsItWas() {
		CypherText filled = STATEMENT.with("types", "SUPPLY");
		assertThat(STATEMENT).hasToString("MATCH (a)-[r:{{types}}]->(b) WHERE {{visible}} RETURN a {.*}");
		assertThat(filled).hasToString("MATCH (a)-[r:SUPPLY]->(b) WHERE {{visible}} RETURN a {.*}");
	}

	@Test
	void aPartGoesInAsItIsWritten() {
		assertThat(CypherText.of("RETURN {{a}}, {{b}}").with("a", "'{{b}}'").with("b", "2").build())
			.isEqualTo("RETURN '{{b}}', 2");
		assertThat(CypherText.of("RETURN 1").build()).isEqualTo("RETURN 1");
	}

}

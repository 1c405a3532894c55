package io.dealgraph.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an entity was at a version of the log, read from its changes alone: the rule a
 * citable page's {@code ?version=} follows.
 */
class HistoryTests {

	private static final History CREATED_THEN_CORRECTED = new History("D-1",
			List.of(change(4, null, "{\"amount\":5}"), change(9, "{\"amount\":5}", "{\"amount\":7}")));

	@Test
	void beforeItsCreationTheEntityDidNotExist() {
		History.StateAt state = CREATED_THEN_CORRECTED.at(3);
		assertThat(state.fromLog()).isTrue();
		assertThat(state.existed()).isFalse();
	}

	@Test
	void betweenTwoChangesItIsWhatTheFirstLeft() {
		assertThat(CREATED_THEN_CORRECTED.at(4).json()).isEqualTo("{\"amount\":5}");
		assertThat(CREATED_THEN_CORRECTED.at(8).json()).isEqualTo("{\"amount\":5}");
		assertThat(CREATED_THEN_CORRECTED.at(8).by().sequence()).isEqualTo(4);
	}

	@Test
	void afterItsLastChangeItIsWhatThatChangeLeft() {
		assertThat(CREATED_THEN_CORRECTED.at(9).json()).isEqualTo("{\"amount\":7}");
		assertThat(CREATED_THEN_CORRECTED.at(1000).json()).isEqualTo("{\"amount\":7}");
	}

	@Test
	void anEntityTheSeedWroteIsWhatItsFirstChangeFoundBeforeIt() {
		History seeded = new History("E011", List.of(change(12, "{\"amount\":150}", "{\"amount\":160}")));
		History.StateAt before = seeded.at(11);
		assertThat(before.json()).isEqualTo("{\"amount\":150}");
		assertThat(before.by()).as("no change made that state").isNull();
	}

	@Test
	void anEntityNoChangeTouchedIsAsItIsNow() {
		History.StateAt state = new History("E001", List.of()).at(5);
		assertThat(state.fromLog()).isFalse();
		assertThat(state.existed()).isTrue();
	}

	private static Change change(long sequence, String before, String after) {
		return new Change("c-" + sequence, sequence, "2026-12-02T00:00:00Z", "editor", "updateDeal", "D-1", before,
				after);
	}

}

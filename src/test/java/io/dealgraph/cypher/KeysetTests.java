package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.dealgraph.paging.Cursor;
import io.dealgraph.paging.SortKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The Cypher a keyset writes, pinned without a database: ordered and continued on the
 * keys themselves, so that a required leading key can be read from its range index in
 * order (IndexOrderTests shows the plans at 1M organizations), and nullable keys sorting
 * last through a stand-in value.
 */
class KeysetTests {

	private static final Keyset BY_NAME = new Keyset(List.of(new SortKey("name", "o.name", false, false, true)), "o.id",
			false);

	private static final Keyset LATEST_FIRST = new Keyset(
			List.of(new SortKey("announced", "r.announcedKey", false, true, false)), "r.id", true);

	private final List<Object> values = new ArrayList<>();

	private final Function<Object, String> parameter = (value) -> {
		this.values.add(value);
		return "$p" + this.values.size();
	};

	@Test
	void aRequiredKeyIsOrderedOnAsItIsAndBoundOnTheFirstPage() {
		assertThat(BY_NAME.orderBy(this.parameter)).isEqualTo("o.name, o.id");
		assertThat(BY_NAME.after(null, this.parameter)).isEqualTo("o.name IS NOT NULL");
		assertThat(BY_NAME.sortValues(this.parameter)).isEqualTo("[o.name, o.id]");
	}

	@Test
	void aLaterPageSeeksFromTheLeadingKeyWithNoOrAtTheTop() {
		String after = Cursor.of("name,id", "Hut 8", "hut-8").encode();
		assertThat(BY_NAME.after(after, this.parameter))
			.isEqualTo("(o.name >= $p1 AND NOT (o.name = $p1 AND NOT ((o.id > $p2))))");
		assertThat(this.values).containsExactly("Hut 8", "hut-8");
	}

	@Test
	void aNullableKeySortsNullsLastThroughAStandIn() {
		assertThat(LATEST_FIRST.orderBy(this.parameter)).isEqualTo("coalesce(r.announcedKey, $p1) DESC, r.id DESC");
		assertThat(LATEST_FIRST.after(null, this.parameter)).isEqualTo("true");
		String after = Cursor.of("announced-desc,id-desc", "2024-06-99", "E011").encode();
		assertThat(LATEST_FIRST.after(after, this.parameter)).isEqualTo(
				"((coalesce(r.announcedKey, $p3) < $p2) OR (coalesce(r.announcedKey, $p3) = $p2 AND r.id < $p4))");
		assertThat(this.values).containsExactly("", "2024-06-99", "", "E011");
	}

	@Test
	void backwardReadsTheSameOrderingInReverseFromTheSameCursors() {
		Keyset byNameBackward = BY_NAME.backward();
		assertThat(byNameBackward.orderBy(this.parameter)).isEqualTo("o.name DESC, o.id DESC");
		String before = Cursor.of("name,id", "Hut 8", "hut-8").encode();
		assertThat(byNameBackward.after(before, this.parameter))
			.isEqualTo("(o.name <= $p1 AND NOT (o.name = $p1 AND NOT ((o.id < $p2))))");
		assertThat(byNameBackward.backward().orderBy(this.parameter)).isEqualTo(BY_NAME.orderBy(this.parameter));
	}

	@Test
	void backwardKeepsNullKeysWhereTheForwardOrderPutsThem() {
		Keyset earliestFirst = LATEST_FIRST.backward();
		// The stand-in for null is the forward order's last value, now read first.
		assertThat(earliestFirst.orderBy(this.parameter)).isEqualTo("coalesce(r.announcedKey, $p1), r.id");
		assertThat(this.values).containsExactly("");
		String before = Cursor.of("announced-desc,id-desc", "2024-06-99", "E011").encode();
		assertThat(earliestFirst.after(before, this.parameter)).isEqualTo(
				"((coalesce(r.announcedKey, $p3) > $p2) OR (coalesce(r.announcedKey, $p3) = $p2 AND r.id > $p4))");
	}

	@Test
	void aCursorOfAnotherOrderingIsRefused() {
		String byName = Cursor.of("name,id", "Hut 8", "hut-8").encode();
		assertThat(catchThrowable(() -> LATEST_FIRST.after(byName, this.parameter))).hasMessageContaining("cursor");
	}

}

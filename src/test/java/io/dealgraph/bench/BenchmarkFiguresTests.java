package io.dealgraph.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dealgraph.bench.Benchmark.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code -Dbench.rounds} reports an operation timed several times: each figure's
 * median, so that one round slowed by the machine moves no figure printed.
 */
class BenchmarkFiguresTests {

	@Test
	void oneSlowRoundOfThreeMovesNoFigure() {
		var fast = new Figures(200, 10, 30);
		var alsoFast = new Figures(190, 11, 28);
		var slowed = new Figures(90, 25, 80);

		assertThat(Figures.median(List.of(fast, slowed, alsoFast))).isEqualTo(new Figures(190, 11, 30));
	}

	@Test
	void eachFigureIsTheMedianOfItsOwnColumn() {
		// The round with the best p50 is not the round with the best throughput.
		var rounds = List.of(new Figures(100, 12, 40), new Figures(300, 14, 20), new Figures(200, 10, 60));

		assertThat(Figures.median(rounds)).isEqualTo(new Figures(200, 12, 40));
	}

	@Test
	void anEvenNumberOfRoundsAveragesTheMiddleTwo() {
		var rounds = List.of(new Figures(100, 10, 20), new Figures(300, 20, 40));

		assertThat(Figures.median(rounds)).isEqualTo(new Figures(200, 15, 30));
	}

	@Test
	void oneRoundIsItsOwnMedian() {
		var only = new Figures(123, 4.5, 6.7);

		assertThat(Figures.median(List.of(only))).isEqualTo(only);
	}

}

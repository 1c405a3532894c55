package io.dealgraph.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartialDatesTests {

	@Test
	void aYearAMonthOrARealDayIsAPartialDate() {
		assertThat(List.of("2024", "2024-06", "2024-06-24", "2024-02-29", "0000", "9999-12-31"))
			.allSatisfy((date) -> assertThat(PartialDates.isValid(date)).as(date).isTrue());
	}

	@Test
	void aDayThatNeverWasOrAnotherShapeIsNot() {
		assertThat(List.of("", "24", "2024-6", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-06-00",
				"2024/06/24", "2024-06-24T00:00", " 2024", "２０２４", "2024-1a", "Q2 2024"))
			.allSatisfy((date) -> assertThat(PartialDates.isValid(date)).as(date).isFalse());
	}

	/**
	 * The same answers as the definition read with a pattern and java.time's strict
	 * parsers, on every month of two years and every day number of two of them.
	 */
	@Test
	void itAnswersAsThePatternAndTheParsersDo() {
		List<String> texts = new ArrayList<>();
		for (String year : List.of("2023", "2024", "1900", "2000")) {
			texts.add(year);
			for (int month = 0; month <= 13; month++) {
				String yearMonth = year + "-" + String.format("%02d", month);
				texts.add(yearMonth);
				for (int day = 0; day <= 32; day++) {
					texts.add(yearMonth + "-" + String.format("%02d", day));
				}
			}
		}
		assertThat(texts)
			.allSatisfy((text) -> assertThat(PartialDates.isValid(text)).as(text).isEqualTo(byPatternAndParsers(text)));
	}

	private static boolean byPatternAndParsers(String text) {
		if (!Pattern.matches("\\d{4}(-\\d{2}(-\\d{2})?)?", text)) {
			return false;
		}
		try {
			switch (text.length()) {
				case 7 -> YearMonth.parse(text);
				case 10 -> LocalDate.parse(text);
				default -> {
				}
			}
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}

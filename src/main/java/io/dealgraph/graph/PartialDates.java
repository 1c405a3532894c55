package io.dealgraph.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Dates exactly as precise as their source: {@code YYYY}, {@code YYYY-MM} or
 * {@code YYYY-MM-DD}. A partial date is never padded to a day the source did not give.
 */
public final class PartialDates {

	private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	private PartialDates() {
	}

	/** True when {@code text} is a partial date naming a real year, month or day. */
	public static boolean isValid(String text) {
		if (!SHAPE.matcher(text).matches()) {
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

	public static String describeInvalid(String text) {
		return "'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD";
	}

}

package io.dealgraph.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.PartialDates;

/**
 * One record of a CSV file: a seed file or an import. Every accessor validates and, on
 * bad input, names the file, the line and the column. An empty cell means unknown and
 * reads as null. Cells a spreadsheet has reformatted (thousands separators, a date turned
 * into {@code Jun-24}) are refused with what to write instead, never guessed back.
 */
public final class CsvRow {

	private final String fileName;

	private final int line;

	private final Map<String, Integer> columns;

	private final List<String> values;

	/** Whether numbers are written with a decimal comma, as in a {@code ;} file. */
	private final boolean decimalComma;

	/** A plain decimal number, with a point. */
	private static final Pattern DECIMAL_POINT = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

	/** A plain decimal number, with a comma. */
	private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+(,\\d+)?|,\\d+");

	/**
	 * Dates as spreadsheets show them once they have taken a cell for a date:
	 * {@code Jun-24}, {@code 24-Jun}, {@code 6/1/2024}, {@code 01.06.2024}.
	 */
	private static final Pattern SPREADSHEET_DATE = Pattern
		.compile("(?i)[a-z]{3}-\\d{2,4}|\\d{1,2}-[a-z]{3}(-\\d{2,4})?|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}");

	CsvRow(String fileName, int line, Map<String, Integer> columns, List<String> values, boolean decimalComma) {
		this.fileName = fileName;
		this.line = line;
		this.columns = columns;
		this.values = values;
		this.decimalComma = decimalComma;
	}

	public int line() {
		return this.line;
	}

	public @Nullable String text(String column) {
		Integer index = this.columns.get(column);
		if (index == null) {
			return null;
		}
		String value = unprotected(this.values.get(index).strip());
		return value.isEmpty() ? null : value;
	}

	/**
	 * The text without the apostrophe that keeps a spreadsheet from reading it as a
	 * formula ({@code '=...}, {@code '-...}), which the export writes and spreadsheets
	 * hide.
	 */
	private static String unprotected(String value) {
		return (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0)
				? value.substring(1) : value;
	}

	public String required(String column) {
		String value = text(column);
		if (value == null) {
			throw error(column + " is required");
		}
		return value;
	}

	public <E extends Enum<E>> @Nullable E enumValue(String column, Class<E> type) {
		String value = text(column);
		return (value != null) ? parseEnum(column, value, type) : null;
	}

	public <E extends Enum<E>> E requiredEnum(String column, Class<E> type) {
		return parseEnum(column, required(column), type);
	}

	/** {@code value}, one of the lines of {@code column}, read as an enum value. */
	public <E extends Enum<E>> E enumValue(String column, String value, Class<E> type) {
		return parseEnum(column, value, type);
	}

	public <E extends Enum<E>> List<E> enumList(String column, Class<E> type) {
		return list(column).stream().map((value) -> parseEnum(column, value, type)).toList();
	}

	/**
	 * The lines of a cell, each stripped, an empty line kept as an empty string: a cell
	 * that holds one value per line (Alt+Enter in a spreadsheet), aligned with the lines
	 * of its neighbours. An empty cell has no lines.
	 */
	public List<String> lines(String column) {
		Integer index = this.columns.get(column);
		if (index == null || this.values.get(index).isBlank()) {
			return List.of();
		}
		return Arrays.stream(this.values.get(index).split("\\r?\\n", -1))
			.map((line) -> unprotected(line.strip()))
			.toList();
	}

	public List<String> list(String column) {
		String value = text(column);
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split("\\|")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * A number of 0 or more: digits with a decimal point, or a decimal comma in a file
	 * delimited by {@code ;}. Thousands separators are refused, since a spreadsheet adds
	 * them and {@code 1,500} could be either.
	 */
	public @Nullable Double number(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		String digits = value.startsWith("-") ? value.substring(1) : value;
		Pattern decimal = this.decimalComma ? DECIMAL_COMMA : DECIMAL_POINT;
		if (digits.matches("[\\d.,]+") && !decimal.matcher(digits).matches()) {
			throw error(column + " '" + value + "' has thousands separators or a decimal "
					+ (this.decimalComma ? "point" : "comma")
					+ ", as a spreadsheet formats numbers: write the digits alone, with a decimal "
					+ (this.decimalComma ? "comma in a file delimited by ;" : "point"));
		}
		try {
			double number = Double.parseDouble(this.decimalComma ? value.replace(',', '.') : value);
			if (!Double.isFinite(number) || number < 0) {
				throw error(column + " must be a number of 0 or more, not '" + value + "'");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw error(column + " must be a number, not '" + value + "'");
		}
	}

	public boolean bool(String column) {
		String value = text(column);
		if (value == null || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw error(column + " must be true or false, not '" + value + "'");
	}

	public @Nullable String partialDate(String column) {
		return partialDate(column, text(column));
	}

	/** {@code value}, one of the lines of {@code column}, read as a partial date. */
	public @Nullable String partialDate(String column, @Nullable String value) {
		if (value != null && !PartialDates.isValid(value)) {
			if (SPREADSHEET_DATE.matcher(value).matches()) {
				throw error(column + " '" + value + "' looks like a date a spreadsheet reformatted, which may have "
						+ "lost its year, month or precision: write it as the source gives it, YYYY, YYYY-MM or "
						+ "YYYY-MM-DD, in a column formatted as text");
			}
			throw error(column + ": " + PartialDates.describeInvalid(value));
		}
		return value;
	}

	public DataFileException error(String reason) {
		return new DataFileException(this.fileName, this.line, reason);
	}

	private <E extends Enum<E>> E parseEnum(String column, String value, Class<E> type) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw error(column + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

}

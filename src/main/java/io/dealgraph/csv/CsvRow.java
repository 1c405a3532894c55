package io.dealgraph.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.PartialDates;

/**
 * One record of a seed file. Every accessor validates and, on bad input, names the file,
 * the line and the column. An empty cell means unknown and reads as null.
 */
public final class CsvRow {

	private final String fileName;

	private final int line;

	private final Map<String, Integer> columns;

	private final List<String> values;

	CsvRow(String fileName, int line, Map<String, Integer> columns, List<String> values) {
		this.fileName = fileName;
		this.line = line;
		this.columns = columns;
		this.values = values;
	}

	public int line() {
		return this.line;
	}

	public @Nullable String text(String column) {
		Integer index = this.columns.get(column);
		if (index == null) {
			return null;
		}
		String value = this.values.get(index).strip();
		return value.isEmpty() ? null : value;
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

	public <E extends Enum<E>> List<E> enumList(String column, Class<E> type) {
		return list(column).stream().map((value) -> parseEnum(column, value, type)).toList();
	}

	public List<String> list(String column) {
		String value = text(column);
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split("\\|")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	public @Nullable Double number(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
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
		String value = text(column);
		if (value != null && !PartialDates.isValid(value)) {
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

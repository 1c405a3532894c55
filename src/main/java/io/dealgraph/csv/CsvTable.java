package io.dealgraph.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole, as spreadsheets write it: a header row, then records that know
 * the line they start on, so a malformed value can be reported as
 * {@code deals.csv line 17}. Apache Commons CSV reads the records (RFC 4180: quoted cells
 * with commas, quotes and line breaks; CRLF or LF). What Excel adds is undone first: a
 * byte-order mark before the header (Excel's "CSV UTF-8"), and {@code ;} as the
 * delimiter, as Excel saves CSV where the comma is the decimal separator; such a file's
 * numbers are read with decimal commas ({@link CsvRow#number}).
 */
public final class CsvTable {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final List<CsvRow> rows;

	private CsvTable(List<CsvRow> rows) {
		this.rows = rows;
	}

	public List<CsvRow> rows() {
		return this.rows;
	}

	/**
	 * Parses {@code reader}, requiring every column in {@code requiredColumns}.
	 * @throws DataFileException on a broken quote, a row of the wrong width, or a missing
	 * column
	 */
	public static CsvTable parse(String fileName, Reader reader, List<String> requiredColumns) throws IOException {
		String text = withoutByteOrderMark(readWhole(reader));
		char delimiter = delimiter(text);
		Lines lines = new Lines(text);
		List<CSVRecord> records = records(fileName, text, delimiter);
		if (records.isEmpty()) {
			throw new DataFileException(fileName, 1, "the file is empty; it needs at least a header row");
		}
		List<String> header = records.getFirst().toList();
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip(), i);
		}
		for (String required : requiredColumns) {
			if (!columns.containsKey(required)) {
				throw new DataFileException(fileName, 1,
						"the header has no column '" + required + "'"
								+ ((header.size() == 1 && header.getFirst().contains("\t"))
										? " (the file is delimited by tabs; save it as CSV, delimited by , or ;)"
										: ""));
			}
		}
		List<CsvRow> rows = new ArrayList<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			int line = lines.of(record.getCharacterPosition());
			List<String> values = record.toList();
			if (values.size() == 1 && values.getFirst().isBlank()) {
				continue;
			}
			if (values.size() != header.size()) {
				throw new DataFileException(fileName, line,
						"expected " + header.size() + " fields as in the header, found " + values.size());
			}
			rows.add(new CsvRow(fileName, line, columns, values, delimiter == ';'));
		}
		return new CsvTable(rows);
	}

	private static String readWhole(Reader reader) throws IOException {
		var text = new StringWriter();
		reader.transferTo(text);
		return text.toString();
	}

	private static String withoutByteOrderMark(String text) {
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

	/**
	 * {@code ;} when the header holds more semicolons than commas, as a file saved by a
	 * spreadsheet set to a decimal comma does; {@code ,} otherwise.
	 */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String header = (end < 0) ? text : text.substring(0, end);
		long semicolons = header.chars().filter((c) -> c == ';').count();
		long commas = header.chars().filter((c) -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

	private static List<CSVRecord> records(String fileName, String text, char delimiter) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
		List<CSVRecord> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Iterator<CSVRecord> reading = parser.iterator();
			while (true) {
				// The next record starts on the line after the ones read so far.
				long linesRead = parser.getCurrentLineNumber();
				try {
					if (!reading.hasNext()) {
						return records;
					}
					records.add(reading.next());
				}
				catch (UncheckedIOException ex) {
					throw broken(fileName, ex.getCause(), (int) linesRead + 1);
				}
			}
		}
	}

	/** A record Commons CSV could not read, said in this file's words. */
	private static DataFileException broken(String fileName, IOException ex, int line) {
		String message = String.valueOf(ex.getMessage());
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("eof reached before encapsulated token finished")) {
			return new DataFileException(fileName, line, "a quoted field is never closed");
		}
		if (lower.contains("between encapsulated token and delimiter")) {
			return new DataFileException(fileName, line, "text after a closing quote");
		}
		return new DataFileException(fileName, line, "not readable as CSV: " + message);
	}

	/** The line of each character of the file, counted from 1. */
	private static final class Lines {

		private final int[] starts;

		private final String text;

		Lines(String text) {
			this.text = text;
			List<Integer> starts = new ArrayList<>(List.of(0));
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts.add(i + 1);
				}
			}
			this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
		}

		/**
		 * The line of the record at {@code position}: Commons CSV places a record after
		 * skipped empty lines at their start.
		 */
		int of(long position) {
			int at = (int) position;
			while (at < this.text.length() && (this.text.charAt(at) == '\n' || this.text.charAt(at) == '\r')) {
				at++;
			}
			int found = Arrays.binarySearch(this.starts, at);
			return (found >= 0) ? found + 1 : -found - 1;
		}

	}

}

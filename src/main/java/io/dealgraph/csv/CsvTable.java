package io.dealgraph.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 4180 CSV file read whole: a header row, then records that know the line they
 * start on, so a malformed value can be reported as {@code deals.csv line 17}.
 */
public final class CsvTable {

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
		List<ParsedRecord> records = records(fileName, reader);
		if (records.isEmpty()) {
			throw new DataFileException(fileName, 1, "the file is empty; it needs at least a header row");
		}
		List<String> header = records.getFirst().values();
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip(), i);
		}
		for (String required : requiredColumns) {
			if (!columns.containsKey(required)) {
				throw new DataFileException(fileName, 1, "the header has no column '" + required + "'");
			}
		}
		List<CsvRow> rows = new ArrayList<>();
		for (ParsedRecord record : records.subList(1, records.size())) {
			if (record.values().size() == 1 && record.values().getFirst().isBlank()) {
				continue;
			}
			if (record.values().size() != header.size()) {
				throw new DataFileException(fileName, record.line(),
						"expected " + header.size() + " fields as in the header, found " + record.values().size());
			}
			rows.add(new CsvRow(fileName, record.line(), columns, record.values()));
		}
		return new CsvTable(rows);
	}

	private record ParsedRecord(int line, List<String> values) {
	}

	private static List<ParsedRecord> records(String fileName, Reader reader) throws IOException {
		List<ParsedRecord> records = new ArrayList<>();
		List<String> values = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldWasQuoted = false;
		int line = 1;
		int recordLine = 1;
		int c;
		while ((c = reader.read()) != -1) {
			char ch = (char) c;
			if (quoted) {
				if (ch == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							reader.reset();
						}
					}
				}
				else {
					if (ch == '\n') {
						line++;
					}
					field.append(ch);
				}
				continue;
			}
			switch (ch) {
				case '"' -> {
					if (!field.isEmpty() || fieldWasQuoted) {
						throw new DataFileException(fileName, line, "a quote inside an unquoted field");
					}
					quoted = true;
					fieldWasQuoted = true;
				}
				case ',' -> {
					values.add(field.toString());
					field.setLength(0);
					fieldWasQuoted = false;
				}
				case '\r' -> {
				}
				case '\n' -> {
					values.add(field.toString());
					records.add(new ParsedRecord(recordLine, List.copyOf(values)));
					values.clear();
					field.setLength(0);
					fieldWasQuoted = false;
					line++;
					recordLine = line;
				}
				default -> {
					if (fieldWasQuoted) {
						throw new DataFileException(fileName, line, "text after a closing quote");
					}
					field.append(ch);
				}
			}
		}
		if (quoted) {
			throw new DataFileException(fileName, recordLine, "a quoted field is never closed");
		}
		if (!field.isEmpty() || !values.isEmpty()) {
			values.add(field.toString());
			records.add(new ParsedRecord(recordLine, List.copyOf(values)));
		}
		return records;
	}

}

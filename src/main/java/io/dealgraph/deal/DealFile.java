package io.dealgraph.deal;

import java.util.List;
import java.util.stream.Stream;

/**
 * A deal as a row of a CSV file: the columns the file import reads and the CSV export
 * writes, in one list, so that an exported file, edited in a spreadsheet, imports again
 * as updates of the same deals. A deal's several sources go one per line of each source
 * cell (Alt+Enter in a spreadsheet), the lines aligned across the source columns.
 */
public final class DealFile {

	/** The columns of one source; each holds one line per source. */
	public static final List<String> SOURCE_COLUMNS = List.of("source_url", "source_title", "source_publisher",
			"source_published_on", "source_retrieved_on", "source_archive_url", "source_quote", "source_confidence",
			"source_note");

	/** What a row writes, in the export's order: the import reads each of these. */
	public static final List<String> COLUMNS = Stream
		.concat(Stream.of("id", "type", "from", "to", "announced_on", "amount", "currency", "amount_qualifier",
				"amount_period", "capacity_mw", "capacity_basis", "capacity_qualifier", "term_years", "instrument",
				"stake_percent", "role", "scope", "round", "status", "status_on", "description"),
				SOURCE_COLUMNS.stream())
		.toList();

	/**
	 * What the export adds for the person reading the file: the parties' names and kinds
	 * and the deal's best confidence. Read from the graph, never written: the import
	 * ignores them.
	 */
	public static final List<String> CONTEXT_COLUMNS = List.of("from_name", "from_kind", "to_name", "to_kind",
			"confidence");

	private DealFile() {
	}

}

package io.dealgraph.editing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.HashMap;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dealgraph.csv.CsvRow;
import io.dealgraph.csv.CsvTable;
import io.dealgraph.csv.DataFileException;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.DealFile;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.GlobalId;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.MoneyInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.rules.Violation;
import io.dealgraph.source.Confidence;
import io.dealgraph.neo4j.Workload;
import io.dealgraph.read.ResponseReads.AfterWrite;
import org.springframework.stereotype.Component;

/**
 * Imports a CSV or JSON file of deals with the editors' rules: rows that break a rule are
 * rejected with their reasons, the rest are written in batches of {@link #BATCH} rows,
 * each batch all or nothing.
 */
@Component
public class DealFileImport {

	static final int BATCH = 500;

	/**
	 * The columns of a plain file, one source per row; every column the import reads is
	 * in {@link DealFile#COLUMNS}, and any of them but {@code type}, {@code from},
	 * {@code to}, {@code status} and {@code source_confidence} may be left out.
	 */
	static final List<String> CSV_COLUMNS = List.of("id", "type", "from", "to", "announced_on", "amount", "currency",
			"amount_qualifier", "amount_period", "capacity_mw", "term_years", "instrument", "stake_percent", "status",
			"status_on", "description", "source_url", "source_title", "source_publisher", "source_confidence",
			"source_note");

	private final DealEditor editor;

	private final JsonMapper json;

	DealFileImport(DealEditor editor, JsonMapper json) {
		this.editor = editor;
		this.json = json;
	}

	/** What an import did. */
	public record Summary(int read, int created, int updated, List<Rejection> rejected) {

		@Override
		public String toString() {
			return "Rows read: " + this.read + ", created: " + this.created + ", updated: " + this.updated
					+ ", rejected: " + this.rejected.size();
		}

	}

	/** A row left out, with where it is and why. */
	public record Rejection(int line, String reason) {
	}

	private record Parsed(int line, DealEditor.@Nullable Row row, @Nullable String problem) {
	}

	/**
	 * Imports {@code file}, drawing a progress bar on {@code progress} when the file
	 * spans several batches.
	 */
	public Summary run(Path file, String by, PrintStream progress) throws IOException {
		List<Parsed> parsed = file.toString().toLowerCase().endsWith(".json") ? json(file) : csv(file);
		List<Rejection> rejected = new ArrayList<>();
		List<Parsed> good = new ArrayList<>();
		for (Parsed p : parsed) {
			if (p.problem() != null) {
				rejected.add(new Rejection(p.line(), p.problem()));
			}
			else {
				good.add(p);
			}
		}
		int created = 0;
		int updated = 0;
		int done = 0;
		boolean bar = parsed.size() > BATCH;
		for (int start = 0; start < good.size(); start += BATCH) {
			List<Parsed> batch = new ArrayList<>(good.subList(start, Math.min(good.size(), start + BATCH)));
			int base = done;
			DealEditor.Written written = writeRejectingBadRows(batch, by, rejected,
					(n) -> drawBar(bar, progress, base + n, good.size()));
			created += written.created();
			updated += written.updated();
			done += batch.size();
			drawBar(bar, progress, done, good.size());
		}
		if (bar) {
			progress.println();
		}
		rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new Summary(parsed.size(), created, updated, rejected);
	}

	/**
	 * Writes a batch; its rows that break a rule are left out and added to
	 * {@code rejected} with their file lines and every rule they break.
	 */
	private DealEditor.Written writeRejectingBadRows(List<Parsed> batch, String by, List<Rejection> rejected,
			IntConsumer progress) {
		DealEditor.Written written = this.editor.importDeals(batch.stream().map(Parsed::row).toList(), null, by,
				"import", "rows", Workload.BULK, DealEditor.BadRows.LEAVE_OUT, progress, AfterWrite.nothing());
		written.leftOut()
			.forEach((index, violations) -> rejected.add(new Rejection(batch.get(index).line(),
					String.join("; ", violations.stream().map(Violation::toString).toList()))));
		return written;
	}

	private List<Parsed> csv(Path file) throws IOException {
		CsvTable table;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			table = CsvTable.parse(file.getFileName().toString(), reader,
					List.of("type", "from", "to", "status", "source_confidence"));
		}
		List<Parsed> rows = new ArrayList<>();
		for (CsvRow row : table.rows()) {
			try {
				Double amount = row.number("amount");
				MoneyInput money = (amount == null) ? null
						: new MoneyInput(amount, row.required("currency"),
								row.enumValue("amount_qualifier", AmountQualifier.class),
								row.enumValue("amount_period", AmountPeriod.class));
				var input = new DealInput(row.requiredEnum("type", DealType.class),
						key(Interface.Organization, "from", row.required("from")),
						key(Interface.Organization, "to", row.required("to")), row.partialDate("announced_on"), money,
						row.number("capacity_mw"), row.enumValue("capacity_basis", CapacityBasis.class),
						row.enumValue("capacity_qualifier", CapacityQualifier.class), row.number("term_years"),
						row.enumValue("instrument", FinancingInstrument.class), row.number("stake_percent"),
						row.enumValue("role", FinancingRole.class), row.enumValue("scope", AcquisitionScope.class),
						row.text("round"), row.requiredEnum("status", DealStatus.class), row.partialDate("status_on"),
						row.text("description"), sources(row));
				rows.add(new Parsed(row.line(), new DealEditor.Row(key(Interface.Deal, "id", row.text("id")), input),
						null));
			}
			catch (DataFileException ex) {
				rows.add(new Parsed(row.line(), null, ex.getMessage().replaceFirst("^.* line \\d+: ", "")));
			}
			catch (WrongId ex) {
				rows.add(new Parsed(row.line(), null, ex.getMessage()));
			}
		}
		return rows;
	}

	/**
	 * The row's sources: one per line of the source cells (Alt+Enter in a spreadsheet, as
	 * the export writes a deal with several), the lines of every source column aligned.
	 */
	private static List<SourceInput> sources(CsvRow row) {
		List<String> confidences = row.lines("source_confidence");
		if (confidences.isEmpty()) {
			throw row.error("source_confidence is required");
		}
		Map<String, List<String>> lines = new HashMap<>();
		for (String column : DealFile.SOURCE_COLUMNS) {
			List<String> values = row.lines(column);
			if (!values.isEmpty() && values.size() != confidences.size()) {
				throw row.error(column + " holds " + values.size() + " lines and source_confidence "
						+ confidences.size() + ": give one line per source in every source column");
			}
			lines.put(column, values);
		}
		List<SourceInput> sources = new ArrayList<>();
		for (int i = 0; i < confidences.size(); i++) {
			int line = i;
			Function<String, @Nullable String> cell = (column) -> {
				List<String> values = lines.get(column);
				return (values.isEmpty() || values.get(line).isEmpty()) ? null : values.get(line);
			};
			sources.add(new SourceInput(cell.apply("source_url"), cell.apply("source_title"),
					cell.apply("source_publisher"),
					row.partialDate("source_published_on", cell.apply("source_published_on")),
					row.partialDate("source_retrieved_on", cell.apply("source_retrieved_on")),
					cell.apply("source_archive_url"), cell.apply("source_quote"),
					row.enumValue("source_confidence", confidences.get(i), Confidence.class),
					cell.apply("source_note")));
		}
		return sources;
	}

	private List<Parsed> json(Path file) throws IOException {
		JsonNode root;
		try {
			root = this.json.readTree(file.toFile());
		}
		catch (JacksonException ex) {
			throw new DataFileException(file.getFileName() + ": not valid JSON: " + ex.getOriginalMessage());
		}
		if (!root.isArray()) {
			throw new DataFileException(file.getFileName() + ": expected an array of deals");
		}
		List<Parsed> rows = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode node = root.get(i);
			int number = i + 1;
			try {
				String id = key(Interface.Deal, "id", node.hasNonNull("id") ? node.get("id").asString() : null);
				ObjectNode input = ((ObjectNode) node).deepCopy();
				input.remove("id");
				for (String party : List.of("from", "to")) {
					if (input.hasNonNull(party) && input.get(party).isString()) {
						input.put(party, key(Interface.Organization, party, input.get(party).asString()));
					}
				}
				rows.add(new Parsed(number, new DealEditor.Row(id, this.json.treeToValue(input, DealInput.class)),
						null));
			}
			catch (JacksonException | ClassCastException ex) {
				rows.add(new Parsed(number, null, "not a deal: " + ((ex instanceof JacksonException jackson)
						? jackson.getOriginalMessage() : "expected an object")));
			}
			catch (WrongId ex) {
				rows.add(new Parsed(number, null, ex.getMessage()));
			}
		}
		return rows;
	}

	/**
	 * The key an id column names, in either form, as the API reads ids: a global id of
	 * another interface rejects the row.
	 */
	private static @Nullable String key(Interface expected, String column, @Nullable String id) {
		if (id == null) {
			return null;
		}
		String key = GlobalId.keyOf(expected, id);
		if (key == null) {
			throw new WrongId("'" + column + "' takes " + expected + " ids: a key, or a global id " + expected
					+ ":<key>; '" + id + "' is neither");
		}
		return key;
	}

	/** A row whose id column names another kind of thing. */
	private static final class WrongId extends RuntimeException {

		WrongId(String message) {
			super(message);
		}

	}

	private static void drawBar(boolean bar, PrintStream out, int done, int total) {
		if (!bar) {
			return;
		}
		int width = 40;
		int filled = (total == 0) ? width : (int) ((long) done * width / total);
		out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " rows");
		out.flush();
	}

}

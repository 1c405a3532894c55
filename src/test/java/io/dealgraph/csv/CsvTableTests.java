package io.dealgraph.csv;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.DealType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a CSV file as the seed and the file import do, without Spring or a database:
 * what a spreadsheet writes is read back cell for cell, and a broken file is refused with
 * the file, the line and what is wrong.
 */
class CsvTableTests {

	@Test
	void quotedCellsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
		CsvTable table = parse("""
				id,name,description\r
				E001,"Hut 8, Corp.","He said ""yes"".
				Then it closed."\r
				E002,Core Scientific,\r
				""", "id");
		assertThat(table.rows()).hasSize(2);
		CsvRow first = table.rows().getFirst();
		assertThat(first.text("name")).isEqualTo("Hut 8, Corp.");
		assertThat(first.text("description")).isEqualTo("He said \"yes\".\nThen it closed.");
		// The second record starts on line 4: the first one's quoted line break counts.
		assertThat(table.rows().get(1).line()).isEqualTo(4);
	}

	@Test
	void anEmptyCellIsUnknownAndBlankLinesAreSkipped() throws IOException {
		CsvTable table = parse("id,announced_on,aliases\nE001,, \n\nE002,2024-06,Hut8|Hut 8 Corp.\n", "id");
		assertThat(table.rows()).hasSize(2);
		assertThat(table.rows().getFirst().text("announced_on")).isNull();
		assertThat(table.rows().getFirst().list("aliases")).isEmpty();
		assertThat(table.rows().get(1).partialDate("announced_on")).isEqualTo("2024-06");
		assertThat(table.rows().get(1).list("aliases")).containsExactly("Hut8", "Hut 8 Corp.");
	}

	@Test
	void anEnumCellNamesTheValuesItMayTake() throws IOException {
		CsvRow row = parse("id,type\nE001,LOAN\n", "id").rows().getFirst();
		assertThatThrownBy(() -> row.requiredEnum("type", DealType.class))
			.hasMessageStartingWith("deals.csv line 2: type 'LOAN' is not one of [PARTNERSHIP");
	}

	@Test
	void badNumbersBooleansAndDatesNameTheirColumn() throws IOException {
		CsvRow row = parse("id,amount,undisclosed,announced_on\nE001,-5,maybe,2024-13\n", "id").rows().getFirst();
		assertThatThrownBy(() -> row.number("amount"))
			.hasMessage("deals.csv line 2: amount must be a number of 0 or more, not '-5'");
		assertThatThrownBy(() -> row.bool("undisclosed"))
			.hasMessage("deals.csv line 2: undisclosed must be true or false, not 'maybe'");
		assertThatThrownBy(() -> row.partialDate("announced_on"))
			.hasMessageStartingWith("deals.csv line 2: announced_on: ");
		assertThatThrownBy(() -> row.required("missing")).hasMessage("deals.csv line 2: missing is required");
	}

	@Test
	void aBrokenFileIsRefusedWithItsLine() {
		assertThatThrownBy(() -> parse("", "id"))
			.hasMessage("deals.csv line 1: the file is empty; it needs at least a header row");
		assertThatThrownBy(() -> parse("name\nHut 8\n", "id"))
			.hasMessage("deals.csv line 1: the header has no column 'id'");
		assertThatThrownBy(() -> parse("id,name\nE001\n", "id"))
			.hasMessage("deals.csv line 2: expected 2 fields as in the header, found 1");
		assertThatThrownBy(() -> parse("id,name\nE001,\"Hut 8\n", "id"))
			.hasMessage("deals.csv line 2: a quoted field is never closed");
		assertThatThrownBy(() -> parse("id,name\nE001,\"Hut\" 8\n", "id"))
			.hasMessage("deals.csv line 2: text after a closing quote");
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsText() throws IOException {
		assertThat(parse("id,name\nE001,Hut \"8\"\n", "id").rows().getFirst().text("name")).isEqualTo("Hut \"8\"");
	}

	@Test
	void excelsByteOrderMarkSemicolonsCrlfAndDecimalCommasAreRead() throws IOException {
		CsvRow row = parse("\uFEFFid;amount;capacity_mw\r\nE001;\"1500000,5\";2,5\r\n", "id").rows().getFirst();
		assertThat(row.text("id")).as("the first column keeps its name after the mark").isEqualTo("E001");
		assertThat(row.number("amount")).isEqualTo(1_500_000.5);
		assertThat(row.number("capacity_mw")).isEqualTo(2.5);
		assertThat(parse("\uFEFFid,amount\r\nE001,1500000.5\r\n", "id").rows().getFirst().number("amount"))
			.isEqualTo(1_500_000.5);
	}

	@Test
	void cellsASpreadsheetReformattedAreRefusedWithWhatToWrite() throws IOException {
		CsvRow commas = parse("id,amount,announced_on\nE001,\"1,500,000\",Jun-24\n", "id").rows().getFirst();
		assertThatThrownBy(() -> commas.number("amount"))
			.hasMessageStartingWith("deals.csv line 2: amount '1,500,000' has thousands separators");
		assertThatThrownBy(() -> commas.partialDate("announced_on")).hasMessageStartingWith(
				"deals.csv line 2: announced_on 'Jun-24' looks like a date a spreadsheet reformatted");
		CsvRow semicolons = parse("id;amount;announced_on\nE001;1.500.000;01.06.2024\n", "id").rows().getFirst();
		assertThatThrownBy(() -> semicolons.number("amount"))
			.hasMessageStartingWith("deals.csv line 2: amount '1.500.000' has thousands separators");
		assertThatThrownBy(() -> semicolons.partialDate("announced_on")).hasMessageContaining("spreadsheet");
	}

	@Test
	void aRecordAfterAQuotedLineBreakKnowsItsLine() throws IOException {
		List<CsvRow> rows = parse("id,name\nE001,\"two\nlines\"\n\nE002,x\n", "id").rows();
		assertThat(rows).extracting(CsvRow::line).containsExactly(2, 5);
	}

	private static CsvTable parse(String text, String... required) throws IOException {
		return CsvTable.parse("deals.csv", new StringReader(text), List.of(required));
	}

}

package io.dealgraph.editing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.support.Editors;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals to and from Excel: a file as European Excel saves it imports, what Excel mangled
 * is refused with its line, and an exported file, edited and imported again, updates the
 * same deals and keeps what the edit did not touch.
 */
@RunsDealgraph
@RemovesItsWrites
class SpreadsheetTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	DealFileImport fileImport;

	@LocalServerPort
	int port;

	@Test
	void aFileSavedByEuropeanExcelImportsItsGoodRowsAndRefusesTheMangledDateWithItsLine(@TempDir Path folder)
			throws Exception {
		// "CSV UTF-8" from Excel set to a decimal comma: a byte-order mark, ; between
		// cells, CRLF line ends, decimal commas, and one date Excel turned into Jun-24.
		String file = "\uFEFFid;type;from;to;announced_on;amount;currency;capacity_mw;status;description;"
				+ "source_url;source_confidence\r\n"
				+ "D-TEST0000000301;FINANCING;coatue;iren;2026-03;1500000,5;USD;;ANNOUNCED;\"loan; secured\";"
				+ "https://example.org/301;HIGH\r\n"
				+ "D-TEST0000000302;PARTNERSHIP;iren;microsoft;Jun-24;;;12,5;ANNOUNCED;hosting;"
				+ "https://example.org/302;MEDIUM\r\n"
				+ "D-TEST0000000303;SUPPLY;nvidia;iren;2026;;;;ANNOUNCED;GPUs;https://example.org/303;LOW\r\n";
		Path csv = folder.resolve("deals.csv");
		Files.writeString(csv, file, StandardCharsets.UTF_8);
		var summary = this.fileImport.run(csv, "test", new PrintStream(new ByteArrayOutputStream()));
		assertThat(summary.created()).isEqualTo(2);
		assertThat(summary.rejected()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.line()).isEqualTo(3);
			assertThat(rejection.reason()).contains("announced_on 'Jun-24'").contains("spreadsheet");
		});
		this.graphQl.document("{ deal(id: \"D-TEST0000000301\") { amount { amount } description } }")
			.execute()
			.path("deal.amount.amount")
			.entity(Double.class)
			.isEqualTo(1_500_000.5)
			.path("deal.description")
			.entity(String.class)
			.isEqualTo("loan; secured");
		assertThat(
				new Graph(this.cypher).ids("MATCH (r:Deal) WHERE r.id STARTS WITH 'D-TEST00000003' RETURN r.id AS id"))
			.as("the id column read past the byte-order mark: no deal under a new id")
			.containsExactly("D-TEST0000000301", "D-TEST0000000303");
	}

	@Test
	void anExportEditedAndImportedAgainUpdatesTheSameDealsAndKeepsWhatWasNotEdited(@TempDir Path folder)
			throws Exception {
		Editors.editor(this.graphQl)
			.document("mutation { upsertOrganization(input: {id: \"test-spreadsheet\", name: \"Test Spreadsheet\", "
					+ "kind: INVESTOR}) { key } }")
			.execute();
		Path first = folder.resolve("first.csv");
		Files.writeString(first, String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "D-TEST0000000401,FINANCING,test-spreadsheet,hut-8,2026-01,2000000,USD,,,,,DEBT,,ANNOUNCED,,a loan,"
				+ "https://example.org/401,First,,HIGH,\n"
				+ "D-TEST0000000402,FINANCING,test-spreadsheet,iren,2026-02,,,,,,,EQUITY,,ANNOUNCED,,shares,"
				+ "https://example.org/402,,,MEDIUM,\n");
		assertThat(this.fileImport.run(first, "test", new PrintStream(new ByteArrayOutputStream())).created())
			.isEqualTo(2);
		// A second source, one per line of each source cell, and a status change: the
		// deal now has two sources and two steps of history.
		Path second = folder.resolve("second.csv");
		Files.writeString(second, String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "D-TEST0000000401,FINANCING,test-spreadsheet,hut-8,2026-01,2000000,USD,,,,,DEBT,,COMPLETED,2026-04,"
				+ "a loan,\"https://example.org/401\nhttps://example.org/401b\",\"First\nSecond\",,\"HIGH\nLOW\",\n");
		assertThat(this.fileImport.run(second, "test", new PrintStream(new ByteArrayOutputStream())).updated())
			.isEqualTo(1);
		Map<String, Object> before = deal("D-TEST0000000401");

		HttpResponse<String> export = new Http(this.port).send("GET",
				"/export/network?around=test-spreadsheet&depth=1&format=csv", "*/*");
		assertThat(export.statusCode()).isEqualTo(200);
		String edited = export.body().replace("2000000", "2500000");
		assertThat(edited).isNotEqualTo(export.body());
		Path exported = folder.resolve("network.csv");
		Files.writeString(exported, edited, StandardCharsets.UTF_8);
		var summary = this.fileImport.run(exported, "test", new PrintStream(new ByteArrayOutputStream()));

		assertThat(summary.rejected()).isEmpty();
		assertThat(summary.created()).as("no new deal").isZero();
		assertThat(summary.updated()).isEqualTo(2);
		Map<String, Object> after = deal("D-TEST0000000401");
		assertThat(after.get("amount")).isEqualTo(Map.of("amount", 2_500_000.0));
		assertThat(after.get("sources")).as("both sources, each part in its place").isEqualTo(before.get("sources"));
		assertThat(after.get("statusHistory")).isEqualTo(before.get("statusHistory"));
		assertThat(((List<?>) after.get("statusHistory"))).hasSize(2);
		assertThat(after.get("instrument")).isEqualTo("DEBT");
	}

	private Map<String, Object> deal(String id) {
		return this.graphQl
			.document("query($id: ID!) { deal(id: $id) { amount { amount } status statusHistory { status on } "
					+ "... on Financing { instrument } sources { url title confidence } } }")
			.variable("id", id)
			.execute()
			.path("deal")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

}

package io.dealgraph.network;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import io.dealgraph.csv.CsvRow;
import io.dealgraph.csv.CsvTable;
import io.dealgraph.deal.AmountPeriod;
import io.dealgraph.deal.AmountQualifier;
import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealFile;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.deal.Money;
import io.dealgraph.graph.DealType;
import io.dealgraph.organization.Claimed;
import io.dealgraph.organization.Organization;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a journalist opens in a spreadsheet or in Gephi, written from a network built
 * by hand, no Spring or database: read back with a CSV and an XML parser, they hold what
 * the network holds, sources included, and text that looks like a formula stays text.
 */
class NetworkExportTests {

	private static final Organization HUT_8 = organization("hut-8", "Hut 8, Corp.", OrganizationKind.MINER);

	private static final Organization LENDER = organization("lender", "=HYPERLINK(\"x\") & <Co>",
			OrganizationKind.INVESTOR);

	private static final Deal LOAN = new Deal("E900", DealType.FINANCING, LENDER, HUT_8, "2024-06",
			new Money(150_000_000, "USD", AmountQualifier.EXACT, AmountPeriod.TOTAL), null, null, null, null, null,
			null, null, null, null, DealStatus.COMPLETED, List.of(), "A \"secured\" loan,\nrepaid in 2026.",
			List.of(Source.of("https://example.com/a", "First", null, Confidence.HIGH, null),
					Source.of(null, "A filing", null, Confidence.MEDIUM, null)),
			1, null, null);

	private static final Network NETWORK = new Network(List.of(HUT_8, LENDER), List.of(LOAN), false);

	@Test
	void theCsvHasOneRowPerDealWithBothPartiesAndItsSourcesInTheImportsColumns() throws IOException {
		String csv = NetworkExport.csv(NETWORK);
		CsvTable table = CsvTable.parse("network.csv", new StringReader(csv), NetworkExport.CSV_COLUMNS);
		CsvRow row = table.rows().getFirst();
		assertThat(table.rows()).hasSize(1);
		assertThat(NetworkExport.CSV_COLUMNS).as("what the import reads, then context")
			.startsWith(DealFile.COLUMNS.toArray(String[]::new));
		assertThat(row.text("id")).isEqualTo("E900");
		assertThat(row.text("from")).isEqualTo("lender");
		assertThat(row.text("to_name")).isEqualTo("Hut 8, Corp.");
		assertThat(row.text("amount")).isEqualTo("150000000");
		assertThat(row.text("status")).isEqualTo("COMPLETED");
		assertThat(row.text("confidence")).as("the best of its sources").isEqualTo("HIGH");
		assertThat(row.text("role")).as("a role the deal does not state stays empty").isNull();
		assertThat(row.text("description")).isEqualTo("A \"secured\" loan,\nrepaid in 2026.");
		// One line per source in every source column, aligned.
		assertThat(row.lines("source_url")).containsExactly("https://example.com/a", "");
		assertThat(row.lines("source_title")).containsExactly("First", "A filing");
		assertThat(row.lines("source_confidence")).containsExactly("HIGH", "MEDIUM");
		assertThat(row.lines("source_quote")).as("no source has a quote: an empty cell").isEmpty();
		// A spreadsheet would run this as a formula: it is written as text, and read back
		// without the apostrophe.
		assertThat(csv).contains("'=HYPERLINK");
		assertThat(row.text("from_name")).isEqualTo("=HYPERLINK(\"x\") & <Co>");
	}

	@Test
	void followTheMoneyHasTheOrganizationsThenTheDealAsTheSchemaThatSaysWhatItIs() {
		List<Map<String, Object>> entities = FollowTheMoney.jsonLines(NETWORK, JsonMapper.shared())
			.lines()
			.map(NetworkExportTests::entity)
			.toList();
		assertThat(entities.stream().map((entity) -> entity.get("schema")).toList()).containsExactly("Company",
				"Company", "Payment");
		Map<String, Object> loan = entities.get(2);
		assertThat(loan.get("id")).isEqualTo("dealgraph-deal-E900");
		assertThat(entity(JsonMapper.shared().writeValueAsString(loan.get("properties"))))
			.as("money given, with no instrument said: a payment")
			.containsEntry("payer", List.of("dealgraph-organization-lender"))
			.containsEntry("beneficiary", List.of("dealgraph-organization-hut-8"))
			.containsEntry("amount", List.of("150000000"))
			.containsEntry("amountUsd", List.of("150000000"))
			.containsEntry("startDate", List.of("2024-06"))
			.containsEntry("sourceUrl", List.of("https://example.com/a"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entity(String json) {
		return JsonMapper.shared().readValue(json, Map.class);
	}

	@Test
	void theGraphmlIsWellFormedWithEveryNodeAndEdge() throws Exception {
		var document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(NetworkExport.graphml(NETWORK))));
		var nodes = document.getElementsByTagName("node");
		assertThat(nodes.getLength()).isEqualTo(2);
		assertThat(((Element) nodes.item(1)).getAttribute("id")).isEqualTo("lender");
		assertThat(nodes.item(1).getTextContent()).contains("=HYPERLINK(\"x\") & <Co>");
		var edge = (Element) document.getElementsByTagName("edge").item(0);
		assertThat(edge.getAttribute("source")).isEqualTo("lender");
		assertThat(edge.getAttribute("target")).isEqualTo("hut-8");
		assertThat(edge.getTextContent()).contains("FINANCING", "2024-06", "150000000", "https://example.com/a");
	}

	private static Organization organization(String id, String name, OrganizationKind kind) {
		return new Organization(id, name, kind, null, List.of(), "US", null, Claimed.none(), Claimed.none(), false);
	}

}

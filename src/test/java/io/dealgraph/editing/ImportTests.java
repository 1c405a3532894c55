package io.dealgraph.editing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealWrites;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.graph.DealStatus;
import io.dealgraph.graph.DealType;
import io.dealgraph.source.Confidence;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.support.Editors;
import io.dealgraph.support.Graph;
import io.dealgraph.read.ResponseReads.AfterWrite;
import io.dealgraph.neo4j.Workload;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@RunsDealgraph
@RemovesItsWrites
class ImportTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Autowired
	DealEditor editor;

	@Autowired
	DealFileImport fileImport;

	@Autowired
	DealWrites writes;

	@Test
	void aBatchWithOneBadDealWritesNoneOfIt() {
		List<Long> before = new Graph(this.cypher).counts();
		var batch = List.of(Editors.supplyDeal("nvidia", "hut-8"), Editors.supplyDeal("dell", "iren"),
				Editors.supplyDeal("sec", "iren"));
		Editors.editor(this.graphQl)
			.document("mutation($b: [DealInput!]!) { importDeals(input: $b) { count } }")
			.variable("b", batch)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "input[2].from")));
		assertThat(new Graph(this.cypher).counts()).isEqualTo(before);
	}

	@Test
	void aFailureHalfWayThroughWritingLeavesNothingOfTheBatch() {
		List<Long> before = new Graph(this.cypher).counts();
		List<DealEditor.Row> rows = new ArrayList<>();
		for (int i = 0; i < DealEditor.CHUNK + 50; i++) {
			rows.add(new DealEditor.Row(null,
					new DealInput(DealType.SUPPLY, "nvidia", "hut-8", "2026", null, null, null, null, null, null, null,
							null, null, null, DealStatus.ANNOUNCED, null, "row " + i,
							List.of(new SourceInput("https://example.org/" + i, null, null, null, null, null, null,
									Confidence.LOW, null)))));
		}
		assertThatIllegalStateException().isThrownBy(() -> this.editor.importDeals(rows, null, "test", "import", "rows",
				Workload.BULK, DealEditor.BadRows.LEAVE_OUT, (written) -> {
					if (written >= DealEditor.CHUNK) {
						throw new IllegalStateException("the machine fails after " + written + " rows");
					}
				}, AfterWrite.nothing()));
		assertThat(new Graph(this.cypher).counts()).isEqualTo(before);
	}

	@Test
	void importingADealAgainWithOtherPartiesOrTypeMovesItRatherThanCopyingIt(@TempDir Path folder) throws Exception {
		Path first = folder.resolve("first.csv");
		Files.writeString(first, String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "D-TEST0000000077,SUPPLY,nvidia,hut-8,2026-01,,,,,,,,,ANNOUNCED,,GPUs,https://example.org/77,,,HIGH,\n");
		this.fileImport.run(first, "test", new PrintStream(new ByteArrayOutputStream()));
		Path second = folder.resolve("second.csv");
		Files.writeString(second, String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "D-TEST0000000077,PARTNERSHIP,hut-8,anthropic,2026-01,,,,,,,,,ANNOUNCED,,hosting,https://example.org/77,,,HIGH,\n");
		var summary = this.fileImport.run(second, "test", new PrintStream(new ByteArrayOutputStream()));
		assertThat(summary.updated()).isEqualTo(1);
		var stored = this.cypher.read(
				"""
						MATCH (a)<-[:FROM]-(r:Deal {id: 'D-TEST0000000077'})-[:TO]->(b)
						RETURN CASE WHEN r:Partnership THEN 'PARTNERSHIP' WHEN r:Financing THEN 'FINANCING' WHEN r:Supply THEN 'SUPPLY'
						            WHEN r:Acquisition THEN 'ACQUISITION' WHEN r:RegulatoryAction THEN 'REGULATORY_ACTION'
						            WHEN r:Control THEN 'CONTROL' END AS type,
						       size(labels(r)) AS labels, a.id AS from, b.id AS to
						""",
				Map.of());
		assertThat(stored).singleElement().satisfies((row) -> {
			assertThat(row.get("type").asString()).isEqualTo("PARTNERSHIP");
			assertThat(row.get("labels").asInt()).as("Deal and one type label").isEqualTo(2);
			assertThat(row.get("from").asString()).isEqualTo("hut-8");
			assertThat(row.get("to").asString()).isEqualTo("anthropic");
		});
	}

	@Test
	void whatABatchAnswersAndAuditsIsWhatItStoredWithTheStateBeforeOfADealItUpdates() {
		DealEditor.Row retracted = row("D-TEST0000000088", DealType.FINANCING, "coatue", "iren", "a first loan");
		this.editor.importDeals(List.of(retracted), null, "test", "import", "rows", Workload.BULK,
				DealEditor.BadRows.REFUSE_BATCH, (n) -> {
				}, AfterWrite.nothing());
		Deal before = this.editor.retract("D-TEST0000000088", "a test", "test", AfterWrite.nothing());

		var written = this.editor.importDeals(
				List.of(row("D-TEST0000000088", DealType.FINANCING, "coatue", "iren", "the loan, restated"),
						row(null, DealType.SUPPLY, "nvidia", "hut-8", "GPUs")),
				null, "test", "import", "rows", Workload.BULK, DealEditor.BadRows.REFUSE_BATCH, (n) -> {
				}, AfterWrite.nothing());

		assertThat(written.created()).isEqualTo(1);
		assertThat(written.updated()).isEqualTo(1);
		List<String> ids = written.deals().stream().map(Deal::id).toList();
		List<Deal> stored = this.cypher.write((tx) -> this.writes.find(tx, ids));
		assertThat(stored).as("the deals as stored").isEqualTo(written.deals());
		Deal restated = written.deals().getFirst();
		assertThat(restated.description()).isEqualTo("the loan, restated");
		assertThat(restated.version()).as("an import is not an edit").isEqualTo(before.version());
		assertThat(restated.retraction()).isEqualTo(before.retraction());
		var change = this.cypher.read("""
				MATCH (c:Change {target: 'D-TEST0000000088', operation: 'import'}) WHERE c.before IS NOT NULL
				RETURN c.before AS before, c.after AS after
				""", Map.of());
		assertThat(change).singleElement().satisfies((row) -> {
			assertThat(row.get("before").asString()).contains("a first loan").doesNotContain("restated");
			assertThat(row.get("after").asString()).contains("the loan, restated");
		});
	}

	private static DealEditor.Row row(String id, DealType type, String from, String to, String description) {
		return new DealEditor.Row(id,
				new DealInput(type, from, to, "2026-03", new Inputs.MoneyInput(2_000_000.0, "USD", null, null), null,
						null, null, null, null, null, null, null, null, DealStatus.ANNOUNCED, null, description,
						List.of(new SourceInput("https://example.org/88", "A title", null, "2026-03-02", null, null,
								null, Confidence.MEDIUM, null))));
	}

	@Test
	void aCsvFileIsImportedWithBadRowsRejectedAndReasonsGiven(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("deals.csv");
		Files.writeString(file, String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "D-TEST0000000001,SUPPLY,nvidia,hut-8,2026-01,1000000,USD,EXACT,TOTAL,,,,,ANNOUNCED,,GPUs,https://example.org/1,,,HIGH,\n"
				+ ",FINANCING,coatue,iren,2026,50000000,USD,AT_LEAST,TOTAL,,,DEBT,,ANNOUNCED,,loan,https://example.org/2,,,MEDIUM,\n"
				+ ",SUPPLY,sec,iren,2026,,,,,,,,,ANNOUNCED,,bad,https://example.org/3,,,LOW,\n"
				+ ",MERGER,nvidia,iren,2026,,,,,,,,,ANNOUNCED,,bad,https://example.org/4,,,LOW,\n"
				+ "D-TEST0000000001,SUPPLY,nvidia,hut-8,2026-01,2000000,USD,EXACT,TOTAL,,,,,COMPLETED,,GPUs again,https://example.org/1,,,HIGH,\n");
		var summary = this.fileImport.run(file, "test", new PrintStream(new ByteArrayOutputStream()));
		assertThat(summary.read()).isEqualTo(5);
		assertThat(summary.rejected()).extracting(DealFileImport.Rejection::line).containsExactly(4, 5);
		assertThat(summary.rejected().get(0).reason()).contains("from").contains("REGULATOR");
		assertThat(summary.rejected().get(1).reason()).contains("MERGER");
		assertThat(summary.created() + summary.updated()).isEqualTo(3);
		this.graphQl.document("{ deal(id: \"D-TEST0000000001\") { amount { amount } status } }")
			.execute()
			.path("deal.amount.amount")
			.entity(Double.class)
			.isEqualTo(2_000_000.0);
	}

	@Test
	void aFileWithTheOptionalRoleScopeAndRoundColumnsRecordsStakesGuaranteesAndArrangedFinancings(@TempDir Path folder)
			throws Exception {
		Path file = folder.resolve("deals.csv");
		Files.writeString(file, "id,type,from,to,announced_on,instrument,stake_percent,role,scope,round,status,"
				+ "description,source_url,source_confidence\n"
				+ "D-TEST0000000101,STAKE,google,hut-8,2026,WARRANTS,4.5,,,,ANNOUNCED,warrants,https://example.org/1,HIGH\n"
				+ "D-TEST0000000102,GUARANTEE,google,fluidstack,2026,,,,,,ANNOUNCED,backstop,https://example.org/2,HIGH\n"
				+ "D-TEST0000000103,FINANCING,morgan-stanley,hut-8,2026,DEBT,,ARRANGER,,,ANNOUNCED,books,https://example.org/3,HIGH\n"
				+ "D-TEST0000000104,ACQUISITION,hut-8,iren,2026,,,,ASSET,,ANNOUNCED,a site,https://example.org/4,HIGH\n"
				+ "D-TEST0000000105,STAKE,google,hut-8,2026,DEBT,140,,,,ANNOUNCED,bad,https://example.org/5,HIGH\n"
				+ "D-TEST0000000106,SUPPLY,nvidia,hut-8,2026,,,ARRANGER,COMPANY,some-round,ANNOUNCED,bad,https://example.org/6,HIGH\n");
		var summary = this.fileImport.run(file, "test", new PrintStream(new ByteArrayOutputStream()));

		assertThat(summary.rejected()).extracting(DealFileImport.Rejection::line).containsExactly(6, 7);
		assertThat(summary.rejected().get(0).reason()).contains("instrument").contains("stakePercent");
		assertThat(summary.rejected().get(1).reason()).contains("role").contains("scope").contains("round");
		this.graphQl
			.document(
					"""
							{ deals(where: {typeIn: [STAKE, GUARANTEE, FINANCING, ACQUISITION], announcedFrom: "2026"}, first: 100) {
							    edges { node { key __typename ... on Financing { role } ... on Acquisition { scope }
							                   ... on Stake { instrument stakePercent } } } } }
							""")
			.execute()
			.path("deals.edges[*].node")
			.entityList(Map.class)
			.satisfies((deals) -> assertThat(deals)
				.filteredOn((deal) -> deal.get("key").toString().startsWith("D-TEST00000001"))
				.extracting((deal) -> deal.get("__typename") + " " + deal.get("role") + " " + deal.get("scope") + " "
						+ deal.get("instrument") + " " + deal.get("stakePercent"))
				.containsExactlyInAnyOrder("Stake null null WARRANTS 4.5", "Guarantee null null null null",
						"Financing ARRANGER null null null", "Acquisition null ASSET null null"));
	}

	@Test
	void idColumnsTakeGlobalIdsAsTheApiDoesAndRefuseAnotherKindOfThing(@TempDir Path folder) throws Exception {
		Path csv = Files.writeString(folder.resolve("deals.csv"), String.join(",", DealFileImport.CSV_COLUMNS) + "\n"
				+ "Deal:D-TEST0000000088,SUPPLY,Organization:nvidia,Organization:hut-8,2026-02,,,,,,,,,ANNOUNCED,,GPUs,https://example.org/88,,,HIGH,\n"
				+ ",SUPPLY,Deal:E011,hut-8,2026-02,,,,,,,,,ANNOUNCED,,bad,https://example.org/89,,,HIGH,\n");
		var fromCsv = this.fileImport.run(csv, "test", new PrintStream(new ByteArrayOutputStream()));
		assertThat(fromCsv.created()).isEqualTo(1);
		assertThat(fromCsv.rejected()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.line()).isEqualTo(3);
			assertThat(rejection.reason()).contains("'from' takes Organization ids").contains("Deal:E011");
		});
		Path json = Files.writeString(folder.resolve("deals.json"), """
				[{"id": "Deal:D-TEST0000000090", "type": "PARTNERSHIP", "from": "Organization:iren", "to": "microsoft",
				  "announcedOn": "2026", "status": "CONTRACTED", "description": "hosting",
				  "sources": [{"url": "https://example.org/90", "confidence": "LOW"}]}]
				""");
		assertThat(this.fileImport.run(json, "test", new PrintStream(new ByteArrayOutputStream())).created())
			.isEqualTo(1);
		assertThat(this.cypher.read("""
				MATCH (a)<-[:FROM]-(r:Deal)-[:TO]->(b) WHERE r.id IN ['D-TEST0000000088', 'D-TEST0000000090']
				RETURN r.id + ' ' + a.id + ' ' + b.id AS stored ORDER BY stored
				""", Map.of())).extracting((row) -> row.get("stored").asString())
			.containsExactly("D-TEST0000000088 nvidia hut-8", "D-TEST0000000090 iren microsoft");
	}

	@Test
	void aJsonFileOfManyDealsShowsProgressAndAllArrive(@TempDir Path folder) throws Exception {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < 1200; i++) {
			json.append(i == 0 ? "" : ",")
				.append("""
						{"type": "PARTNERSHIP", "from": "iren", "to": "microsoft", "announcedOn": "2025", "status": "CONTRACTED",
						 "description": "row %d", "sources": [{"url": "https://example.org/%d", "confidence": "LOW"}]}
						"""
					.formatted(i, i));
		}
		Path file = Files.writeString(folder.resolve("deals.json"), json.append("]").toString());
		var progress = new ByteArrayOutputStream();
		var summary = this.fileImport.run(file, "test", new PrintStream(progress));
		assertThat(summary.created()).isEqualTo(1200);
		assertThat(summary.rejected()).isEmpty();
		assertThat(progress.toString()).contains("1200/1200 rows").contains("#");
		assertThat(this.cypher
			.read("MATCH ()<-[:FROM]-(r:Partnership)-[:TO]->() WHERE r.id STARTS WITH 'D-' RETURN count(r) AS n",
					Map.of())
			.getFirst()
			.get("n")
			.asInt()).isEqualTo(1200);
	}

}

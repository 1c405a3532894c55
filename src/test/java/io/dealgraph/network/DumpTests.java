package io.dealgraph.network;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.csv.CsvTable;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Graph;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newsroom downloads the whole graph from its stable address, in FollowTheMoney, CSV
 * and GraphML, over HTTP. The dump reads pages of 7 here, so the seed's graph takes many,
 * and the files must still hold everything once.
 */
@RunsDealgraph
@TestPropertySource(properties = "dealgraph.dump.page-size=7")
class DumpTests {

	@LocalServerPort
	int port;

	@Autowired
	CypherExecutor cypher;

	@Test
	void theFollowTheMoneyDumpHoldsEveryOrganizationAndStandingDealOnceAndEveryReferenceResolves() {
		HttpResponse<String> response = download("dealgraph.ftm.json", "application/x-ndjson");
		List<JsonNode> entities = response.body()
			.lines()
			.filter((line) -> !line.isBlank())
			.map((line) -> JsonMapper.shared().readTree(line))
			.toList();
		Set<String> ids = new HashSet<>();
		entities.forEach((entity) -> assertThat(ids.add(entity.get("id").asString())).as("no id twice").isTrue());
		assertThat(keys(entities, "dealgraph-organization-")).isEqualTo(organizations());
		assertThat(keys(entities, "dealgraph-deal-")).isEqualTo(standingDeals());
		for (JsonNode entity : entities) {
			entity.get("properties").properties().forEach((property) -> property.getValue().forEach((value) -> {
				if (value.asString().startsWith("dealgraph-")) {
					assertThat(ids).as("%s of %s", property.getKey(), entity.get("id")).contains(value.asString());
				}
			}));
		}
	}

	@Test
	void theCsvDumpHasEveryStandingDealOnceInIdOrder() throws Exception {
		HttpResponse<String> response = download("deals.csv", "text/csv");
		List<String> rows = new ArrayList<>();
		CsvTable.parse("deals.csv", new StringReader(response.body()), List.of("id"))
			.rows()
			.forEach((row) -> rows.add(row.text("id")));
		assertThat(rows).isSorted().doesNotHaveDuplicates().doesNotContain("E115");
		assertThat(new TreeSet<>(rows)).isEqualTo(standingDeals());
	}

	@Test
	void theGraphMlDumpHasEveryOrganizationAsANodeAndEveryStandingDealAsAnEdgeBetweenThem() throws Exception {
		HttpResponse<String> response = download("dealgraph.graphml", "application/graphml+xml");
		Document graphml = DocumentBuilderFactory.newDefaultNSInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(response.body())));
		Set<String> nodes = attributes(graphml.getElementsByTagName("node"), "id");
		assertThat(nodes).isEqualTo(organizations());
		assertThat(attributes(graphml.getElementsByTagName("edge"), "id")).isEqualTo(standingDeals());
		assertThat(nodes).containsAll(attributes(graphml.getElementsByTagName("edge"), "source"))
			.containsAll(attributes(graphml.getElementsByTagName("edge"), "target"));
		assertThat(response.body()).contains("CC BY 4.0");
	}

	@Test
	void theDumpListsItsFilesAndRefusesAnyOther() {
		Http http = new Http(this.port);
		HttpResponse<String> index = http.send("GET", "/dump", "application/json");
		assertThat(index.statusCode()).isEqualTo(200);
		JsonNode files = JsonMapper.shared().readTree(index.body()).get("files");
		assertThat(files).extracting((file) -> file.get("url").asString())
			.containsExactly("http://localhost:" + this.port + "/dump/dealgraph.ftm.json",
					"http://localhost:" + this.port + "/dump/deals.csv",
					"http://localhost:" + this.port + "/dump/dealgraph.graphml");
		HttpResponse<String> unknown = http.send("GET", "/dump/everything.zip", "application/json");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Http.code(unknown)).isEqualTo("NOT_FOUND");
	}

	private HttpResponse<String> download(String file, String mediaType) {
		HttpResponse<String> response = new Http(this.port).send("GET", "/dump/" + file, "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(mediaType).containsIgnoringCase("charset=UTF-8"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + file + "\"");
		assertThat(response.headers().firstValue("Link"))
			.hasValue("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
		return response;
	}

	private TreeSet<String> organizations() {
		return new Graph(this.cypher).ids("MATCH (o:Organization) RETURN o.id AS id");
	}

	private TreeSet<String> standingDeals() {
		return new Graph(this.cypher).ids("MATCH (r:Deal) WHERE r.retractedAt IS NULL RETURN r.id AS id");
	}

	private static TreeSet<String> keys(List<JsonNode> entities, String prefix) {
		TreeSet<String> keys = new TreeSet<>();
		entities.stream()
			.map((entity) -> entity.get("id").asString())
			.filter((id) -> id.startsWith(prefix))
			.forEach((id) -> keys.add(id.substring(prefix.length())));
		return keys;
	}

	private static Set<String> attributes(NodeList elements, String name) {
		Set<String> values = new TreeSet<>();
		for (int i = 0; i < elements.getLength(); i++) {
			values.add(((Element) elements.item(i)).getAttribute(name));
		}
		return values;
	}

}

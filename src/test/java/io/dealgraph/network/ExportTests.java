package io.dealgraph.network;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.ContentDisposition;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of Core Scientific's network, parsed back in each format, holds what the API
 * holds.
 */
@RunsDealgraph
class ExportTests {

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void jsonExportHoldsTheNetworkWithSources() {
		Map<?, ?> network = JsonMapper.shared().readValue(get("json").body(), Map.class);
		List<?> deals = (List<?>) network.get("deals");
		assertThat(keys(deals)).isEqualTo(apiDeals());
		assertThat(deals).allSatisfy((deal) -> assertThat((List<?>) ((Map<?, ?>) deal).get("sources")).isNotEmpty());
		// Shaped as GraphQL answers: the global id beside the readable key.
		assertThat(deals).allSatisfy((deal) -> {
			Map<?, ?> written = (Map<?, ?>) deal;
			assertThat(written.get("id")).isEqualTo("Deal:" + written.get("key"));
			assertThat(((Map<?, ?>) written.get("from")).get("id"))
				.isEqualTo("Organization:" + ((Map<?, ?>) written.get("from")).get("key"));
		});
	}

	@Test
	void csvExportHasOneRowPerDealWithItsSources() throws Exception {
		var response = get("csv");
		assertThat(ContentDisposition.parse(response.headers().firstValue("Content-Disposition").orElseThrow())
			.getFilename()).endsWith(".csv");
		assertThat(response.body()).as("a byte-order mark, for Excel to read UTF-8").startsWith("\uFEFF");
		List<List<String>> rows = parseCsv(response.body().substring(1));
		List<String> header = rows.getFirst();
		assertThat(header).isEqualTo(NetworkExport.CSV_COLUMNS);
		List<List<String>> data = rows.subList(1, rows.size());
		TreeSet<String> ids = new TreeSet<>();
		data.forEach((row) -> ids.add(row.get(0)));
		assertThat(ids).isEqualTo(apiDeals());
		int urls = header.indexOf("source_url");
		int titles = header.indexOf("source_title");
		assertThat(data).allSatisfy((row) -> assertThat(row.get(urls) + row.get(titles)).isNotBlank());
	}

	@Test
	void graphmlExportOpensAsAGraphOfTheSameNodesAndEdges() throws Exception {
		var response = get("graphml");
		var document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		var edges = document.getElementsByTagName("edge");
		TreeSet<String> ids = new TreeSet<>();
		for (int i = 0; i < edges.getLength(); i++) {
			ids.add(((Element) edges.item(i)).getAttribute("id"));
		}
		assertThat(ids).isEqualTo(apiDeals());
		int nodes = document.getElementsByTagName("node").getLength();
		assertThat(nodes).isEqualTo(
				this.graphQl.document("{ network(around: \"core-scientific\", depth: 2) { organizations { key } } }")
					.execute()
					.path("network.organizations")
					.entityList(Object.class)
					.get()
					.size());
	}

	@Test
	void severalCentresExportTheUnionOfTheirNetworksAsTheExplorerShowsThem() {
		Map<?, ?> union = JsonMapper.shared()
			.readValue(ok(http().send("GET", "/export/network?around=hut-8&around=coatue&format=json", "*/*")).body(),
					Map.class);
		TreeSet<String> expected = new TreeSet<>();
		for (String centre : List.of("hut-8", "coatue")) {
			expected.addAll(this.graphQl.document("{ network(around: \"" + centre + "\") { deals { key } } }")
				.execute()
				.path("network.deals[*].key")
				.entityList(String.class)
				.get());
		}
		assertThat(keys((List<?>) union.get("deals"))).isEqualTo(expected);
		Map<?, ?> centre = (Map<?, ?>) ((List<?>) union.get("organizations")).getFirst();
		assertThat(List.of(centre.get("id"), centre.get("key"))).containsExactly("Organization:hut-8", "hut-8");
	}

	@Test
	void singleDealsExportWithTheirTwoPartiesAsTheHopsOfAFoundPath() {
		List<String> hops = this.graphQl
			.document("{ connections(from: \"coatue\", to: \"anthropic\", first: 1) { deals { key } } }")
			.execute()
			.path("connections[0].deals[*].key")
			.entityList(String.class)
			.get();
		StringBuilder uri = new StringBuilder("/export/network?format=json");
		hops.forEach((id) -> uri.append("&deal=").append(id));
		Map<?, ?> view = JsonMapper.shared().readValue(ok(http().send("GET", uri.toString(), "*/*")).body(), Map.class);
		assertThat(keys((List<?>) view.get("deals"))).isEqualTo(new TreeSet<>(hops));
		assertThat((List<?>) view.get("organizations")).hasSize(hops.size() + 1);
	}

	@Test
	void everyExportNamesTheDataLicence() {
		for (String format : List.of("json", "csv", "graphml")) {
			assertThat(get(format).headers().firstValue("Link")).as(format)
				.hasValue("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
		}
		Map<?, ?> json = JsonMapper.shared().readValue(get("json").body(), Map.class);
		assertThat(((Map<?, ?>) json.get("licence")).get("name")).isEqualTo("CC BY 4.0");
		assertThat(get("graphml").body()).contains("<data key=\"licence\">Compiled data: CC BY 4.0");
	}

	@Test
	void anUnknownFormatOrOrganizationIsRefusedClearly() {
		var badFormat = http().send("GET", "/export/network?around=hut-8&format=xlsx", "*/*");
		assertThat(badFormat.statusCode()).isEqualTo(400);
		assertThat(badFormat.body()).contains("\"code\":\"BAD_REQUEST\"");
		var unknown = http().send("GET", "/export/network?around=nobody", "*/*");
		assertThat(unknown.statusCode()).isEqualTo(404);
		var unknownDeal = http().send("GET", "/export/network?deal=E011&deal=NO-SUCH-DEAL", "*/*");
		assertThat(unknownDeal.statusCode()).isEqualTo(404);
		assertThat(unknownDeal.body()).contains("NO-SUCH-DEAL");
	}

	private HttpResponse<String> get(String format) {
		return ok(http().send("GET", "/export/network?around=core-scientific&depth=2&format=" + format, "*/*"));
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Http http() {
		return new Http(this.port);
	}

	private TreeSet<String> apiDeals() {
		return new TreeSet<>(
				this.graphQl.document("{ network(around: \"core-scientific\", depth: 2) { deals { key } } }")
					.execute()
					.path("network.deals[*].key")
					.entityList(String.class)
					.get());
	}

	private static TreeSet<String> keys(List<?> deals) {
		TreeSet<String> keys = new TreeSet<>();
		deals.forEach((deal) -> keys.add((String) ((Map<?, ?>) deal).get("key")));
		return keys;
	}

	/** RFC 4180, as a spreadsheet reads it. */
	private static List<List<String>> parseCsv(String text) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		var reader = new StringReader(text);
		int c;
		while ((c = reader.read()) != -1) {
			if (quoted) {
				if (c == '"') {
					reader.mark(1);
					if (reader.read() == '"') {
						field.append('"');
					}
					else {
						reader.reset();
						quoted = false;
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append((char) c);
			}
		}
		return rows;
	}

}

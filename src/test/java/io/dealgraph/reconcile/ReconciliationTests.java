package io.dealgraph.reconcile;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Graph;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenRefine's reconciliation against {@code /reconcile}, written from the W3C
 * Reconciliation Service API 0.2 (its text and its JSON schemas), field by field, with
 * the requests OpenRefine 3.x sends: a form-encoded POST of {@code queries}, keys
 * {@code q0} to {@code q24} in a batch of 25, {@code type} with
 * {@code type_strict: "should"}, and suggest calls with the parameters its suggest widget
 * adds.
 */
@RunsDealgraph
class ReconciliationTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	Graph graph;

	@Autowired
	CypherExecutor cypher;

	@Test
	void theManifestHasWhatTheSpecificationRequiresAndWhatOpenRefineReads() throws Exception {
		HttpResponse<String> response = get("/reconcile", "Origin", "http://127.0.0.1:3333");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as("CORS on every endpoint")
			.hasValue("*");
		Map<String, Object> manifest = map(JSON.readValue(response.body(), Map.class));
		// required: ["versions", "name", "identifierSpace", "schemaSpace"]
		assertThat(list(manifest.get("versions"))).containsExactly("0.2");
		assertThat(manifest.get("name")).isInstanceOf(String.class);
		assertThat((String) manifest.get("identifierSpace")).startsWith("http://localhost:" + this.port + "/");
		assertThat((String) manifest.get("schemaSpace")).startsWith("http://localhost:" + this.port + "/");
		// defaultTypes: type.json, each with "id" and "name": the organization kinds.
		assertThat(list(manifest.get("defaultTypes"))).extracting((type) -> map(type).get("id"))
			.containsExactly("MINER", "AI_FIRM", "INVESTOR", "EXCHANGE", "SUPPLIER", "REGULATOR", "OTHER");
		assertThat(list(manifest.get("defaultTypes")))
			.allSatisfy((type) -> assertThat((String) map(type).get("name")).isNotBlank());
		// view and preview: url with {{id}}; preview's width and height integers.
		assertThat((String) (map(manifest.get("view"))).get("url")).contains("{{id}}");
		Map<String, Object> preview = map(manifest.get("preview"));
		assertThat((String) preview.get("url")).contains("{{id}}");
		assertThat(preview.get("width")).isInstanceOf(Integer.class);
		assertThat(preview.get("height")).isInstanceOf(Integer.class);
		// suggest: each service a service_url and a service_path.
		Map<String, Object> suggest = map(manifest.get("suggest"));
		assertThat(suggest.keySet()).containsExactlyInAnyOrder("entity", "type", "property");
		suggest.values()
			.forEach((service) -> assertThat(map(service).keySet()).contains("service_url", "service_path"));
		assertThat(manifest.get("batchSize")).isEqualTo(50);
	}

	@Test
	void aBatchOf25AsOpenRefineSendsItMatchesOnlyExactUniqueNames() throws Exception {
		List<Map<String, String>> organizations = this.graph.rows(
				"MATCH (o:Organization) RETURN o.id AS id, o.name AS name, o.kind AS kind ORDER BY o.id LIMIT 25",
				Map.of());
		Map<String, Object> batch = new LinkedHashMap<>();
		for (int i = 0; i < organizations.size(); i++) {
			batch.put("q" + i, Map.of("query", organizations.get(i).get("name"), "type",
					organizations.get(i).get("kind"), "type_strict", "should"));
		}
		assertThat(batch).hasSize(25);
		long before = this.cypher.statementCount();
		Map<String, Object> answer = reconcile(batch);
		assertThat(this.cypher.statementCount() - before).as("one statement for the whole batch").isEqualTo(1);
		assertThat(answer.keySet()).as("every key answered").isEqualTo(batch.keySet());
		for (int i = 0; i < organizations.size(); i++) {
			Map<String, String> organization = organizations.get(i);
			List<Map<String, Object>> result = result(answer, "q" + i);
			assertThat(result).as(organization.get("name")).isNotEmpty();
			assertScoredBestFirst(result);
			// Independently: the organizations of that kind whose name or alias is the
			// text.
			TreeSet<String> sameName = this.graph.ids("""
					MATCH (o:Organization {kind: $kind})
					WHERE toLower(o.name) = toLower($name) OR any(a IN o.aliases WHERE toLower(a) = toLower($name))
					RETURN o.id AS id""", Map.of("kind", organization.get("kind"), "name", organization.get("name")));
			assertThat(result.getFirst().get("id")).isIn(sameName);
			assertThat(result.getFirst().get("match")).as("a match only when one organization has the name")
				.isEqualTo(sameName.size() == 1);
			assertThat(result.stream().filter((candidate) -> Boolean.TRUE.equals(candidate.get("match"))).count())
				.isLessThanOrEqualTo(1);
			assertThat(result).allSatisfy((candidate) -> {
				// Candidate: required ["id", "name", "score"]; type: [{id, name}].
				assertThat(candidate.keySet()).contains("id", "name", "score", "type", "match");
				assertThat(list(candidate.get("type"))).singleElement()
					.satisfies((type) -> assertThat(map(type).get("id")).isEqualTo(organization.get("kind")));
			});
		}
	}

	@Test
	void openRefinesTypeGuessAndAMisspeltNameGetCandidatesButNoMatch() throws Exception {
		// OpenRefine guesses a column's type from a sample: {query, limit: 3}, no type.
		Map<String, Object> answer = reconcile(Map.of("q0", Map.of("query", "Core Sceintific", "limit", 3), "q1",
				Map.of("query", "coreweave", "limit", 3), "q2", Map.of("query", "core-scientific")));
		List<Map<String, Object>> misspelt = result(answer, "q0");
		assertThat(misspelt).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat(misspelt.getFirst()).containsEntry("id", "core-scientific").containsEntry("match", false);
		assertThat(((Number) misspelt.getFirst().get("score")).doubleValue()).isBetween(50.0, 99.9);
		assertThat(result(answer, "q1").getFirst()).as("the name in another case is the name")
			.containsEntry("id", "coreweave")
			.containsEntry("match", true)
			.containsEntry("score", 100.0);
		assertThat(result(answer, "q2").getFirst()).as("an id is the entity")
			.containsEntry("id", "core-scientific")
			.containsEntry("match", true);
	}

	@Test
	void aPropertyThatContradictsACandidateTakesAwayItsMatch() throws Exception {
		String country = this.graph.rows("MATCH (o:Organization {id: 'hut-8'}) RETURN o.country AS country", Map.of())
			.getFirst()
			.get("country");
		assertThat(country).as("the seed gives Hut 8 a country").isNotNull();
		String other = country.equals("FR") ? "DE" : "FR";
		Map<String, Object> answer = reconcile(Map.of("agrees",
				Map.of("query", "Hut 8", "properties",
						List.of(Map.of("pid", "country", "v", country.toLowerCase(Locale.ROOT)))),
				"contradicts", Map.of("query", "Hut 8", "properties", List.of(Map.of("pid", "country", "v", other))),
				"unknown", Map.of("query", "Hut 8", "properties", List.of(Map.of("pid", "country", "v", "Canada")))));
		Map<String, Object> agrees = result(answer, "agrees").getFirst();
		assertThat(agrees).containsEntry("id", "hut-8").containsEntry("match", true);
		assertThat(list(agrees.get("features"))).contains(Map.of("id", "country", "value", true));
		Map<String, Object> contradicted = result(answer, "contradicts").stream()
			.filter((candidate) -> candidate.get("id").equals("hut-8"))
			.findFirst()
			.orElseThrow();
		assertThat(contradicted).containsEntry("match", false);
		assertThat(((Number) contradicted.get("score")).doubleValue()).isEqualTo(50.0);
		assertThat(result(answer, "unknown").getFirst()).as("a value that cannot be compared contradicts nothing")
			.containsEntry("id", "hut-8")
			.containsEntry("match", true);
	}

	@Test
	void theQueriesMayComeInTheQueryStringToo() throws Exception {
		String queries = JSON.writeValueAsString(Map.of("q0", Map.of("query", "Hut 8")));
		HttpResponse<String> response = get("/reconcile?queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(result(map(JSON.readValue(response.body(), Map.class)), "q0").getFirst()).containsEntry("id",
				"hut-8");
	}

	@Test
	void aBatchThatBreaksTheSchemaIsRefusedClearlyAndNever5xx() throws Exception {
		Map<String, Object> tooMany = new LinkedHashMap<>();
		for (int i = 0; i < 51; i++) {
			tooMany.put("q" + i, Map.of("query", "x"));
		}
		for (var bad : List.of(Map.entry("{\"q0\": {\"query\": \"Hut 8\", \"type\": \"Q5\"}}", "BAD_REQUEST"),
				Map.entry("{\"q0\": {\"query\": \"Hut 8\", \"props\": []}}", "BAD_REQUEST"),
				Map.entry("{\"q0\": {\"query\": \"Hut 8\", \"properties\": [{\"pid\": \"P17\", \"v\": \"US\"}]}}",
						"BAD_REQUEST"),
				Map.entry("{\"q0\": {\"query\": \"Hut 8\", \"limit\": -1}}", "BAD_REQUEST"),
				Map.entry("[{\"query\": \"Hut 8\"}]", "BAD_REQUEST"), Map.entry("{not json", "BAD_REQUEST"),
				Map.entry(JSON.writeValueAsString(tooMany), "LIMIT_EXCEEDED"))) {
			HttpResponse<String> response = post(bad.getKey());
			assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
			assertThat(response.body()).as(bad.getKey()).contains("\"code\":\"" + bad.getValue() + "\"");
		}
	}

	@Test
	void suggestAnswersWithWhatOpenRefinesWidgetSends() throws Exception {
		// OpenRefine's suggest widget adds spell, exact, prefixed and, for types and
		// properties, scoring; a service ignores what it does not define.
		Map<String, Object> entities = getJson(
				"/reconcile/suggest/entity?prefix=core&spell=always&exact=false&prefixed=true");
		List<Object> result = list(entities.get("result"));
		assertThat(result).extracting((item) -> map(item).get("id")).contains("core-scientific", "coreweave");
		assertThat(result).allSatisfy((item) -> assertThat(map(item).keySet()).contains("id", "name"));
		List<Object> next = list(getJson("/reconcile/suggest/entity?prefix=core&cursor=1").get("result"));
		assertThat(next).as("cursor skips that many").isEqualTo(result.subList(1, result.size()));
		assertThat(list(getJson("/reconcile/suggest/type?prefix=min&scoring=schema").get("result")))
			.containsExactly(Map.of("id", "MINER", "name", "Miner"));
		assertThat(list(getJson("/reconcile/suggest/property?prefix=co&scoring=schema").get("result")))
			.extracting((item) -> map(item).get("id"))
			.containsExactly("country");
	}

	@Test
	void thePreviewIsAnHtmlPageOpenRefineMayFrame() throws Exception {
		HttpResponse<String> preview = get("/reconcile/preview?id=hut-8");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(preview.body()).startsWith("<!DOCTYPE html>").contains("<h1>Hut 8</h1>").doesNotContain("<script");
		assertThat(preview.headers().firstValue("Content-Security-Policy"))
			.hasValue(ReconcileController.PREVIEW_SECURITY_POLICY);
		assertThat(preview.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(get("/reconcile").headers().firstValue("X-Frame-Options")).as("every other page refuses frames")
			.hasValue("DENY");
		assertThat(get("/reconcile/preview?id=nobody").statusCode()).isEqualTo(404);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	private Map<String, Object> reconcile(Map<String, ?> batch) throws Exception {
		HttpResponse<String> response = post(JSON.writeValueAsString(batch));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return map(JSON.readValue(response.body(), Map.class));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> result(Map<String, Object> answer, String key) {
		return (List<Map<String, Object>>) map(answer.get(key)).get("result");
	}

	private static void assertScoredBestFirst(List<Map<String, Object>> result) {
		List<Double> scores = new ArrayList<>();
		result.forEach((candidate) -> scores.add(((Number) candidate.get("score")).doubleValue()));
		assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	/** As OpenRefine posts a batch: a form with {@code queries}, UTF-8. */
	private HttpResponse<String> post(String queries) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/reconcile"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("User-Agent", "OpenRefine/3.8.2")
			.POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, Object> getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return map(JSON.readValue(response.body(), Map.class));
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package io.dealgraph.limits;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of a request is an upper bound on what it returns: requests generated at
 * random from the schema, of every top-level field and nested to four levels, are run
 * against the seed graph, and the result nodes of each answer (every field of every
 * object, every item of every list, counted in the JSON) never exceed its estimate.
 */
@RunsDealgraph
class CostPropertyTests {

	private static final int REQUESTS = 150;

	private static final List<String> ORGANIZATIONS = List.of("hut-8", "coatue", "core-scientific", "coreweave",
			"nvidia", "galaxy-digital", "iren", "google");

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource graphQl;

	@Test
	void noAnswerReturnsMoreResultNodesThanItsCostSaid() {
		GraphQLSchema schema = this.graphQl.schema();
		Random random = new Random(20261130);
		Http http = new Http(this.port);
		List<String> over = new ArrayList<>();
		int answered = 0;
		long largest = 0;
		for (int i = 0; i < REQUESTS; i++) {
			String document = "{ " + topLevelField(schema, random) + " }";
			long estimate = QueryLimits.measure(schema, Parser.parse(document), null, Map.of()).cost();
			HttpResponse<String> response = http.graphQl(document);
			Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
			if (body.get("errors") != null || !(body.get("data") instanceof Map<?, ?> data)) {
				continue;
			}
			answered++;
			long returned = resultNodes(data);
			largest = Math.max(largest, returned);
			if (returned > estimate) {
				over.add(returned + " > " + estimate + ": " + document);
			}
		}
		assertThat(over).isEmpty();
		assertThat(answered).as("most generated requests ran").isGreaterThan(REQUESTS / 2);
		assertThat(largest).as("some answers were hundreds of nodes").isGreaterThan(500);
	}

	/** Counted as graphql-java counts them: each field of each object, each list item. */
	static long resultNodes(Object value) {
		long nodes = 0;
		if (value instanceof Map<?, ?> object) {
			for (Object field : object.values()) {
				nodes += 1 + resultNodes(field);
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				nodes += 1 + resultNodes(item);
			}
		}
		return nodes;
	}

	private static String topLevelField(GraphQLSchema schema, Random random) {
		String organization = quoted(pick(ORGANIZATIONS, random));
		String deal = quoted("E%03d".formatted(1 + random.nextInt(120)));
		record Root(String field, String call) {
		}
		List<Root> roots = List.of(new Root("organizations", "organizations(first: " + (1 + random.nextInt(100)) + ")"),
				new Root("deals", "deals(first: " + (1 + random.nextInt(100)) + ")"),
				new Root("organization", "organization(id: " + organization + ")"),
				new Root("deal", "deal(id: " + deal + ")"),
				new Root("search", "search(text: \"core\", first: " + (1 + random.nextInt(20)) + ")"),
				new Root("network",
						"network(around: " + organization + ", depth: " + (1 + random.nextInt(2)) + ", limit: "
								+ (1 + random.nextInt(200)) + ")"),
				new Root("connections",
						"connections(from: \"coatue\", to: " + organization + ", maxHops: " + (2 + random.nextInt(3))
								+ ", first: " + (1 + random.nextInt(5)) + ")"),
				new Root("timeline", "timeline(of: " + organization + ", first: " + (1 + random.nextInt(100)) + ")"),
				new Root("dealStats", "dealStats(groupBy: [TYPE, YEAR])"));
		Root root = pick(roots, random);
		GraphQLFieldDefinition field = schema.getQueryType().getFieldDefinition(root.field());
		return root.call() + " " + selection(field, 4, random);
	}

	/**
	 * A selection of one to four of the type's fields, objects nested while depth lasts;
	 * fields that need an argument get a small page.
	 */
	private static String selection(GraphQLFieldDefinition field, int depth, Random random) {
		if (!(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLFieldsContainer type)) {
			return "";
		}
		List<String> chosen = new ArrayList<>();
		List<GraphQLFieldDefinition> fields = new ArrayList<>(type.getFieldDefinitions());
		int wanted = 1 + random.nextInt(4);
		while (chosen.size() < wanted && !fields.isEmpty()) {
			GraphQLFieldDefinition candidate = fields.remove(random.nextInt(fields.size()));
			boolean leaf = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(candidate.getType()));
			boolean needsArgument = candidate.getArguments()
				.stream()
				.anyMatch((a) -> GraphQLTypeUtil.isNonNull(a.getType()));
			if (needsArgument || (!leaf && depth <= 1)) {
				continue;
			}
			String page = (candidate.getArgument("first") != null) ? "(first: " + (1 + random.nextInt(20)) + ")" : "";
			chosen.add(candidate.getName() + page + (leaf ? "" : " " + selection(candidate, depth - 1, random)));
		}
		if (chosen.isEmpty()) {
			chosen.add("__typename");
		}
		return "{ " + String.join(" ", chosen) + " }";
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String quoted(String value) {
		return "\"" + value + "\"";
	}

}

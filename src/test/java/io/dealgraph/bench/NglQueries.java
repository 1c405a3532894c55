package io.dealgraph.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mix's questions asked of the Neo4j GraphQL Library's generated API, as a user of it
 * would ask them, and each answer reduced to the same ids as Dealgraph's. The library has
 * one relationship field per deal type and direction, so "an organization's deals" is
 * twelve connection fields, merged and ordered by the client. It has no shortest paths
 * and no grouped aggregation: connections and dealStats have no equivalent here.
 */
final class NglQueries {

	/** A document and how to read the ids out of its answer. */
	record Ngl(String document, Function<Map<?, ?>, TreeSet<String>> ids) {
	}

	private static final List<String> DEAL_FIELDS = List.of("partnership", "financing", "supply", "acquisition",
			"regulatoryAction", "control");

	/** Dealgraph's order of an organization's deals: by date (unknown last), then id. */
	private static final String BY_DATE = "sort: [{edge: {announcedKey: ASC}}, {edge: {id: ASC}}]";

	private static final Comparator<Map<?, ?>> DATE_ORDER = Comparator.comparing(
			(Map<?, ?> deal) -> (deal.get("announcedKey") != null) ? (String) deal.get("announcedKey") : "9999-99-99")
		.thenComparing((deal) -> (String) deal.get("id"));

	private NglQueries() {
	}

	static Ngl singleLookup(String id) {
		String connections = connections((field) -> field + "Connection(first: 10, " + BY_DATE
				+ ") { edges { properties { id announcedKey announcedOn status amount currency } node { id name } } }");
		return new Ngl(
				"{ organizations(where: {id: {eq: \"" + id + "\"}}) { id name kind country " + connections + " } }",
				(answer) -> {
					Map<?, ?> organization = (Map<?, ?>) organizations(answer).getFirst();
					return firstByDate(edges(organization).stream()
						.<Map<?, ?>>map((edge) -> (Map<?, ?>) edge.get("properties"))
						.toList(), 10).stream()
						.map((deal) -> (String) deal.get("id"))
						.collect(Collectors.toCollection(TreeSet::new));
				});
	}

	static Ngl filteredListPage() {
		return new Ngl(
				"{ organizations(where: {kind: {eq: \"MINER\"}, country: {eq: \"US\"}}, sort: [{name: ASC}, {id: ASC}], limit: 20) { id name kind country } }",
				NglQueries::organizationIds);
	}

	static Ngl missionNestedFilter() {
		String minerFinancedByPrivateEquity = "{kind: {eq: \"MINER\"}, financingIn: {some: {investorTypes: {includes: \"PRIVATE_EQUITY\"}}}}";
		return new Ngl(
				"{ organizations(where: {kind: {eq: \"AI_FIRM\"}, OR: [{partnershipIn: {some: "
						+ minerFinancedByPrivateEquity + "}}, {supplyIn: {some: " + minerFinancedByPrivateEquity
						+ "}}]}, sort: [{name: ASC}, {id: ASC}], limit: 50) { id name kind country } }",
				NglQueries::organizationIds);
	}

	/**
	 * Ten miners, each one's first five deals, and who financed the party each deal comes
	 * from: for an outgoing deal the miner itself, for an incoming one the other party.
	 */
	static Ngl threeLevelNested() {
		String financiers = "financingIn(sort: [{name: ASC}, {id: ASC}], limit: 100) { id name }";
		String connections = connections((field) -> field + "Connection(first: 5, " + BY_DATE
				+ ") { edges { properties { id announcedKey announcedOn } node { id name "
				+ (field.endsWith("In") ? financiers : "") + " } } }");
		return new Ngl(
				"{ organizations(where: {kind: {eq: \"MINER\"}}, sort: [{name: ASC}, {id: ASC}], limit: 10) { id name "
						+ financiers + " " + connections + " } }",
				(answer) -> {
					TreeSet<String> ids = new TreeSet<>();
					for (Object each : organizations(answer)) {
						Map<?, ?> miner = (Map<?, ?>) each;
						List<Map<?, ?>> deals = new ArrayList<>();
						for (String field : fields()) {
							for (Map<?, ?> edge : edgesOf(miner, field)) {
								Map<String, Object> deal = new java.util.HashMap<>(
										(Map<String, Object>) edge.get("properties"));
								Object from = field.endsWith("In") ? ((Map<?, ?>) edge.get("node")).get("financingIn")
										: miner.get("financingIn");
								deal.put("financiers", from);
								deals.add(deal);
							}
						}
						for (Map<?, ?> deal : firstByDate(deals, 5)) {
							((List<?>) deal.get("financiers"))
								.forEach((f) -> ids.add((String) ((Map<?, ?>) f).get("id")));
						}
					}
					return ids;
				});
	}

	static Ngl depthTwoNetwork(String id) {
		String inner = connections(
				(field) -> field + "Connection { edges { properties { id announcedOn } node { id name kind } } }");
		String outer = connections((field) -> field
				+ "Connection { edges { properties { id announcedOn } node { id name kind " + inner + " } } }");
		return new Ngl("{ organizations(where: {id: {eq: \"" + id + "\"}}) { " + outer + " } }", (answer) -> {
			TreeSet<String> ids = new TreeSet<>();
			for (Map<?, ?> edge : edges((Map<?, ?>) organizations(answer).getFirst())) {
				ids.add((String) ((Map<?, ?>) edge.get("properties")).get("id"));
				for (Map<?, ?> second : edges((Map<?, ?>) edge.get("node"))) {
					ids.add((String) ((Map<?, ?>) second.get("properties")).get("id"));
				}
			}
			return ids;
		});
	}

	private static List<String> fields() {
		List<String> fields = new ArrayList<>();
		DEAL_FIELDS.forEach((type) -> {
			fields.add(type + "Out");
			fields.add(type + "In");
		});
		return fields;
	}

	private static String connections(Function<String, String> connection) {
		return fields().stream().map(connection).collect(Collectors.joining(" "));
	}

	private static List<?> organizations(Map<?, ?> answer) {
		return (List<?>) ((Map<?, ?>) answer.get("data")).get("organizations");
	}

	private static TreeSet<String> organizationIds(Map<?, ?> answer) {
		return organizations(answer).stream()
			.map((organization) -> (String) ((Map<?, ?>) organization).get("id"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<Map<?, ?>> edges(Map<?, ?> organization) {
		List<Map<?, ?>> edges = new ArrayList<>();
		fields().forEach((field) -> edges.addAll(edgesOf(organization, field)));
		return edges;
	}

	private static List<Map<?, ?>> edgesOf(Map<?, ?> organization, String field) {
		Map<?, ?> connection = (Map<?, ?>) organization.get(field + "Connection");
		return (connection != null)
				? ((List<?>) connection.get("edges")).stream().<Map<?, ?>>map((e) -> (Map<?, ?>) e).toList()
				: List.of();
	}

	private static List<Map<?, ?>> firstByDate(List<Map<?, ?>> deals, int count) {
		return deals.stream().sorted(DATE_ORDER).limit(count).toList();
	}

}

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
 * would ask them, and each answer reduced to the same ids as Dealgraph's. The library
 * maps each deal type to a node type and gives an organization two fields per type, the
 * deals it is the from party of and those it is the to party of, so "an organization's
 * deals" is twelve fields, merged and ordered by the client. An organization's financiers
 * are two hops away, through financing deals: a {@code @cypher} field of the type
 * definitions, as a user of the library would write one. It has no shortest paths and no
 * grouped aggregation: connections and dealStats have no equivalent here.
 */
final class NglQueries {

	/** A document and how to read the ids out of its answer. */
	record Ngl(String document, Function<Map<?, ?>, TreeSet<String>> ids) {
	}

	private static final List<String> DEAL_FIELDS = List.of("partnership", "financing", "supply", "acquisition",
			"regulatoryAction", "control");

	/** Dealgraph's order of an organization's deals: by date (unknown last), then id. */
	private static final String BY_DATE = "sort: [{announcedKey: ASC}, {id: ASC}]";

	private static final Comparator<Map<?, ?>> DATE_ORDER = Comparator.comparing(
			(Map<?, ?> deal) -> (deal.get("announcedKey") != null) ? (String) deal.get("announcedKey") : "9999-99-99")
		.thenComparing((deal) -> (String) deal.get("id"));

	/**
	 * Who financed an organization: the from parties of the financings it received, a
	 * {@code @cypher} field of the type definitions, first hundred by name.
	 */
	private static final String FINANCIERS = "financiers { id name }";

	private NglQueries() {
	}

	static Ngl singleLookup(String id) {
		String dealFields = dealFields((field) -> field + "(limit: 10, " + BY_DATE
				+ ") { id announcedKey announcedOn status amount currency " + other(field) + " { id name } }");
		return new Ngl(
				"{ organizations(where: {id: {eq: \"" + id + "\"}}) { id name kind country " + dealFields + " } }",
				(answer) -> {
					Map<?, ?> organization = (Map<?, ?>) organizations(answer).getFirst();
					return firstByDate(deals(organization), 10).stream()
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
		String fromMinerFinancedByPrivateEquity = "{from: {some: {kind: {eq: \"MINER\"}, financingTo: {some: {from: {some: {investorTypes: {includes: \"PRIVATE_EQUITY\"}}}}}}}}";
		return new Ngl(
				"{ organizations(where: {kind: {eq: \"AI_FIRM\"}, OR: [{partnershipTo: {some: "
						+ fromMinerFinancedByPrivateEquity + "}}, {supplyTo: {some: " + fromMinerFinancedByPrivateEquity
						+ "}}]}, sort: [{name: ASC}, {id: ASC}], limit: 50) { id name kind country } }",
				NglQueries::organizationIds);
	}

	/**
	 * Ten miners, each one's first five deals, and who financed the party each deal comes
	 * from: for a deal the miner is the from party of, the miner itself; for one it is
	 * the to party of, the deal's from party.
	 */
	static Ngl threeLevelNested() {
		String dealFields = dealFields((field) -> field + "(limit: 5, " + BY_DATE + ") { id announcedKey announcedOn "
				+ (field.endsWith("To") ? "from { id name " + FINANCIERS + " }" : "") + " }");
		return new Ngl(
				"{ organizations(where: {kind: {eq: \"MINER\"}}, sort: [{name: ASC}, {id: ASC}], limit: 10) { id name "
						+ FINANCIERS + " " + dealFields + " } }",
				(answer) -> {
					TreeSet<String> ids = new TreeSet<>();
					for (Object each : organizations(answer)) {
						Map<?, ?> miner = (Map<?, ?>) each;
						List<Map<?, ?>> deals = new ArrayList<>();
						for (String field : fields()) {
							for (Map<?, ?> asked : dealsOf(miner, field)) {
								Map<Object, Object> deal = new HashMap<>(asked);
								Map<?, ?> from = field.endsWith("To") ? party(asked, "from") : miner;
								deal.put("financiers", financiers(from));
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
		String inner = dealFields((field) -> field + " { id announcedOn " + other(field) + " { id name kind } }");
		String outer = dealFields(
				(field) -> field + " { id announcedOn " + other(field) + " { id name kind " + inner + " } }");
		return new Ngl("{ organizations(where: {id: {eq: \"" + id + "\"}}) { " + outer + " } }", (answer) -> {
			TreeSet<String> ids = new TreeSet<>();
			Map<?, ?> organization = (Map<?, ?>) organizations(answer).getFirst();
			for (String field : fields()) {
				for (Map<?, ?> deal : dealsOf(organization, field)) {
					ids.add((String) deal.get("id"));
					for (Map<?, ?> second : deals(party(deal, other(field)))) {
						ids.add((String) second.get("id"));
					}
				}
			}
			return ids;
		});
	}

	/**
	 * An organization's deal fields, two per deal type: the deals it is the from party of
	 * and those it is the to party of.
	 */
	private static List<String> fields() {
		List<String> fields = new ArrayList<>();
		DEAL_FIELDS.forEach((type) -> {
			fields.add(type + "From");
			fields.add(type + "To");
		});
		return fields;
	}

	/** The deal's party other than the organization whose field this is. */
	private static String other(String field) {
		return field.endsWith("From") ? "to" : "from";
	}

	/** The selection of every deal field, each given by {@code field} from its name. */
	private static String dealFields(Function<String, String> field) {
		return fields().stream().map(field).collect(Collectors.joining(" "));
	}

	private static List<?> organizations(Map<?, ?> answer) {
		return (List<?>) ((Map<?, ?>) answer.get("data")).get("organizations");
	}

	private static TreeSet<String> organizationIds(Map<?, ?> answer) {
		return organizations(answer).stream()
			.map((organization) -> (String) ((Map<?, ?>) organization).get("id"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The organization's deals in every field asked for. */
	private static List<Map<?, ?>> deals(Map<?, ?> organization) {
		List<Map<?, ?>> deals = new ArrayList<>();
		fields().forEach((field) -> deals.addAll(dealsOf(organization, field)));
		return deals;
	}

	private static List<Map<?, ?>> dealsOf(Map<?, ?> organization, String field) {
		List<?> deals = (List<?>) organization.get(field);
		return (deals != null) ? deals.stream().<Map<?, ?>>map((d) -> (Map<?, ?>) d).toList() : List.of();
	}

	/** A deal's {@code from} or {@code to} party: a list of one in the library's API. */
	private static Map<?, ?> party(Map<?, ?> deal, String end) {
		return (Map<?, ?>) ((List<?>) deal.get(end)).getFirst();
	}

	/**
	 * The organization's financiers, as the library's {@code @cypher} field lists them.
	 */
	private static List<Map<?, ?>> financiers(Map<?, ?> organization) {
		return dealsOf(organization, "financiers");
	}

	private static List<Map<?, ?>> firstByDate(List<Map<?, ?>> deals, int count) {
		return deals.stream().sorted(DATE_ORDER).limit(count).toList();
	}

}

package io.dealgraph.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.organization.OrganizationQueries.Candidate;
import io.dealgraph.organization.OrganizationQueries.Candidates;
import io.dealgraph.organization.OrganizationQueries.NameQuery;
import org.springframework.stereotype.Component;

/**
 * Organizations matched by name, as the W3C Reconciliation Service API 0.2 asks (what
 * OpenRefine sends): a batch of queries, each with its name, types (organization kinds),
 * a limit and properties (country, ticker), answered with scored candidates, all in one
 * statement. A candidate is a {@code match}, which OpenRefine may accept without a person
 * looking, only when its id, name or an alias is the query's text, no property given
 * contradicts it, and no other candidate is such a hit: a wrong match with a source
 * attached is worse than none.
 */
@Component
class Reconciliation {

	/** The most queries in a batch, as the manifest says. */
	static final int BATCH_SIZE = 50;

	/** Candidates per query when the query does not say. */
	static final int DEFAULT_LIMIT = 5;

	static final int MAX_LIMIT = 25;

	/** What a score loses for each given property the candidate contradicts. */
	static final double CONTRADICTION_PENALTY = 50;

	/** The fields of a query that version 0.2 defines; any other is refused. */
	private static final Set<String> QUERY_FIELDS = Set.of("query", "type", "limit", "properties", "type_strict");

	/** The properties a query may give, to score candidates by. */
	enum Property {

		country("Country", "ISO 3166-1 alpha-2 code, e.g. US", Organization::country),

		ticker("Ticker", "Stock ticker, e.g. HUT or NASDAQ:HUT", Organization::ticker);

		final String label;

		final String description;

		final Function<Organization, @Nullable String> of;

		Property(String label, String description, Function<Organization, @Nullable String> of) {
			this.label = label;
			this.description = description;
			this.of = of;
		}

	}

	private final OrganizationQueries organizations;

	Reconciliation(OrganizationQueries organizations) {
		this.organizations = organizations;
	}

	/** The type of each organization kind: its enum name, and a name for people. */
	static Map<String, Object> type(OrganizationKind kind) {
		return Map.of("id", kind.name(), "name", label(kind));
	}

	/** {@code AIFirm} read as {@code AI Firm}. */
	static String label(OrganizationKind kind) {
		return kind.typeName().replaceAll("(?<=[A-Za-z])(?=[A-Z][a-z])", " ");
	}

	/**
	 * Answers a batch: each query's key with its candidates, best first.
	 * @throws ApiException {@code BAD_REQUEST} for a batch that breaks the
	 * specification's schema, an unknown type or property, and {@code LIMIT_EXCEEDED}
	 * past {@link #BATCH_SIZE} queries
	 */
	Map<String, Object> reconcile(JsonNode batch) {
		if (!batch.isObject()) {
			throw ApiException.badRequest(
					"'queries' must be a JSON object of queries by key, e.g. {\"q0\": " + "{\"query\": \"Hut 8\"}}.");
		}
		if (batch.size() > BATCH_SIZE) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A batch holds at most " + BATCH_SIZE
					+ " queries (the manifest's batchSize), not " + batch.size() + ".");
		}
		List<Query> queries = new ArrayList<>();
		batch.properties().forEach((entry) -> queries.add(query(entry.getKey(), entry.getValue())));
		Map<String, Candidates> found = this.organizations.candidates(queries.stream()
			.map((query) -> new NameQuery(query.key(), query.text(), query.kinds(), query.limit()))
			.toList());
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Query query : queries) {
			answers.put(query.key(), Map.of("result", results(query, found.get(query.key()))));
		}
		return answers;
	}

	/** One query of a batch, read and checked. */
	private record Query(String key, String text, Set<OrganizationKind> kinds, int limit,
			Map<Property, List<String>> properties) {
	}

	private static Query query(String key, JsonNode query) {
		if (!query.isObject()) {
			throw ApiException.badRequest("Query '" + key + "' must be an object such as {\"query\": \"Hut 8\"}.");
		}
		query.propertyNames().forEach((field) -> {
			if (!QUERY_FIELDS.contains(field)) {
				throw ApiException.badRequest("Query '" + key + "' has the field '" + field
						+ "', which version 0.2 does not define; it takes " + QUERY_FIELDS + ".");
			}
		});
		JsonNode text = query.get("query");
		if (text != null && !text.isString()) {
			throw ApiException.badRequest("Query '" + key + "': 'query' must be a string.");
		}
		int limit = DEFAULT_LIMIT;
		if (query.has("limit")) {
			if (!query.get("limit").isIntegralNumber() || query.get("limit").asInt() < 1) {
				throw ApiException.badRequest("Query '" + key + "': 'limit' must be a positive integer.");
			}
			limit = Math.min(query.get("limit").asInt(), MAX_LIMIT);
		}
		return new Query(key, (text != null) ? text.asString() : "", kinds(key, query.get("type")), limit,
				properties(key, query.get("properties")));
	}

	private static Set<OrganizationKind> kinds(String key, @Nullable JsonNode type) {
		Set<OrganizationKind> kinds = EnumSet.noneOf(OrganizationKind.class);
		if (type == null || type.isNull()) {
			return kinds;
		}
		List<JsonNode> ids = type.isArray() ? type.valueStream().toList() : List.of(type);
		for (JsonNode id : ids) {
			OrganizationKind kind = Arrays.stream(OrganizationKind.values())
				.filter((candidate) -> id.isString() && candidate.name().equals(id.asString()))
				.findFirst()
				.orElseThrow(() -> ApiException.badRequest("Query '" + key + "': the type " + id
						+ " is not one of this service's types " + Arrays.toString(OrganizationKind.values()) + "."));
			kinds.add(kind);
		}
		return kinds;
	}

	private static Map<Property, List<String>> properties(String key, @Nullable JsonNode properties) {
		Map<Property, List<String>> given = new LinkedHashMap<>();
		if (properties == null || properties.isNull()) {
			return given;
		}
		if (!properties.isArray()) {
			throw ApiException.badRequest("Query '" + key + "': 'properties' must be an array of {pid, v}.");
		}
		for (JsonNode property : properties) {
			JsonNode pid = property.get("pid");
			if (pid == null || !pid.isString() || !property.has("v")) {
				throw ApiException.badRequest("Query '" + key + "': each property needs 'pid' and 'v'.");
			}
			Property which = Arrays.stream(Property.values())
				.filter((candidate) -> candidate.name().equals(pid.asString()))
				.findFirst()
				.orElseThrow(() -> ApiException.badRequest("Query '" + key + "': the property '" + pid.asString()
						+ "' is not one of this service's properties " + Arrays.toString(Property.values()) + "."));
			JsonNode v = property.get("v");
			List<JsonNode> values = v.isArray() ? v.valueStream().toList() : List.of(v);
			for (JsonNode value : values) {
				// A reconciled cell is {id, name}; a plain one a string or a number.
				JsonNode plain = value.isObject() ? value.get("id") : value;
				if (plain != null && (plain.isString() || plain.isNumber())) {
					given.computeIfAbsent(which, (p) -> new ArrayList<>()).add(plain.asString());
				}
			}
		}
		return given;
	}

	/** The candidates scored, best first, each a match only as the class says. */
	private static List<Map<String, Object>> results(Query query, Candidates candidates) {
		record Scored(Candidate candidate, double score, boolean contradicted, List<Map<String, Object>> features) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : candidates.best()) {
			Organization organization = candidate.organization();
			double similarity = candidate.exact() ? 100 : similarity(query.text(), organization);
			List<Map<String, Object>> features = new ArrayList<>();
			features.add(Map.of("id", "name", "value", rounded(similarity)));
			boolean contradicted = false;
			double score = similarity;
			for (var given : query.properties().entrySet()) {
				Boolean agrees = agrees(given.getKey(), given.getValue(), organization);
				if (agrees != null) {
					features.add(Map.of("id", given.getKey().name(), "value", agrees));
					if (!agrees) {
						contradicted = true;
						score = Math.max(0, score - CONTRADICTION_PENALTY);
					}
				}
			}
			scored.add(new Scored(candidate, score, contradicted, features));
		}
		// Exact hits beyond the limit, unread, count against a match as well.
		long unread = candidates.exactHits() - scored.stream().filter((s) -> s.candidate().exact()).count();
		long hits = unread + scored.stream().filter((s) -> s.candidate().exact() && !s.contradicted()).count();
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		List<Map<String, Object>> results = new ArrayList<>();
		for (Scored s : scored) {
			Organization organization = s.candidate().organization();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("id", organization.key());
			result.put("name", organization.name());
			result.put("description", description(organization));
			result.put("type", List.of(type(organization.kind())));
			result.put("score", rounded(s.score()));
			result.put("match", s.candidate().exact() && !s.contradicted() && hits == 1);
			result.put("features", s.features());
			results.add(result);
		}
		return results;
	}

	/** A score to one decimal, as people compare them. */
	private static double rounded(double score) {
		return Math.round(score * 10) / 10.0;
	}

	/**
	 * Whether the organization's value of a property is one of those given; null when it
	 * has none, or when no given value can be compared (a country that is no two-letter
	 * code): unknown is never a contradiction.
	 */
	private static @Nullable Boolean agrees(Property property, List<String> given, Organization organization) {
		String own = property.of.apply(organization);
		if (own == null) {
			return null;
		}
		Set<String> comparable = new HashSet<>();
		for (String value : given) {
			String normal = normal(property, value);
			if (normal != null) {
				comparable.add(normal);
			}
		}
		if (comparable.isEmpty()) {
			return null;
		}
		return comparable.contains(normal(property, own));
	}

	private static @Nullable String normal(Property property, String value) {
		String upper = value.strip().toUpperCase(Locale.ROOT);
		return switch (property) {
			case country -> upper.matches("[A-Z]{2}") ? upper : null;
			// NASDAQ:HUT and HUT are the same ticker.
			case ticker -> upper.isEmpty() ? null : upper.substring(upper.lastIndexOf(':') + 1);
		};
	}

	/**
	 * How close the text is to the organization's name or nearest alias, 0 to 100: one
	 * minus the edit distance over the longer length, after case and punctuation.
	 */
	static double similarity(String text, Organization organization) {
		String query = words(text);
		double best = 0;
		List<String> names = new ArrayList<>(organization.aliases());
		names.add(organization.name());
		for (String name : names) {
			String other = words(name);
			int longer = Math.max(query.length(), other.length());
			if (longer > 0) {
				best = Math.max(best, 100.0 * (1 - (double) editDistance(query, other) / longer));
			}
		}
		return Math.min(99.9, best);
	}

	private static String words(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The kind, country and ticker, as a person telling two candidates apart needs them.
	 */
	static String description(Organization organization) {
		List<String> parts = new ArrayList<>();
		parts.add(label(organization.kind()));
		if (organization.country() != null) {
			parts.add(organization.country());
		}
		if (organization.ticker() != null) {
			parts.add("ticker " + organization.ticker());
		}
		return String.join(" · ", parts);
	}

	/** Entities whose name or an alias starts like, or is close to, {@code prefix}. */
	List<Map<String, Object>> suggestEntities(String prefix, int cursor) {
		int wanted = Math.min(cursor, MAX_LIMIT * 4) + 10;
		List<Candidate> found = this.organizations
			.candidates(List.of(new NameQuery("suggest", prefix, Set.of(), Math.min(wanted, 100))))
			.get("suggest")
			.best();
		List<Map<String, Object>> result = new ArrayList<>();
		for (Candidate candidate : found.subList(Math.min(cursor, found.size()), found.size())) {
			Organization organization = candidate.organization();
			result.add(Map.of("id", organization.key(), "name", organization.name(), "description",
					description(organization), "notable", List.of(type(organization.kind()))));
		}
		return result;
	}

	/** The organization kinds whose id or name starts with {@code prefix}, any case. */
	static List<Map<String, Object>> suggestTypes(String prefix) {
		String start = prefix.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(OrganizationKind.values())
			.filter((kind) -> kind.name().toLowerCase(Locale.ROOT).startsWith(start)
					|| label(kind).toLowerCase(Locale.ROOT).startsWith(start))
			.map(Reconciliation::type)
			.toList();
	}

	/** The properties whose id or name starts with {@code prefix}, any case. */
	static List<Map<String, Object>> suggestProperties(String prefix) {
		String start = prefix.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(Property.values())
			.filter((property) -> property.name().startsWith(start)
					|| property.label.toLowerCase(Locale.ROOT).startsWith(start))
			.map((property) -> Map.<String, Object>of("id", property.name(), "name", property.label, "description",
					property.description))
			.toList();
	}

}

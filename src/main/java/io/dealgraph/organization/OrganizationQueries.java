package io.dealgraph.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.filter.OrganizationWhere;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.OrderDirection;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Repository;

/** Every Cypher statement that reads organizations and their facts. */
@Repository
public class OrganizationQueries {

	/**
	 * An id merged into another organization keeps answering, with the organization it
	 * became.
	 */
	private static final CypherText BY_ID = CypherText.of("""
			OPTIONAL MATCH (o:Organization {id: {{id}}})
			OPTIONAL MATCH (:MergedId {id: {{id}}})-[:MERGED_INTO]->(k:Organization)
			WITH coalesce(o, k) AS found
			WHERE found IS NOT NULL
			{{calls}}
			RETURN {{projection}} AS organization, {{answers}} AS beneath
			""");

	/**
	 * The facts of many organizations, at most {@link #MAX_FACTS} each, as the schema's
	 * {@code @listSize} states.
	 */
	private static final CypherText FACTS_OF = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			{{facts}}
			RETURN organizationId, facts
			""");

	/**
	 * The facts of organization {@code o} into column {@code facts}, in a stable order.
	 */
	private static final CypherText FACTS = CypherText.of("""
			CALL ({{o}}) {
			  MATCH ({{o}})-[:HAS_FACT]->({{f}}:Fact){{sourced}}
			  WITH {{f}} ORDER BY {{f}}.attribute, {{f}}.asOf, {{f}}.value, {{f}}.key
			  LIMIT {{limit}}
			  RETURN collect({{f}} {.*}) AS {{facts}}
			}""");

	static final int MAX_FACTS = 100;

	/**
	 * The stored properties of an organization, each the {@code Organization} field of
	 * the same name ({@code key} reads {@code id}).
	 */
	private static final Map<String, List<String>> STORED = Map.ofEntries(Map.entry("id", List.of("id")),
			Map.entry("key", List.of("id")), Map.entry("name", List.of("name")), Map.entry("kind", List.of("kind")),
			Map.entry("category", List.of("category")), Map.entry("aliases", List.of("aliases")),
			Map.entry("country", List.of("country")), Map.entry("ticker", List.of("ticker")),
			Map.entry("investorTypes", Classification.INVESTOR_TYPE.properties()),
			Map.entry("kinds", Classification.KIND.properties()), Map.entry("undisclosed", List.of("undisclosed")));

	/** What {@link Organization#from} needs whatever is selected. */
	private static final List<String> ALWAYS_STORED = List.of("id", "name", "kind");

	/**
	 * One page of organizations and, when asked for, their total, in one statement.
	 * Filled in by {@link #page}: the organizations the filter lets through
	 * ({@link CypherFilter#matching}), then the keyset's sort values, order and
	 * continuation.
	 */
	private static final CypherText PAGE = CypherText.of("""
			{{total}}
			CALL () {
			  {{matching}} AND {{after}}
			  WITH o ORDER BY {{orderBy}} LIMIT $limit
			  WITH o, {{sortValues}} AS sortValues
			  {{calls}}
			  RETURN collect({organization: {{projection}}, sortValues: sortValues, beneath: {{answers}}}) AS rows
			}
			RETURN total, rows
			""");

	/**
	 * Every organization after an id, in id order, a page at a time: the dump reads the
	 * graph by these, each page a statement the unique index on {@code id} serves.
	 */
	private static final String EVERY_AFTER = """
			MATCH (o:Organization)
			WHERE o.id > $after
			WITH o ORDER BY o.id LIMIT $limit
			RETURN o {.*} AS organization
			""";

	/**
	 * Full-text search over names and aliases. Exact matches of a name or alias come
	 * first, then Lucene's score; the Lucene query is built from letters and digits only,
	 * so user text cannot inject syntax.
	 */
	private static final CypherText SEARCH = CypherText.of("""
			CALL db.index.fulltext.queryNodes('organization_names', {{query}}) YIELD node, score
			WITH node, score,
			     toLower(node.name) = {{exact}} OR any(alias IN node.aliases WHERE toLower(alias) = {{exact}}) AS exact
			ORDER BY exact DESC, score DESC, node.name, node.id
			LIMIT {{first}}
			{{calls}}
			RETURN {{projection}} AS organization, {{answers}} AS beneath
			""");

	/**
	 * The candidates for many names at once, for reconciliation: for each query, the
	 * organizations whose name or aliases match its words (as {@link #SEARCH}), or whose
	 * id is its text, of the kinds it allows, best first. The index gives at most
	 * {@link #CANDIDATES_READ} hits per query, before the kinds are applied.
	 */
	private static final CypherText CANDIDATES = CypherText.of("""
			UNWIND $queries AS q
			CALL (q) {
			  CALL db.index.fulltext.queryNodes('organization_names', q.lucene, {limit: $read}) YIELD node, score
			  RETURN node, score
			  UNION
			  MATCH (node:Organization {id: q.key})
			  RETURN node, 1000.0 AS score
			}
			WITH q, node, max(score) AS score
			WHERE size(q.kinds) = 0 OR node.kind IN q.kinds
			WITH q, node, score,
			     node.id = q.key OR toLower(node.name) = q.exact
			     OR any(alias IN node.aliases WHERE toLower(alias) = q.exact) AS exact
			ORDER BY exact DESC, score DESC, node.name, node.id
			WITH q, collect({organization: node {.*}, exact: exact}) AS candidates
			RETURN q.name AS name, candidates[..q.limit] AS candidates,
			       size([candidate IN candidates WHERE candidate.exact]) AS exactHits
			""");

	/** Index hits read per reconciliation query, before its kinds are applied. */
	static final int CANDIDATES_READ = 200;

	/**
	 * The caps on search text, stated in the schema: enough for any organization's name
	 * with its legal form, and small enough that Lucene's fuzzy and prefix expansion
	 * stays cheap (a 100 kB word took over 5 s, and many words passed Lucene's clause
	 * limit).
	 */
	static final int MAX_SEARCH_CHARACTERS = 200;

	static final int MAX_SEARCH_TERMS = 8;

	/** Whether something has an id: for a readable key given to {@code node(id:)}. */
	private static final String HOLDS = """
			RETURN EXISTS { MATCH (:Organization {id: $id}) } OR EXISTS { MATCH (:MergedId {id: $id}) } AS holds
			""";

	private final CypherExecutor cypher;

	OrganizationQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/**
	 * Whether an organization has this id, or had it before it was merged into another:
	 * as {@link #byId} finds it.
	 */
	public boolean holds(String id) {
		return this.cypher.read(HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean()).getFirst();
	}

	/**
	 * Up to {@code limit} organizations whose ids sort after {@code after} ("" for the
	 * first), in id order: a page of the dump.
	 */
	public List<Organization> everyAfter(String after, int limit) {
		return this.cypher.read(EVERY_AFTER, Map.of("after", after, "limit", limit),
				(row) -> Organization.from(row.get("organization")));
	}

	/**
	 * The organization with this id, or the one it was merged into, with what
	 * {@code beneath} reads beneath it.
	 * @param filter the statement's names and parameters, shared with {@code beneath}
	 */
	public Optional<Answered<Organization>> byId(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		String idParameter = filter.parameter(id);
		Beneath parts = beneath.apply("found");
		String query = BY_ID.with("id", idParameter)
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
		return this.cypher
			.read(query, filter.parameters(),
					(r) -> new Answered<>(Organization.from(r.get("organization")), r.get("beneath")))
			.stream()
			.findFirst();
	}

	/**
	 * The organization with this id, or the one it was merged into, with its stored
	 * properties and nothing beneath: for a preview or a page.
	 */
	public Optional<Organization> byId(String id) {
		return byId(id, new CypherFilter(), (o) -> new Beneath(o + " {.*}", "", "null")).map(Answered::value);
	}

	/**
	 * One page of organizations, each with what {@code beneath} reads beneath it.
	 * @param filter the statement's view, names and parameters, shared with
	 * {@code beneath}
	 */
	public Connection<Answered<Organization>> page(@Nullable OrganizationWhere where, List<OrganizationOrder> orderBy,
			Page page, boolean withTotal, CypherFilter filter, Function<String, Beneath> beneath) {
		PageStatement statement = pageStatement(where, orderBy, page, withTotal, filter, beneath);
		Record row = this.cypher.read(statement.query(), statement.parameters()).getFirst();
		List<Edge<Answered<Organization>>> edges = row.get("rows")
			.asList((r) -> new Edge<>(statement.keyset().cursor(r.get("sortValues")).encode(),
					new Answered<>(Organization.from(r.get("organization")), r.get("beneath"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/**
	 * The statement of one page of organizations, with its parameters and the keyset that
	 * reads its cursors; public so that the benchmark can {@code EXPLAIN} the very
	 * statement the API sends.
	 */
	public static PageStatement pageStatement(@Nullable OrganizationWhere where, List<OrganizationOrder> orderBy,
			Page page, boolean withTotal, CypherFilter filter, Function<String, Beneath> beneath) {
		String matching = filter.matching(where, "o");
		Keyset keyset = keyset(orderBy).reading(page);
		Beneath parts = beneath.apply("o");
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? "CALL () { " + matching + " RETURN count(o) AS total }" : "WITH -1 AS total";
		String query = PAGE.with("total", total)
			.with("matching", matching)
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("after", keyset.after(page.cursor(), filter::parameter))
			.with("orderBy", keyset.orderBy(filter::parameter))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("limit", page.fetchSize());
		return new PageStatement(query, parameters, keyset);
	}

	/** A page statement, ready to send. */
	public record PageStatement(String query, Map<String, Object> parameters, Keyset keyset) {

	}

	/**
	 * The id ends every ordering; keys after an explicit ID order could never decide
	 * anything.
	 */
	private static Keyset keyset(List<OrganizationOrder> orderBy) {
		List<OrganizationOrder> orders = orderBy.isEmpty()
				? List.of(new OrganizationOrder(OrganizationOrder.Field.NAME, OrderDirection.ASC)) : orderBy;
		List<SortKey> keys = new ArrayList<>();
		for (OrganizationOrder order : orders) {
			if (order.field() == OrganizationOrder.Field.ID) {
				return new Keyset(keys, "o.id", order.descending());
			}
			keys.add(new SortKey("name", "o.name", false, order.descending(), true));
		}
		return new Keyset(keys, "o.id", false);
	}

	/**
	 * What separates search tokens; compiled once, as search runs on every keystroke of a
	 * front-end.
	 */
	private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * Organizations whose name or aliases match {@code text}, typos tolerated, each with
	 * what {@code beneath} reads beneath it.
	 * @param filter the statement's names and parameters, shared with {@code beneath}
	 * @throws ApiException BAD_REQUEST for text over the caps, or text Lucene refuses
	 */
	public List<Answered<Organization>> search(String text, int first, CypherFilter filter,
			Function<String, Beneath> beneath) {
		List<String> terms = searchTerms(text);
		if (terms.isEmpty() || first == 0) {
			return List.of();
		}
		String lucene = terms.stream().map(OrganizationQueries::lucene).collect(Collectors.joining(" OR "));
		Beneath parts = beneath.apply("node");
		String query = SEARCH.with("query", filter.parameter(lucene))
			.with("exact", filter.parameter(text.strip().toLowerCase(Locale.ROOT)))
			.with("first", filter.parameter(first))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
		try {
			return this.cypher.read(query, filter.parameters(),
					(r) -> new Answered<>(Organization.from(r.get("organization")), r.get("beneath")));
		}
		catch (ClientException ex) {
			if (!"Neo.ClientError.Procedure.ProcedureCallFailed".equals(ex.code())) {
				throw ex;
			}
			// The query is built from letters and digits only, so what Lucene refuses
			// here is the text's size or shape (too many clauses after expansion), not
			// syntax.
			throw new ApiException(ErrorCode.BAD_REQUEST,
					"The search text is too complex to search; use fewer or shorter words.");
		}
	}

	/**
	 * What reconciliation asks of one name: its text, the kinds it allows (all when
	 * empty), and how many candidates.
	 */
	public record NameQuery(String name, String text, Set<OrganizationKind> kinds, int limit) {
	}

	/**
	 * An organization found for a name; {@code exact} when its id, name or an alias is
	 * the text.
	 */
	public record Candidate(Organization organization, boolean exact) {
	}

	/**
	 * The best candidates for a name, and how many exact hits there are in all, beyond
	 * the limit too: two organizations with the name make neither a sure match.
	 */
	public record Candidates(List<Candidate> best, int exactHits) {

		static final Candidates NONE = new Candidates(List.of(), 0);

	}

	/**
	 * The candidates for each query, by its name, in one statement: the organizations
	 * whose name or aliases match its words, typos tolerated, or whose id is its text,
	 * exact hits first. A text with no word, or over the search caps, has none.
	 */
	public Map<String, Candidates> candidates(List<NameQuery> queries) {
		List<Map<String, Object>> parameters = new ArrayList<>();
		Map<String, Candidates> found = new LinkedHashMap<>();
		for (NameQuery query : queries) {
			found.put(query.name(), Candidates.NONE);
			List<String> terms;
			try {
				terms = searchTerms(query.text());
			}
			catch (ApiException ex) {
				continue;
			}
			if (terms.isEmpty() || query.limit() == 0) {
				continue;
			}
			String text = query.text().strip();
			parameters.add(Map.of("name", query.name(), "lucene",
					terms.stream().map(OrganizationQueries::lucene).collect(Collectors.joining(" OR ")), "exact",
					text.toLowerCase(Locale.ROOT), "key", text, "kinds",
					query.kinds().stream().map(OrganizationKind::name).toList(), "limit", query.limit()));
		}
		if (parameters.isEmpty()) {
			return found;
		}
		for (Record row : this.cypher.read(CANDIDATES.build(),
				Map.of("queries", parameters, "read", CANDIDATES_READ))) {
			found.put(row.get("name").asString(),
					new Candidates(row.get("candidates")
						.asList((candidate) -> new Candidate(Organization.from(candidate.get("organization")),
								candidate.get("exact").asBoolean())),
							row.get("exactHits").asInt()));
		}
		return found;
	}

	/**
	 * The words of a search text, lowercased; refuses text over the caps rather than
	 * cutting it silently.
	 */
	static List<String> searchTerms(String text) {
		if (text.length() > MAX_SEARCH_CHARACTERS) {
			throw ApiException.badRequest(
					"'text' has " + text.length() + " characters; search takes at most " + MAX_SEARCH_CHARACTERS + ".");
		}
		List<String> terms = Arrays.stream(NOT_A_LETTER_OR_DIGIT.split(text.toLowerCase(Locale.ROOT)))
			.filter((term) -> !term.isEmpty())
			.toList();
		if (terms.size() > MAX_SEARCH_TERMS) {
			throw ApiException
				.badRequest("'text' has " + terms.size() + " words; search takes at most " + MAX_SEARCH_TERMS + ".");
		}
		return terms;
	}

	/**
	 * A token matches exactly (best), as a prefix, or within one or two edits by length.
	 */
	private static String lucene(String token) {
		if (token.length() < 3) {
			return token + "^3";
		}
		int edits = (token.length() <= 5) ? 1 : 2;
		return "(" + token + "^3 OR " + token + "*^2 OR " + token + "~" + edits + ")";
	}

	/**
	 * The neighbours of many organizations through one kind of relationship, keyed by
	 * organization id.
	 */
	Map<String, List<Organization>> neighbours(Relationship relationship, Collection<String> ids, View view) {
		var filter = new CypherFilter(view);
		String statement = relatedStatement(relationship, filter);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(ids));
		Map<String, List<Organization>> related = new HashMap<>();
		for (Record row : this.cypher.read(statement, parameters)) {
			related.put(row.get("id").asString(), row.get("related").asList(Organization::from));
		}
		return related;
	}

	/**
	 * A page of the other parties {@code x} of a list relationship, for many
	 * organizations {@code o} at once, with their total when asked for (see
	 * {@link #relatedPageAt}).
	 */
	private static final CypherText RELATED_PAGE = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:Organization {id: organizationId})
			CALL (o) {
			  {{page}}
			  RETURN collect({organization: x {.*}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN organizationId, rows, {{total}} AS total
			""");

	/**
	 * Pages of the other parties of a list relationship, keyed by organization id: all of
	 * them, where the list field stops at {@link Relationship#LIST_LIMIT}.
	 */
	Map<String, Connection<Organization>> neighboursPage(Relationship relationship, Collection<String> ids, Page page,
			boolean withTotal, View view) {
		var filter = new CypherFilter(view);
		String query = RELATED_PAGE.with("page", relatedPageAt("o", relationship, "r", "x", page, filter))
			.with("sortValues", relatedSortValuesAt("x", filter))
			.with("total", withTotal ? relatedTotalAt("o", relationship, filter) : "-1")
			.build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(ids));
		Map<String, Connection<Organization>> pages = new HashMap<>();
		for (Record row : this.cypher.read(query, parameters)) {
			pages.put(row.get("organizationId").asString(),
					relatedConnectionAt(row.get("rows"), page, row.get("total").asInt()).map(Answered::value));
		}
		return pages;
	}

	/**
	 * The lines of a subquery that read one page of the other parties {@code x} of
	 * organization {@code o}'s list relationship, through its deals {@code r}: the same
	 * parties as the list field, in the same order (name, then id), every one of them, a
	 * keyset page at a time. Ends on a {@code WITH x}.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static String relatedPageAt(String o, Relationship relationship, String r, String x, Page page,
			CypherFilter filter) {
		Keyset keyset = byName(x).reading(page);
		return relatedDeals(o, relationship, r, x, filter) + "\n  WITH DISTINCT " + x + "\n  WHERE "
				+ keyset.after(page.cursor(), filter::parameter) + "\n  WITH " + x + " ORDER BY "
				+ keyset.orderBy(filter::parameter) + " LIMIT " + filter.parameter(page.fetchSize());
	}

	/**
	 * The sort values of a party {@code x} read by {@link #relatedPageAt}, for its
	 * cursor.
	 */
	public static String relatedSortValuesAt(String x, CypherFilter filter) {
		return byName(x).sortValues(filter::parameter);
	}

	/** How many parties {@link #relatedPageAt} pages through, as an expression. */
	public static String relatedTotalAt(String o, Relationship relationship, CypherFilter filter) {
		String x = filter.variable("x");
		return "COUNT { " + relatedDeals(o, relationship, filter.variable("r"), x, filter) + " RETURN DISTINCT " + x
				+ " }";
	}

	/**
	 * Reads the rows {@code {organization, sortValues, beneath}} of a page read by
	 * {@link #relatedPageAt}; {@code beneath} is null when the rows have none.
	 */
	public static Connection<Answered<Organization>> relatedConnectionAt(Value rows, Page page, int total) {
		Keyset keyset = byName("x");
		List<Edge<Answered<Organization>>> edges = rows
			.asList((row) -> new Edge<>(keyset.cursor(row.get("sortValues")).encode(),
					new Answered<>(Organization.from(row.get("organization")), row.get("beneath"))));
		return Connection.of(edges, page, total);
	}

	/**
	 * Other parties {@code x} by name, then id: the order of every relationship list. The
	 * cursor names the keys, not the variable, so any {@code x} reads the same cursors.
	 */
	private static Keyset byName(String x) {
		return new Keyset(List.of(new SortKey("name", x + ".name", false, false, true)), x + ".id", false);
	}

	/**
	 * The statement of a relationship field for many organizations {@code o} at once: the
	 * other parties {@code x} of the row's deals {@code r} that stand in the filter's
	 * view, each once by name for a list, or the party of the latest deal that meets the
	 * field's condition.
	 */
	static String relatedStatement(Relationship relationship, CypherFilter filter) {
		return String.join("\n", "MATCH (o:" + DealStorage.ORGANIZATION + ") WHERE o.id IN $ids", "CALL (o) {",
				"  " + related("o", relationship, "r", "x", filter), "  RETURN collect(x {.*}) AS related", "}",
				"RETURN o.id AS id, related");
	}

	/**
	 * The other parties {@code x} of organization {@code o}'s deals {@code r} that make
	 * the relationship field, in the filter's view: each once by name for a list, at most
	 * {@link Relationship#LIST_LIMIT}, or the party of the latest deal that meets the
	 * field's condition. The lines of a subquery, ending on a {@code WITH x}.
	 */
	public static String related(String o, Relationship relationship, String r, String x, CypherFilter filter) {
		Relationship.Field field = relationship.field().orElseThrow();
		String deals = relatedDeals(o, relationship, r, x, filter);
		String chosen = field.latest() ? "WITH " + x + " ORDER BY " + DealStorage.latestFirst(r) + " LIMIT 1"
				: "WITH DISTINCT " + x + " ORDER BY " + x + ".name, " + x + ".id LIMIT "
						+ filter.parameter(Relationship.LIST_LIMIT);
		return deals + "\n  " + chosen;
	}

	/**
	 * The deals {@code r} of organization {@code o} that make the relationship field,
	 * standing in the filter's view, with their other party {@code x}: one MATCH line.
	 */
	private static String relatedDeals(String o, Relationship relationship, String r, String x, CypherFilter filter) {
		Relationship.Field field = relationship.field().orElseThrow();
		String standing = filter.standing(r);
		String condition = and(DealStorage.counted(relationship.counted(), r), filter.condition(field.condition(), r));
		return "MATCH " + DealStorage.pattern(o, relationship, r, x + ":" + DealStorage.ORGANIZATION) + " WHERE "
				+ standing + (condition.equals("true") ? "" : " AND " + condition);
	}

	/**
	 * Organization {@code o} as a map with the stored properties that these selected
	 * fields need, or all of them when {@code fields} is null.
	 */
	public static String projection(String o, @Nullable Collection<String> fields) {
		if (fields == null) {
			return o + " {.*}";
		}
		Set<String> properties = new TreeSet<>(ALWAYS_STORED);
		fields.stream().map((field) -> STORED.getOrDefault(field, List.of())).forEach(properties::addAll);
		return properties.stream().map((property) -> "." + property).collect(Collectors.joining(", ", o + " {", "}"));
	}

	/**
	 * A subquery that reads the facts of organization {@code o} into the column
	 * {@code column}, at most {@link #MAX_FACTS}.
	 */
	public static String facts(String o, String column, CypherFilter filter) {
		String f = filter.variable("f");
		String sourced = filter.factSourcedEnough(f);
		return FACTS.with("o", o)
			.with("f", f)
			.with("sourced", sourced.equals("true") ? "" : " WHERE " + sourced)
			.with("limit", filter.parameter(MAX_FACTS))
			.with("facts", column)
			.build();
	}

	/** The facts of many organizations in one statement, keyed by organization id. */
	public Map<String, List<Fact>> factsOf(Collection<String> ids, View view) {
		Map<String, List<Fact>> facts = new LinkedHashMap<>();
		ids.forEach((id) -> facts.put(id, new ArrayList<>()));
		var filter = new CypherFilter(view);
		String query = FACTS_OF.with("facts", facts("o", "facts", filter)).build();
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(ids));
		for (Record row : this.cypher.read(query, parameters)) {
			facts.get(row.get("organizationId").asString()).addAll(row.get("facts").asList(OrganizationQueries::fact));
		}
		return facts;
	}

	/** Reads a fact as {@link #facts} returns it. */
	public static Fact fact(Value f) {
		var source = new Source(f.get("sourceUrl").asString(null), f.get("sourceTitle").asString(null),
				f.get("sourcePublisher").asString(null), f.get("sourcePublishedOn").asString(null),
				f.get("sourceRetrievedOn").asString(null), f.get("sourceArchiveUrl").asString(null),
				f.get("sourceQuote").asString(null), Confidence.valueOf(f.get("confidence").asString()),
				f.get("sourceNote").asString(null));
		return new Fact(f.get("attribute").asString(), f.get("value").asString(), f.get("unit").asString(null),
				f.get("asOf").asString(null), source, f.get("note").asString(null));
	}

	private static String and(String one, String other) {
		return one.equals("true") ? other : other.equals("true") ? one : one + " AND " + other;
	}

}

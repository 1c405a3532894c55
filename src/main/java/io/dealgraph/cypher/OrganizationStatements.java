package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.OrganizationWhere;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.OrganizationStorage;
import io.dealgraph.graph.Relationship;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;

/**
 * The statements that read organizations and their facts, run by
 * {@code OrganizationQueries}, and the parts of them that the read compiler slots into
 * its own statements: an organization's projection, its facts, and the other parties of
 * its relationships.
 */
public final class OrganizationStatements {

	/**
	 * An id merged into another organization keeps answering, with the organization it
	 * became.
	 */
	private static final CypherText BY_ID = CypherText.of("""
			OPTIONAL MATCH (o:{{organization}} {id: {{id}}})
			OPTIONAL MATCH (:{{mergedId}} {id: {{id}}})-[:{{mergedInto}}]->(k:{{organization}})
			WITH coalesce(o, k) AS found
			WHERE found IS NOT NULL
			{{calls}}
			RETURN {{projection}} AS organization, {{answers}} AS beneath
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("mergedId", OrganizationStorage.MERGED_ID)
		.with("mergedInto", OrganizationStorage.MERGED_INTO);

	/**
	 * The facts of many organizations, at most {@link #MAX_FACTS} each, as the schema's
	 * {@code @listSize} states.
	 */
	private static final CypherText FACTS_OF = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:{{organization}} {id: organizationId})
			{{facts}}
			RETURN organizationId, facts
			""").with("organization", DealStorage.ORGANIZATION);

	/**
	 * The facts of organization {@code o} into column {@code facts}, in a stable order.
	 */
	private static final CypherText FACTS = CypherText.of("""
			CALL ({{o}}) {
			  MATCH ({{o}})-[:{{hasFact}}]->({{f}}:{{fact}}){{sourced}}
			  WITH {{f}} ORDER BY {{f}}.attribute, {{f}}.asOf, {{f}}.value, {{f}}.key
			  LIMIT {{limit}}
			  RETURN collect({{f}} {.*}) AS {{facts}}
			}""").with("hasFact", OrganizationStorage.HAS_FACT).with("fact", OrganizationStorage.FACT);

	/** How many facts of an organization are read at most. */
	public static final int MAX_FACTS = 100;

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

	/** What {@code Organization.from} needs whatever is selected. */
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
			  {{ordered}}
			  WITH o, {{sortValues}} AS sortValues
			  {{calls}}
			  RETURN collect({organization: {{projection}}, sortValues: sortValues, beneath: {{answers}}}) AS rows
			}
			RETURN total, rows
			""");

	/** The organizations the filter lets through, in order: the first {@code $limit}. */
	private static final CypherText FILTERED = CypherText.of("""
			{{matching}} AND {{after}}
			  WITH o ORDER BY {{orderBy}} LIMIT $limit""");

	/**
	 * How many organizations, in the page's order, a filter is first tried on, as a
	 * multiple of the page: see {@link #PROBED}.
	 */
	static final int PROBE_PAGES = 20;

	/**
	 * The first {@code $limit} organizations that a filter with no rare condition of its
	 * own ({@link CypherFilter#probes}) lets through, in order, by the cheaper of two
	 * plans. Its {@link CypherFilter#matching} costs what the filter's rare end reaches,
	 * or every organization of the kind, however few of them the page shows: at 100k
	 * deals "AI firms that are customers of miners financed by private equity" reach
	 * 4,024 AI firms to show 50 (160 ms). So the statement first reads a bounded prefix
	 * of all organizations in the page's order, from the name index, and tests the whole
	 * filter on each until a page is found ({@code probed}): the order the index gives is
	 * kept through the test, so the second sort is free and the read stops at the page's
	 * last answer (85 AI firms tested there, not 4,024). Only when that prefix holds
	 * fewer than a page of answers and does not run to the end of the order
	 * ({@code prefixFull}) does it run {@code matching} ({@code matched}). Exact either
	 * way: every answer lies in the order, so the first answers within a prefix of it are
	 * the first answers overall.
	 * <p>
	 * Each later step is guarded by an {@code UNWIND} of an empty or one-row list, not by
	 * {@code WITH * WHERE}: the planner moves such a filter above the step's first scan,
	 * which then reads every organization (20,000 at 100k deals) only to be dropped; an
	 * empty {@code UNWIND} runs nothing after it.
	 */
	private static final CypherText PROBED = CypherText.of("""
			CALL () {
			    MATCH (o:{{organization}}) WHERE {{probeAfter}}
			    WITH o ORDER BY {{orderBy}} LIMIT {{probe}}
			    WITH o WHERE {{whole}}
			    WITH o ORDER BY {{orderBy}} LIMIT $limit
			    RETURN collect(o) AS probed
			  }
			  CALL (probed) {
			    UNWIND CASE WHEN size(probed) < $limit THEN [true] ELSE [] END AS counting
			    MATCH (o:{{organization}}) WHERE {{probeAfter}}
			    WITH o LIMIT {{probe}}
			    RETURN count(o) = {{probe}} AS prefixFull
			  }
			  CALL (probed, prefixFull) {
			    UNWIND CASE WHEN size(probed) < $limit AND prefixFull THEN [true] ELSE [] END AS fallingBack
			    {{matching}} AND {{after}}
			    WITH o ORDER BY {{orderBy}} LIMIT $limit
			    RETURN collect(o) AS matched
			  }
			  UNWIND CASE WHEN size(probed) = $limit OR NOT prefixFull THEN probed ELSE matched END AS o
			  WITH o ORDER BY {{orderBy}}""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("probe", PROBE_PAGES + " * $limit");

	/**
	 * Every organization after an id, in id order, a page at a time: the dump reads the
	 * graph by these, each page a statement the unique index on {@code id} serves. Reads
	 * {@code $after} and {@code $limit}; returns {@code organization} (its stored
	 * properties).
	 */
	public static final String EVERY_AFTER = CypherText.of("""
			MATCH (o:{{organization}})
			WHERE o.id > $after
			WITH o ORDER BY o.id LIMIT $limit
			RETURN o {.*} AS organization
			""").with("organization", DealStorage.ORGANIZATION).build();

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
	 * organizations whose name or aliases match its words (as {@link #search}), or whose
	 * id is its text, of the kinds it allows, best first. The index gives at most
	 * {@code $read} hits per query, before the kinds are applied. Reads {@code $queries}
	 * (each {@code {name, lucene, exact, key, kinds, limit}}) and {@code $read}; returns
	 * per query {@code name}, {@code candidates} (each {@code {organization, exact}}) and
	 * {@code exactHits}.
	 */
	public static final String CANDIDATES = CypherText.of("""
			UNWIND $queries AS q
			CALL (q) {
			  CALL db.index.fulltext.queryNodes('organization_names', q.lucene, {limit: $read}) YIELD node, score
			  RETURN node, score
			  UNION
			  MATCH (node:{{organization}} {id: q.key})
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
			""").with("organization", DealStorage.ORGANIZATION).build();

	/**
	 * Whether something has an id: for a readable key given to {@code node(id:)}. Reads
	 * {@code $id}; returns {@code holds}.
	 */
	public static final String HOLDS = CypherText.of("""
			RETURN EXISTS { MATCH (:{{organization}} {id: $id}) } OR EXISTS { MATCH (:{{mergedId}} {id: $id}) } AS holds
			""").with("organization", DealStorage.ORGANIZATION).with("mergedId", OrganizationStorage.MERGED_ID).build();

	/**
	 * A page of the other parties {@code x} of a list relationship, for many
	 * organizations {@code o} at once, with their total when asked for (see
	 * {@link #relatedPageAt}).
	 */
	private static final CypherText RELATED_PAGE = CypherText.of("""
			UNWIND $ids AS organizationId
			MATCH (o:{{organization}} {id: organizationId})
			CALL (o) {
			  {{page}}
			  RETURN collect({organization: x {.*}, sortValues: {{sortValues}}}) AS rows
			}
			RETURN organizationId, rows, {{total}} AS total
			""").with("organization", DealStorage.ORGANIZATION);

	/**
	 * The order of every relationship list (see {@link #relatedPageAt}), for reading its
	 * cursors.
	 */
	public static final Keyset RELATED_ORDER = byName("x");

	private OrganizationStatements() {
	}

	/**
	 * An ordering of organizations, as the API's {@code OrganizationOrder} asks for it.
	 *
	 * @param byId whether by id, else by name
	 * @param descending whether descending
	 */
	public record Order(boolean byId, boolean descending) {
	}

	/**
	 * The organization with id {@code id}, or the one it was merged into, with what
	 * {@code beneath} reads beneath it. Reads the filter's parameters (the id among
	 * them); returns {@code organization} and {@code beneath}.
	 */
	public static String byId(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		String idParameter = filter.parameter(id);
		Beneath parts = beneath.apply("found");
		return BY_ID.with("id", idParameter)
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * Organization {@code o} with its stored properties and nothing beneath: for a
	 * preview or a page.
	 */
	public static Beneath storedOnly(String o) {
		return new Beneath(o + " {.*}", "", "null");
	}

	/**
	 * The organizations' keyset in the orders asked for, by name ascending when none is.
	 * The id ends every ordering; keys after an explicit ID order could never decide
	 * anything.
	 */
	public static Keyset keyset(List<Order> orderBy) {
		List<Order> orders = orderBy.isEmpty() ? List.of(new Order(false, false)) : orderBy;
		List<SortKey> keys = new ArrayList<>();
		for (Order order : orders) {
			if (order.byId()) {
				return new Keyset(keys, "o.id", order.descending());
			}
			keys.add(new SortKey("name", "o.name", false, order.descending(), true));
		}
		return new Keyset(keys, "o.id", false);
	}

	/**
	 * One page of the organizations {@code o} that {@code where} lets through, in
	 * {@code keyset}'s order after {@code cursor}, each with what {@code beneath} reads
	 * beneath it, and their total when asked for. Reads {@code $limit} and the filter's
	 * parameters; returns {@code total} (-1 when not asked for) and {@code rows} (each
	 * {@code {organization, sortValues, beneath}}).
	 */
	public static String page(@Nullable OrganizationWhere where, Keyset keyset, @Nullable String cursor,
			boolean withTotal, CypherFilter filter, Function<String, Beneath> beneath) {
		String matching = filter.matching(where, "o");
		Beneath parts = ShownRows.of(beneath.apply("o"), List.of("o", "sortValues"), "$limit - 1", filter);
		// The total costs a second pass over the filter: only when asked for.
		String total = withTotal ? "CALL () { " + matching + " RETURN count(o) AS total }" : Keyset.NO_TOTAL;
		String orderBy = keyset.orderBy(filter::parameter);
		String ordered = filter.probes(where)
				? PROBED.with("probeAfter", keyset.after(cursor, filter::parameter))
					.with("whole", filter.organization(where, "o"))
					.with("matching", matching)
					.with("after", keyset.after(cursor, filter::parameter))
					.with("orderBy", orderBy)
					.build()
				: FILTERED.with("matching", matching)
					.with("after", keyset.after(cursor, filter::parameter))
					.with("orderBy", orderBy)
					.build();
		return PAGE.with("total", total)
			.with("ordered", ordered)
			.with("sortValues", keyset.sortValues(filter::parameter))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * Organizations whose name or aliases match the Lucene query {@code lucene}, typos
	 * tolerated, those whose name or an alias is {@code exact} first, at most
	 * {@code first}, each with what {@code beneath} reads beneath it. Reads the filter's
	 * parameters (these values among them); returns {@code organization} and
	 * {@code beneath}.
	 */
	public static String search(String lucene, String exact, int first, CypherFilter filter,
			Function<String, Beneath> beneath) {
		Beneath parts = beneath.apply("node");
		return SEARCH.with("query", filter.parameter(lucene))
			.with("exact", filter.parameter(exact))
			.with("first", filter.parameter(first))
			.with("projection", parts.projection())
			.with("calls", parts.calls())
			.with("answers", parts.answers())
			.build();
	}

	/**
	 * Pages of the other parties of a list relationship, for many organizations at once:
	 * all of them, where the list field stops at {@link Relationship#LIST_LIMIT}. Reads
	 * {@code $ids} and the filter's parameters; returns {@code organizationId},
	 * {@code rows} (each {@code {organization, sortValues}}) and {@code total} (-1 when
	 * not asked for).
	 */
	public static String relatedPagesOfOrganizations(Relationship relationship, Page page, boolean withTotal,
			CypherFilter filter) {
		return RELATED_PAGE.with("page", relatedPageAt("o", relationship, "r", "x", page, filter))
			.with("sortValues", relatedSortValuesAt("x", filter))
			.with("total", withTotal ? relatedTotalAt("o", relationship, filter) : "-1")
			.build();
	}

	/**
	 * Refuses a page of a relationship connection whose cursor {@link #relatedPageAt}
	 * would not read.
	 * @throws io.dealgraph.errors.ApiException BAD_REQUEST for a cursor of another
	 * ordering
	 */
	public static void checkRelatedPageAt(Page page) {
		byName("x").check(page);
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
		return relatedDealsAt(o, relationship, r, x, filter) + "\n  WITH DISTINCT " + x + "\n  WHERE "
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
		return "COUNT { " + relatedDealsAt(o, relationship, filter.variable("r"), x, filter) + " RETURN DISTINCT " + x
				+ " }";
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
	 * field's condition. Reads {@code $ids} and the filter's parameters; returns
	 * {@code id} and {@code related} (the parties' stored properties).
	 */
	public static String relatedOfOrganizations(Relationship relationship, CypherFilter filter) {
		return String.join("\n", "MATCH (o:" + DealStorage.ORGANIZATION + ") WHERE o.id IN $ids", "CALL (o) {",
				"  " + relatedAt("o", relationship, "r", "x", filter), "  RETURN collect(x {.*}) AS related", "}",
				"RETURN o.id AS id, related");
	}

	/**
	 * The other parties {@code x} of organization {@code o}'s deals {@code r} that make
	 * the relationship field, in the filter's view: each once by name for a list, at most
	 * {@link Relationship#LIST_LIMIT}, or the party of the latest deal that meets the
	 * field's condition. The lines of a subquery, ending on a {@code WITH x}.
	 */
	public static String relatedAt(String o, Relationship relationship, String r, String x, CypherFilter filter) {
		Relationship.Field field = relationship.field().orElseThrow();
		String deals = relatedDealsAt(o, relationship, r, x, filter);
		String chosen = field.latest() ? "WITH " + x + " ORDER BY " + DealStorage.latestFirst(r) + " LIMIT 1"
				: "WITH DISTINCT " + x + " ORDER BY " + x + ".name, " + x + ".id LIMIT "
						+ filter.parameter(Relationship.LIST_LIMIT);
		return deals + "\n  " + chosen;
	}

	/**
	 * The deals {@code r} of organization {@code o} that make the relationship field,
	 * standing in the filter's view, with their other party {@code x}: one MATCH line.
	 */
	private static String relatedDealsAt(String o, Relationship relationship, String r, String x, CypherFilter filter) {
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
	 * {@code column}, at most {@link #MAX_FACTS}, each a map of the fact's stored
	 * properties.
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

	/**
	 * The facts of many organizations in one statement. Reads {@code $ids} and the
	 * filter's parameters; returns {@code organizationId} and {@code facts} (see
	 * {@link #facts}).
	 */
	public static String factsOf(CypherFilter filter) {
		return FACTS_OF.with("facts", facts("o", "facts", filter)).build();
	}

	private static String and(String one, String other) {
		return one.equals("true") ? other : other.equals("true") ? one : one + " AND " + other;
	}

}

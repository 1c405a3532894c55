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
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.filter.OrganizationWhere;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.cypher.Keyset;
import io.dealgraph.cypher.PageStatement;
import io.dealgraph.cypher.Statement;
import io.dealgraph.paging.Page;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Repository;

/**
 * Reads organizations and their facts, with the statements of
 * {@link OrganizationStatements}.
 */
@Repository
public class OrganizationQueries {

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

	private final CypherExecutor cypher;

	OrganizationQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	/**
	 * Whether an organization has this id, or had it before it was merged into another:
	 * as {@link #byId} finds it.
	 */
	public boolean holds(String id) {
		return this.cypher.read(OrganizationStatements.HOLDS, Map.of("id", id), (row) -> row.get("holds").asBoolean())
			.getFirst();
	}

	/**
	 * Up to {@code limit} organizations whose ids sort after {@code after} ("" for the
	 * first), in id order: a page of the dump.
	 */
	public List<Organization> everyAfter(String after, int limit) {
		return this.cypher.read(OrganizationStatements.EVERY_AFTER, Map.of("after", after, "limit", limit),
				(row) -> Organization.from(row.get("organization")));
	}

	/**
	 * The organization with this id, or the one it was merged into, with what
	 * {@code beneath} reads beneath it.
	 * @param filter the statement's names and parameters, shared with {@code beneath}
	 */
	public Optional<Answered<Organization>> byId(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		return byId(byIdStatement(id, filter, beneath));
	}

	/** What {@link #byIdStatement} built, sent. */
	public Optional<Answered<Organization>> byId(Statement statement) {
		return this.cypher
			.read(statement.query(), statement.parameters(),
					(r) -> new Answered<>(Organization.from(r.get("organization")), r.get("beneath")))
			.stream()
			.findFirst();
	}

	/**
	 * The statement of {@link #byId(String, CypherFilter, Function)}, to keep and send
	 * again.
	 */
	public static Statement byIdStatement(String id, CypherFilter filter, Function<String, Beneath> beneath) {
		return Statement.of(OrganizationStatements.byId(id, filter, beneath), filter);
	}

	/**
	 * The organization with this id, or the one it was merged into, with its stored
	 * properties and nothing beneath: for a preview or a page.
	 */
	public Optional<Organization> byId(String id) {
		return byId(id, new CypherFilter(), OrganizationStatements::storedOnly).map(Answered::value);
	}

	/** What {@link #pageStatement} built for {@code page}, sent. */
	public Connection<Answered<Organization>> page(PageStatement statement, Page page, boolean withTotal) {
		Record row = this.cypher.read(statement.statement().query(), statement.statement().parameters()).getFirst();
		List<Edge<Answered<Organization>>> edges = row.get("rows")
			.asList((r) -> new Edge<>(statement.keyset().cursor(r.get("sortValues")).encode(),
					new Answered<>(Organization.from(r.get("organization")), r.get("beneath"))));
		return Connection.of(edges, page, withTotal ? row.get("total").asInt() : -1);
	}

	/**
	 * The statement of one page of organizations, each with what {@code beneath} reads
	 * beneath it, with its parameters and the keyset that reads its cursors; the
	 * benchmark {@code EXPLAIN}s it.
	 * @param filter the statement's view, names and parameters, shared with
	 * {@code beneath}
	 */
	public static PageStatement pageStatement(@Nullable OrganizationWhere where, List<OrganizationOrder> orderBy,
			Page page, boolean withTotal, CypherFilter filter, Function<String, Beneath> beneath) {
		Keyset keyset = OrganizationStatements
			.keyset(orderBy.stream()
				.map((order) -> new OrganizationStatements.Order(order.field() == OrganizationOrder.Field.ID,
						order.descending()))
				.toList())
			.reading(page);
		String query = OrganizationStatements.page(where, keyset, page.cursor(), withTotal, filter, beneath);
		return new PageStatement(Statement.of(query, filter).with("limit", page.fetchSize()), keyset);
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
		String query = OrganizationStatements.search(lucene, text.strip().toLowerCase(Locale.ROOT), first, filter,
				beneath);
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
		for (Record row : this.cypher.read(OrganizationStatements.CANDIDATES,
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
	 * The related organizations of many organizations through one kind of relationship,
	 * keyed by organization id.
	 */
	Map<String, List<Organization>> relatedOf(Relationship relationship, Collection<String> ids, View view) {
		var filter = new CypherFilter(view);
		String statement = OrganizationStatements.relatedOfOrganizations(relationship, filter);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(ids));
		Map<String, List<Organization>> related = new HashMap<>();
		for (Record row : this.cypher.read(statement, parameters)) {
			related.put(row.get("id").asString(), row.get("related").asList(Organization::from));
		}
		return related;
	}

	/**
	 * Pages of the other parties of a list relationship, keyed by organization id: all of
	 * them, where the list field stops at {@link Relationship#LIST_LIMIT}.
	 */
	Map<String, Connection<Organization>> relatedPagesOf(Relationship relationship, Collection<String> ids, Page page,
			boolean withTotal, View view) {
		var filter = new CypherFilter(view);
		String query = OrganizationStatements.relatedPagesOfOrganizations(relationship, page, withTotal, filter);
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
	 * Reads the rows {@code {organization, sortValues, beneath}} of a page read by
	 * {@link OrganizationStatements#relatedPageAt}; {@code beneath} is null when the rows
	 * have none.
	 */
	public static Connection<Answered<Organization>> relatedConnectionAt(Value rows, Page page, int total) {
		Keyset keyset = OrganizationStatements.RELATED_ORDER;
		List<Edge<Answered<Organization>>> edges = rows
			.asList((row) -> new Edge<>(keyset.cursor(row.get("sortValues")).encode(),
					new Answered<>(Organization.from(row.get("organization")), row.get("beneath"))));
		return Connection.of(edges, page, total);
	}

	/** The facts of many organizations in one statement, keyed by organization id. */
	public Map<String, List<Fact>> factsOf(Collection<String> ids, View view) {
		Map<String, List<Fact>> facts = new LinkedHashMap<>();
		ids.forEach((id) -> facts.put(id, new ArrayList<>()));
		var filter = new CypherFilter(view);
		String query = OrganizationStatements.factsOf(filter);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("ids", List.copyOf(ids));
		for (Record row : this.cypher.read(query, parameters)) {
			facts.get(row.get("organizationId").asString()).addAll(row.get("facts").asList(OrganizationQueries::fact));
		}
		return facts;
	}

	/** Reads a fact as {@link OrganizationStatements#facts} returns it. */
	public static Fact fact(Value f) {
		var source = new Source(f.get("sourceUrl").asString(null), f.get("sourceTitle").asString(null),
				f.get("sourcePublisher").asString(null), f.get("sourcePublishedOn").asString(null),
				f.get("sourceRetrievedOn").asString(null), f.get("sourceArchiveUrl").asString(null),
				f.get("sourceQuote").asString(null), Confidence.valueOf(f.get("confidence").asString()),
				f.get("sourceNote").asString(null));
		return new Fact(f.get("attribute").asString(), f.get("value").asString(), f.get("unit").asString(null),
				f.get("asOf").asString(null), source, f.get("note").asString(null));
	}

}

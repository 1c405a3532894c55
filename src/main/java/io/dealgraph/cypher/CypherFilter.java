package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.filter.OrganizationWhere;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.End;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.source.Confidence;

/**
 * Compiles {@link OrganizationWhere} and {@link DealWhere} into one Cypher predicate, so
 * a nested filter costs one statement and uses the indexes. Relationship filters become
 * {@code EXISTS} subqueries; kinds become labels; every value becomes a parameter. Only
 * fixed text from enums reaches the query.
 *
 * <p>
 * One instance builds one statement: it hands out fresh variable and parameter names.
 */
public final class CypherFilter {

	/**
	 * How deep filters may nest; deeper ones are refused rather than compiled into a huge
	 * query.
	 */
	static final int MAX_DEPTH = 10;

	private final Map<String, Object> parameters = new HashMap<>();

	private final @Nullable String asOfKey;

	private final @Nullable List<String> accepted;

	private final @Nullable Confidence minConfidence;

	private final View view;

	private @Nullable String asOfParameter;

	private int names;

	/** A filter over the whole graph as it is now. */
	public CypherFilter() {
		this(View.NOW);
	}

	/**
	 * A filter over the graph as the view sees it: for an as-of view, every deal it looks
	 * at, at any depth, must have been announced by then and not have ended by then.
	 */
	public CypherFilter(View view) {
		this.view = view;
		this.asOfKey = view.asOfKey();
		this.accepted = view.acceptedConfidences();
		this.minConfidence = view.minConfidence();
	}

	/** The view this filter reads the graph in. */
	public View view() {
		return this.view;
	}

	/**
	 * The condition every deal read must meet: not retracted and, for an as-of filter,
	 * standing on that date.
	 */
	String standing(String deal) {
		String asOf = asOf();
		String standing = (asOf != null) ? DealStorage.standingOn(deal, asOf) : DealStorage.visible(deal);
		String sourced = sourcedEnough(deal);
		return sourced.equals("true") ? standing : "(" + standing + " AND " + sourced + ")";
	}

	/**
	 * The view's evidence threshold on deal {@code deal}: a source of at least the view's
	 * confidence; {@code true} when the view has none.
	 */
	String sourcedEnough(String deal) {
		return (this.accepted != null) ? DealStorage.sourcedAtLeast(deal, parameter(this.accepted)) : "true";
	}

	/**
	 * The property of organization {@code node} that lists the values of
	 * {@code classification} claimed at the view's evidence threshold.
	 */
	String claimed(Classification classification, String node) {
		return node + "." + classification.property(this.minConfidence);
	}

	/**
	 * The view's evidence threshold on fact {@code fact}: its own confidence;
	 * {@code true} when the view has none.
	 */
	String factSourcedEnough(String fact) {
		return (this.accepted != null) ? fact + ".confidence IN " + parameter(this.accepted) : "true";
	}

	/** The condition a relationship field puts on its deals, in this view. */
	String condition(Relationship.Condition condition, String deal) {
		return DealStorage.condition(condition, deal, asOf());
	}

	/**
	 * The parameter holding the last key of the view's as-of date, such as {@code $p1},
	 * one per statement; null for the graph as it is now.
	 */
	public @Nullable String asOf() {
		if (this.asOfKey != null && this.asOfParameter == null) {
			this.asOfParameter = parameter(this.asOfKey);
		}
		return this.asOfParameter;
	}

	/** The parameters of every predicate built so far. */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/** Adds a parameter and returns its reference, e.g. {@code $p3}. */
	String parameter(@Nullable Object value) {
		String name = "p" + (++this.names);
		this.parameters.put(name, value);
		return "$" + name;
	}

	/**
	 * A fresh Cypher variable such as {@code r7}, unique in the statement, for parts
	 * built beside the filter's own.
	 */
	public String variable(String stem) {
		return stem + (++this.names);
	}

	/**
	 * The predicate for organization variable {@code node}; {@code true} when there is no
	 * filter.
	 */
	public String organization(@Nullable OrganizationWhere where, String node) {
		return organization(where, node, 1, false, null);
	}

	/**
	 * The predicate for deal {@code deal} between {@code from} and {@code to}, including
	 * the as-of condition.
	 */
	public String deal(@Nullable DealWhere where, String deal, String from, String to) {
		return and(List.of(standing(deal), deal(where, deal, from, to, 1, false)));
	}

	/**
	 * The predicate for deal {@code deal} whatever its standing, retracted or ended: for
	 * events, where a retraction is itself the news.
	 */
	String dealWhateverItsStanding(@Nullable DealWhere where, String deal, String from, String to) {
		return deal(where, deal, from, to, 1, false);
	}

	/**
	 * As {@link #deal(DealWhere, String, String, String)}, for a statement that matches
	 * {@code deal} by the labels of {@link DealWhere#typesAllowedBy}: the filter's own
	 * {@code type} and {@code typeIn} are left out when some type is allowed, since the
	 * labels matched already say it, and a test of each deal's label again costs a read
	 * per deal.
	 */
	public String dealOfMatchedTypes(@Nullable DealWhere where, String deal, String from, String to) {
		return and(List.of(standing(deal), deal(where, deal, from, to, 1, DealWhere.allowsSomeType(where))));
	}

	/**
	 * {@code viaAllowed} is true only for the filter directly under a relationship
	 * filter, the one place where there is a deal for {@code via} to filter.
	 * {@code walked}, when given, is a relationship of {@code where} that the statement
	 * has already established for {@code node} (see {@link #matching}): its filter is
	 * left out.
	 */
	private String organization(@Nullable OrganizationWhere where, String node, int depth, boolean viaAllowed,
			@Nullable Relationship walked) {
		if (where == null) {
			return "true";
		}
		checkDepth(depth);
		if (where.via() != null && !viaAllowed) {
			throw ApiException.badRequest("'via' filters the deal of a relationship filter such as financedBy, "
					+ "so it goes directly inside one: {financedBy: {via: {...}}}.");
		}
		List<String> all = new ArrayList<>(rare(where, node));
		if (where.nameContains() != null) {
			all.add("toLower(" + node + ".name) CONTAINS toLower(" + parameter(where.nameContains()) + ")");
		}
		if (where.kind() != null) {
			all.add(node + ":" + where.kind().typeName());
		}
		if (where.kindIn() != null) {
			all.add(where.kindIn().isEmpty() ? "false"
					: where.kindIn()
						.stream()
						.map((kind) -> node + ":" + kind.typeName())
						.collect(Collectors.joining(" OR ", "(", ")")));
		}
		if (where.country() != null) {
			all.add(node + ".country = " + parameter(where.country()));
		}
		if (where.hasKind() != null) {
			all.add("(" + node + ":" + where.hasKind().typeName() + " OR " + parameter(where.hasKind().name()) + " IN "
					+ claimed(Classification.KIND, node) + ")");
		}
		for (Relationship relationship : Relationship.values()) {
			OrganizationWhere other = where.filterOf(relationship);
			if (other != null && relationship != walked) {
				all.add(related(relationship, other, node, depth));
			}
		}
		combine(all, where.AND(), where.OR(), where.NOT(), (w, d) -> organization(w, node, d, false, null), depth);
		return and(all);
	}

	/**
	 * The conditions of {@code where} that few organizations meet, whatever the graph's
	 * size: an id, a list of ids, an exact name (each served by an index) and an investor
	 * type (a fraction of the investors). A filter can start from them.
	 */
	private List<String> rare(OrganizationWhere where, String node) {
		return rare(where, node, this::parameter, this.minConfidence);
	}

	/**
	 * As {@link #rare(OrganizationWhere, String)}, with parameters named by
	 * {@code parameter}.
	 */
	private static List<String> rare(OrganizationWhere where, String node, Function<Object, String> parameter,
			@Nullable Confidence minConfidence) {
		List<String> all = new ArrayList<>();
		if (where.id() != null) {
			all.add(node + ".id = " + parameter.apply(where.id()));
		}
		if (where.idIn() != null) {
			all.add(node + ".id IN " + parameter.apply(where.idIn()));
		}
		if (where.name() != null) {
			all.add(node + ".name = " + parameter.apply(where.name()));
		}
		if (where.investorType() != null) {
			all.add(parameter.apply(where.investorType().name()) + " IN " + node + "."
					+ Classification.INVESTOR_TYPE.property(minConfidence));
		}
		return all;
	}

	/**
	 * The organizations {@code node} that {@code where} lets through: the start of a
	 * statement over them, up to and including its {@code WHERE}, which a caller may
	 * extend with {@code AND}. The rule: when {@code where} names no rare condition
	 * ({@link #rare}) of its own but a chain of its relationship filters ends in one,
	 * such as {@code customerOf: {financedBy: {investorType: PRIVATE_EQUITY}}}, the
	 * statement starts from the organizations that meet the last filter of the chain and
	 * walks the chain back, one relationship at a time with duplicates removed; each step
	 * checks the deal as the relationship filter would, then the rest of that level's
	 * filter once on each organization it reaches, so what the walk ends on is the
	 * answer, exactly. Otherwise the statement starts from every organization and checks
	 * the whole filter on each. Conditions under AND, OR and NOT never start a walk. A
	 * page whose filter names no rare condition of its own tries it on a prefix of its
	 * order first ({@link #probes}), so this runs only when that prefix falls short.
	 */
	public String matching(@Nullable OrganizationWhere where, String node) {
		List<Map.Entry<Relationship, OrganizationWhere>> chain = chain(where);
		if (chain == null) {
			return "MATCH (" + node + ":" + DealStorage.ORGANIZATION + ") WHERE " + organization(where, node);
		}
		List<String> clauses = new ArrayList<>();
		String reached = variable("rare");
		int depth = chain.size() + 1;
		clauses.add("MATCH (" + reached + ":" + DealStorage.ORGANIZATION + ") WHERE "
				+ organization(chain.getLast().getValue(), reached, depth, true, null));
		for (int i = chain.size() - 1; i >= 0; i--) {
			depth--;
			Relationship relationship = chain.get(i).getKey();
			OrganizationWhere other = chain.get(i).getValue();
			OrganizationWhere subject = (i == 0) ? where : chain.get(i - 1).getValue();
			String next = (i == 0) ? node : variable("step");
			String deal = variable("d");
			String match = "MATCH "
					+ DealStorage.pattern(next + ":" + DealStorage.ORGANIZATION, relationship, deal, reached);
			String from = (relationship.subject() == End.TO) ? reached : next;
			String to = (relationship.subject() == End.TO) ? next : reached;
			if (relationship.subject() == End.EITHER && other.via() != null) {
				from = variable("f");
				to = variable("t");
				match += " MATCH " + DealStorage.partiesOf(from, deal, to);
			}
			String counted = DealWhere.widens(other.via(), relationship.counted()) ? "true"
					: DealStorage.counted(relationship.counted(), deal);
			clauses.add(match + " WHERE "
					+ and(List.of(standing(deal), counted, deal(other.via(), deal, from, to, depth + 1, false))));
			// Each organization reached is checked once, whatever number of deals led to
			// it.
			clauses.add("WITH DISTINCT " + next + " WHERE " + organization(subject, next, depth, i > 0, relationship));
			reached = next;
		}
		return String.join("\n", clauses);
	}

	/**
	 * Whether a page of {@code where} is first tried on a prefix of the page's order
	 * before {@link #matching} runs: whenever it filters at all but names no rare
	 * condition of its own ({@link #rare}), which an index finds directly. A filter that
	 * lets many through then costs about a page's worth of reads in index order, where
	 * the planner, left to itself, may seek an index that the filter barely narrows (the
	 * country index for "US miners" at 100k deals: 11,355 db hits for a page of 20,
	 * against 886 in name order) or scan every organization of a kind for a nested
	 * filter; one that lets few through costs the bounded prefix more.
	 */
	public boolean probes(@Nullable OrganizationWhere where) {
		return where != null && !hasRare(where);
	}

	private static @Nullable List<Map.Entry<Relationship, OrganizationWhere>> chain(@Nullable OrganizationWhere where) {
		return (where == null || hasRare(where)) ? null : chainToRare(where, 1);
	}

	/**
	 * The relationship filters from {@code where} down to the first filter with a rare
	 * condition, each with the filter it applies to the other party; null when none leads
	 * to one.
	 */
	private static @Nullable List<Map.Entry<Relationship, OrganizationWhere>> chainToRare(OrganizationWhere where,
			int depth) {
		if (depth > MAX_DEPTH) {
			return null;
		}
		for (Relationship relationship : Relationship.values()) {
			OrganizationWhere other = where.filterOf(relationship);
			if (other == null) {
				continue;
			}
			List<Map.Entry<Relationship, OrganizationWhere>> chain = new ArrayList<>();
			chain.add(Map.entry(relationship, other));
			if (hasRare(other)) {
				return chain;
			}
			List<Map.Entry<Relationship, OrganizationWhere>> rest = chainToRare(other, depth + 1);
			if (rest != null) {
				chain.addAll(rest);
				return chain;
			}
		}
		return null;
	}

	private static boolean hasRare(OrganizationWhere where) {
		return !rare(where, "o", (value) -> "$unused", null).isEmpty();
	}

	private String related(Relationship relationship, OrganizationWhere other, String self, int depth) {
		String otherNode = "o" + (++this.names);
		String deal = "d" + (++this.names);
		String match = "MATCH "
				+ DealStorage.pattern(self, relationship, deal, otherNode + ":" + DealStorage.ORGANIZATION);
		String from = (relationship.subject() == End.TO) ? otherNode : self;
		String to = (relationship.subject() == End.TO) ? self : otherNode;
		if (relationship.subject() == End.EITHER && other.via() != null) {
			// Either party may be the deal's from: bind its real ends for via's from/to
			// filters.
			from = "f" + (++this.names);
			to = "t" + (++this.names);
			match += " MATCH " + DealStorage.partiesOf(from, deal, to);
		}
		String counted = DealWhere.widens(other.via(), relationship.counted()) ? "true"
				: DealStorage.counted(relationship.counted(), deal);
		String predicate = and(List.of(standing(deal), counted, organization(other, otherNode, depth + 1, true, null),
				deal(other.via(), deal, from, to, depth + 1, false)));
		return "EXISTS { " + match + " WHERE " + predicate + " }";
	}

	/**
	 * {@code typesMatched}: the statement matched only the types this filter allows, so
	 * its own type conditions need no test.
	 */
	private String deal(@Nullable DealWhere where, String deal, String from, String to, int depth,
			boolean typesMatched) {
		if (where == null) {
			return "true";
		}
		checkDepth(depth);
		List<String> all = new ArrayList<>();
		if (where.type() != null && !typesMatched) {
			all.add(DealStorage.isOfType(deal, Set.of(where.type())));
		}
		if (where.typeIn() != null && !typesMatched) {
			all.add(DealStorage.isOfType(deal, where.typeIn()));
		}
		if (where.status() != null) {
			all.add(DealStorage.status(deal, asOf()) + " = " + parameter(where.status().name()));
		}
		if (where.statusIn() != null) {
			all.add(DealStorage.status(deal, asOf()) + " IN "
					+ parameter(where.statusIn().stream().map(Enum::name).toList()));
		}
		if (where.announcedFrom() != null) {
			all.add(DealStorage.property(deal, DealStorage.ANNOUNCED_KEY) + " >= "
					+ parameter(PartialDateKeys.sortKey(where.announcedFrom())));
		}
		if (where.announcedTo() != null) {
			all.add(DealStorage.property(deal, DealStorage.ANNOUNCED_KEY) + " <= "
					+ parameter(PartialDateKeys.lastSortKey(where.announcedTo())));
		}
		if (where.amountUsdMin() != null) {
			all.add(DealStorage.property(deal, DealStorage.AMOUNT_USD) + " >= " + parameter(where.amountUsdMin()));
		}
		if (where.amountUsdMax() != null) {
			all.add(DealStorage.property(deal, DealStorage.AMOUNT_USD) + " <= " + parameter(where.amountUsdMax()));
		}
		if (where.from() != null) {
			all.add(organization(where.from(), from, depth + 1, false, null));
		}
		if (where.to() != null) {
			all.add(organization(where.to(), to, depth + 1, false, null));
		}
		if (where.role() != null) {
			all.add(DealStorage.property(deal, DealStorage.ROLE) + " = " + parameter(where.role().name()));
		}
		if (where.roleIn() != null) {
			all.add(DealStorage.property(deal, DealStorage.ROLE) + " IN "
					+ parameter(where.roleIn().stream().map(Enum::name).toList()));
		}
		if (where.scope() != null) {
			all.add(DealStorage.property(deal, DealStorage.SCOPE) + " = " + parameter(where.scope().name()));
		}
		if (where.scopeIn() != null) {
			all.add(DealStorage.property(deal, DealStorage.SCOPE) + " IN "
					+ parameter(where.scopeIn().stream().map(Enum::name).toList()));
		}
		if (where.sourceConfidence() != null) {
			all.add(DealStorage.sourcedAtLeast(deal,
					parameter(where.sourceConfidence().andAbove().stream().map(Enum::name).toList())));
		}
		combine(all, where.AND(), where.OR(), where.NOT(), (w, d) -> deal(w, deal, from, to, d, false), depth);
		return and(all);
	}

	private static <W> void combine(List<String> all, @Nullable List<W> and, @Nullable List<W> or, @Nullable W not,
			BiFunction<W, Integer, String> compile, int depth) {
		if (and != null) {
			and.forEach((w) -> all.add(compile.apply(w, depth + 1)));
		}
		if (or != null) {
			all.add(or.isEmpty() ? "false"
					: or.stream()
						.map((w) -> compile.apply(w, depth + 1))
						.collect(Collectors.joining(" OR ", "(", ")")));
		}
		if (not != null) {
			all.add("NOT (" + compile.apply(not, depth + 1) + ")");
		}
	}

	private static String and(List<String> predicates) {
		List<String> real = predicates.stream().filter((p) -> !p.equals("true")).toList();
		if (real.isEmpty()) {
			return "true";
		}
		return (real.size() == 1) ? real.getFirst() : real.stream().collect(Collectors.joining(" AND ", "(", ")"));
	}

	private static void checkDepth(int depth) {
		if (depth > MAX_DEPTH) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "Filters nest at most " + MAX_DEPTH + " levels deep.");
		}
	}

}

package io.dealgraph.cypher;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;

/**
 * The traversals' statements: each one bounded Cypher statement with a hop cap, never an
 * unbounded variable-length match. Deal patterns come from the graph model; hop counts
 * and path counts are spliced in only as checked integers.
 */
public final class NetworkStatements {

	/**
	 * The paths between two organizations, found in one statement: the first
	 * {@code $first} paths of at most as many deals as there are {@code {{steps}}}, by
	 * number of deals, then the ids of their organizations, then of their deals, each
	 * organization and deal on them once with what is read beneath it
	 * ({@code {{parts}}}).
	 *
	 * <p>
	 * {@code {{shortest}}} is empty for a directed search; undirected, it is
	 * {@code allShortestPaths}, which searches from both ends at once, testing each
	 * node's condition as it goes, and stops at the shortest length: a pair of hubs costs
	 * milliseconds (BENCHMARKS.md, "Paths at a million deals"). When that length has
	 * {@code $first} paths the search below is skipped.
	 *
	 * <p>
	 * Otherwise the search runs from both ends at once, one {@code {{steps}}} block per
	 * deal a path may have (see {@link #SEARCH_STEP}). A path is a list of nodes,
	 * organization, deal, organization; the start's side keeps its partial paths from
	 * {@code a}, the end's side its partial paths from {@code b} backwards, each only its
	 * longest ones, which are all a later step or join reads. {@code spent} counts the
	 * partial paths made and the pairs joined, against {@code $bound}; {@code done} skips
	 * every block after the search stopped, by unwinding an empty list.
	 */
	private static final CypherText PATHS = CypherText
		.of("""
				MATCH (a:{{organization}} {id: $from}), (b:{{organization}} {id: $to})
				{{shortest}}
				WITH a, b, shortest, [[a]] AS heads, [[b]] AS tails, [] AS found, 0 AS spent, false AS truncated,
				     size(shortest) >= $first AS done
				{{steps}}
				CALL (found) {
				  UNWIND found AS path
				  WITH path
				  ORDER BY size(path), [i IN range(0, size(path) - 1, 2) | path[i].id], [i IN range(1, size(path) - 1, 2) | path[i].id]
				  LIMIT $first
				  RETURN collect(path) AS searched
				}
				WITH CASE WHEN size(shortest) >= $first THEN shortest ELSE searched END AS chosen, truncated
				WITH truncated,
				     [path IN chosen | {organizations: [i IN range(0, size(path) - 1, 2) | path[i].id],
				                        deals: [i IN range(1, size(path) - 1, 2) | path[i].id]}] AS paths,
				     [path IN chosen | [i IN range(0, size(path) - 1, 2) | path[i]]] AS organizations,
				     [path IN chosen | [i IN range(1, size(path) - 1, 2) | path[i]]] AS deals
				{{parts}}
				RETURN paths, organizations, deals, truncated
				""")
		.with("organization", DealStorage.ORGANIZATION);

	/**
	 * Every shortest path by {@code allShortestPaths}, the first {@code $first} by the
	 * ids along them, as lists of nodes.
	 */
	private static final CypherText SHORTEST = CypherText.of("""
			CALL (a, b) {
			  OPTIONAL MATCH p = allShortestPaths({{walk}})
			  WHERE all(n IN nodes(p) WHERE CASE WHEN n:{{deal}} THEN {{dealCondition}} ELSE {{nodeCondition}} END)
			  WITH nodes(p) AS path
			  WHERE path IS NOT NULL
			  WITH path
			  ORDER BY [i IN range(0, size(path) - 1, 2) | path[i].id], [i IN range(1, size(path) - 1, 2) | path[i].id]
			  LIMIT $first
			  RETURN collect(path) AS shortest
			}""").with("deal", DealStorage.DEAL);

	/**
	 * One step of the search from both ends, and the join it allows.
	 *
	 * <p>
	 * The step extends by one deal the side whose next step makes fewer partial paths:
	 * the sum, over its partial paths that have not reached the other end, of the deals
	 * their last organization has at that side's end, which Neo4j reads from its degree
	 * counts without visiting a deal. Between a small organization and a hub, the hub's
	 * deals are then read once, from the hub, and never walked onward. A partial path
	 * never visits an organization twice, so it never takes a deal twice either. The
	 * search stops when that sum is 0 (no longer path exists) or would pass the bound
	 * (then it says {@code truncated}).
	 *
	 * <p>
	 * The join then pairs the longest partial paths of the two sides that meet at the
	 * same organization and share no other: with {@code i} deals from the start and
	 * {@code j} from the end, that is every path of {@code i + j} deals, as all shorter
	 * ones were joined before. The pairs are found by grouping both sides' paths by the
	 * organization where they stop, a hash join, never a comparison of each with each.
	 * The search stops when {@code $first} paths are found, or when the pairs would pass
	 * the bound.
	 */
	private static final CypherText SEARCH_STEP = CypherText
		.of("""
				WITH a, b, shortest, heads, tails, found, spent, truncated, done,
				     [path IN heads WHERE path[-1] <> b] AS headsOn, [path IN tails WHERE path[-1] <> a] AS tailsOn
				CALL (headsOn, done) {
				  UNWIND CASE WHEN done THEN [] ELSE headsOn END AS path
				  WITH path[-1] AS x
				  WITH {{startDegree}} AS degree
				  RETURN sum(degree) AS startCost
				}
				CALL (tailsOn, done) {
				  UNWIND CASE WHEN done THEN [] ELSE tailsOn END AS path
				  WITH path[-1] AS x
				  WITH {{endDegree}} AS degree
				  RETURN sum(degree) AS endCost
				}
				WITH a, b, shortest, heads, tails, found, spent, truncated, done, headsOn, tailsOn,
				     startCost <= endCost AS fromStart, CASE WHEN startCost <= endCost THEN startCost ELSE endCost END AS cost
				WITH a, b, shortest, heads, tails, found, spent, headsOn, tailsOn, fromStart, cost,
				     done OR cost = 0 OR spent + cost > $bound AS done,
				     truncated OR (NOT done AND cost > 0 AND spent + cost > $bound) AS truncated
				CALL (headsOn, fromStart, done) {
				  UNWIND CASE WHEN done OR NOT fromStart THEN [] ELSE headsOn END AS path
				  WITH path[-1] AS x, collect(path) AS paths
				  MATCH {{startHop}}
				  WHERE {{deal}} AND {{node}}
				  UNWIND paths AS path
				  WITH path, d, y
				  WHERE NOT y IN path
				  RETURN collect(path + [d, y]) AS longerHeads
				}
				CALL (tailsOn, fromStart, done) {
				  UNWIND CASE WHEN done OR fromStart THEN [] ELSE tailsOn END AS path
				  WITH path[-1] AS x, collect(path) AS paths
				  MATCH {{endHop}}
				  WHERE {{deal}} AND {{node}}
				  UNWIND paths AS path
				  WITH path, d, y
				  WHERE NOT y IN path
				  RETURN collect(path + [d, y]) AS longerTails
				}
				WITH a, b, shortest, found, truncated, done,
				     spent + CASE WHEN done THEN 0 ELSE cost END AS spent,
				     CASE WHEN NOT done AND fromStart THEN longerHeads ELSE heads END AS heads,
				     CASE WHEN NOT done AND NOT fromStart THEN longerTails ELSE tails END AS tails
				CALL (heads, tails, done) {
				  UNWIND CASE WHEN done THEN [] ELSE [path IN heads | {head: path}] + [path IN tails | {tail: path}] END AS side
				  WITH coalesce(side.head, side.tail)[-1] AS meeting, collect(side.head) AS meetingHeads,
				       collect(side.tail) AS meetingTails
				  WHERE size(meetingHeads) > 0 AND size(meetingTails) > 0
				  RETURN collect({heads: meetingHeads, tails: meetingTails}) AS meetings,
				         sum(size(meetingHeads) * size(meetingTails)) AS pairs
				}
				WITH a, b, shortest, heads, tails, found, spent, truncated, done, meetings, pairs,
				     done OR spent + pairs > $bound AS cut
				CALL (meetings, cut) {
				  UNWIND CASE WHEN cut THEN [] ELSE meetings END AS meeting
				  UNWIND meeting.heads AS head
				  UNWIND meeting.tails AS tail
				  WITH head, tail
				  WHERE none(i IN range(0, size(tail) - 3, 2) WHERE tail[i] IN head)
				  RETURN collect(head + reverse(tail)[1..]) AS joined
				}
				WITH a, b, shortest, heads, tails, found + joined AS found,
				     spent + CASE WHEN cut THEN 0 ELSE pairs END AS spent,
				     truncated OR (NOT done AND spent + pairs > $bound) AS truncated,
				     cut OR size(found) + size(joined) >= $first AS done""");

	/**
	 * The organizations and deals of paths, each once, with what is read beneath it, from
	 * {@code organizations} and {@code deals}, lists of lists of nodes.
	 */
	private static final CypherText PARTS = CypherText.of("""
			CALL (organizations) {
			  UNWIND organizations AS path
			  UNWIND path AS o
			  WITH DISTINCT o
			  {{organizationCalls}}
			  RETURN collect({organization: {{organizationProjection}}, beneath: {{organizationAnswers}}}) AS parts
			}
			CALL (deals) {
			  UNWIND deals AS path
			  UNWIND path AS d
			  WITH DISTINCT d
			  MATCH {{parties}}
			  {{dealCalls}}
			  RETURN collect({deal: {{dealProjection}}, beneath: {{dealAnswers}}}) AS dealParts
			}
			WITH paths, truncated, parts AS organizations, dealParts AS deals""");

	/**
	 * Everything within a number of hops of one organization. Path enumeration stops at
	 * {@code $maxPaths} and the distinct deals at {@code $fetch} (one more than the
	 * {@code $limit} a caller keeps), so a dense neighbourhood costs a bounded amount of
	 * work and says it was cut. The deals kept are the nearest first, then by id, so a
	 * capped network is the same on any server. Each deal is read with what the selection
	 * asks beneath it, and so is each organization of the deals kept: the centre first,
	 * then each deal's parties in the deals' order, once each.
	 */
	private static final CypherText NETWORK = CypherText
		.of("""
				MATCH (a:{{organization}} {id: $around})
				CALL (a) {
				  OPTIONAL MATCH (a)({{hop}} WHERE {{deal}}){1,{{depth}}}()
				  WITH r LIMIT $maxPaths
				  RETURN collect(r) AS paths
				}
				CALL (paths) {
				  UNWIND paths AS path
				  UNWIND range(0, size(path) - 1) AS hop
				  WITH path[hop] AS d, min(hop) AS distance
				  ORDER BY distance, d.id
				  LIMIT $fetch
				  MATCH {{parties}}
				  {{dealCalls}}
				  RETURN collect({deal: {{dealProjection}}, beneath: {{dealAnswers}}, node: d, from: {{from}}, to: {{to}}}) AS deals
				}
				{{sites}}
				CALL (a, deals) {
				  UNWIND [{party: a, first: -1}] + [k IN range(0, 2 * size(deals[0..$limit]) - 1) |
				      {party: CASE k % 2 WHEN 0 THEN deals[k / 2].from ELSE deals[k / 2].to END, first: k}] AS seen
				  WITH seen.party AS party, min(seen.first) AS first
				  ORDER BY first
				  RETURN collect(party) AS parties
				}
				CALL (parties) {
				  UNWIND parties AS o
				  {{organizationCalls}}
				  RETURN collect({organization: {{organizationProjection}}, beneath: {{organizationAnswers}}}) AS organizations
				}
				RETURN organizations, [row IN deals | row {.deal, .beneath}] AS deals, {{sitesColumn}} AS sites,
				  size(paths) >= $maxPaths AS pathsCut
				""")
		.with("organization", DealStorage.ORGANIZATION);

	/**
	 * The sites of the first {@code $limit} deals of a network, each once, by name, with
	 * what is read beneath each.
	 */
	private static final CypherText SITES = CypherText.of("""
			CALL (deals) {
			  UNWIND deals[0..$limit] AS row
			  WITH row.node AS d
			  {{sites}}
			  {{siteCalls}}
			  RETURN collect({site: {{siteProjection}}, beneath: {{siteAnswers}}}) AS sites
			}""");

	private NetworkStatements() {
	}

	/**
	 * The first {@code $first} paths of at most {@code maxHops} deals of these types
	 * between {@code $from} and {@code $to}, following deals the way they point when
	 * {@code directed}, in the filter's view, leaving out organizations other than the
	 * two ends that are placeholders when {@code excludeUndisclosed}; each organization
	 * and deal on them once with what {@code organizations} and {@code deals} read
	 * beneath it. Reads {@code $from}, {@code $to}, {@code $first}, {@code $bound} (the
	 * most partial paths and join pairs the search may make) and the filter's parameters;
	 * returns no row when either end does not exist, else one: {@code paths} (each the
	 * ids of its {@code organizations} and {@code deals}, in order),
	 * {@code organizations} (each an {@code organization} and its {@code beneath}),
	 * {@code deals} (each a projected {@code deal} and its {@code beneath}) and
	 * {@code truncated}, true when the bound stopped the search: then the paths found are
	 * real, but shorter ones, or ones earlier in the order, may be missing.
	 */
	public static String paths(CypherFilter filter, Set<DealType> types, int maxHops, boolean directed,
			boolean excludeUndisclosed, DealStatements.BeneathOf deals, Function<String, Beneath> organizations) {
		String standing = filter.standing("d");
		String shortest = directed ? "WITH a, b, [] AS shortest" : shortest(filter, types, maxHops, excludeUndisclosed);
		End start = directed ? End.FROM : End.EITHER;
		End end = directed ? End.TO : End.EITHER;
		String organization = "y:" + DealStorage.ORGANIZATION;
		String step = SEARCH_STEP.with("startDegree", DealStorage.degree("x", start))
			.with("endDegree", DealStorage.degree("x", end))
			.with("startHop", DealStorage.pattern("x", start, "d", types, organization))
			.with("endHop", DealStorage.pattern("x", end, "d", types, organization))
			.with("deal", standing)
			.with("node", excludeUndisclosed ? "(y.id IN [$from, $to] OR NOT coalesce(y.undisclosed, false))" : "true")
			.build();
		return PATHS.with("shortest", shortest)
			.with("steps", String.join("\n", Collections.nCopies(maxHops, step)))
			.with("parts", parts(filter, deals, organizations))
			.build();
	}

	private static String shortest(CypherFilter filter, Set<DealType> types, int maxHops, boolean excludeUndisclosed) {
		String dealCondition = types.containsAll(EnumSet.allOf(DealType.class)) ? filter.standing("n")
				: "(" + DealStorage.isOfType("n", types) + " AND " + filter.standing("n") + ")";
		String nodeCondition = excludeUndisclosed ? "(n.id IN [$from, $to] OR NOT coalesce(n.undisclosed, false))"
				: "true";
		return SHORTEST.with("walk", DealStorage.partyWalk("a", maxHops, "b"))
			.with("dealCondition", dealCondition)
			.with("nodeCondition", nodeCondition)
			.build();
	}

	private static String parts(CypherFilter filter, DealStatements.BeneathOf deals,
			Function<String, Beneath> organizations) {
		String from = filter.variable("from");
		String to = filter.variable("to");
		Beneath deal = deals.of("d", from, to);
		Beneath organization = organizations.apply("o");
		CypherText parts = PARTS.with("parties", DealStorage.partiesOf(from, "d", to));
		return withBeneath(withBeneath(parts, "deal", deal), "organization", organization).build();
	}

	/**
	 * The statement with the slots {@code <kind>Calls}, {@code <kind>Projection} and
	 * {@code <kind>Answers} filled with what is read beneath one of its variables.
	 */
	private static CypherText withBeneath(CypherText statement, String kind, Beneath beneath) {
		return statement.with(kind + "Calls", beneath.calls())
			.with(kind + "Projection", beneath.projection())
			.with(kind + "Answers", beneath.answers());
	}

	/**
	 * Everything within {@code depth} hops of one organization over deals of these types
	 * that match {@code where} in the filter's view, each deal and organization with what
	 * {@code deals} and {@code organizations} read beneath it. Reads {@code $around},
	 * {@code $maxPaths}, {@code $fetch} (one more than {@code $limit}), {@code $limit}
	 * and the filter's parameters; returns {@code deals} (each a projected {@code deal}
	 * and its {@code beneath}, at most {@code $fetch}, nearest first),
	 * {@code organizations} (each an {@code organization} and its {@code beneath}: the
	 * centre, then the parties of the first {@code $limit} deals), {@code sites} (each a
	 * {@code site} and its {@code beneath}: the sites of the first {@code $limit} deals,
	 * by name; an empty list when {@code sites} is null, when none is asked for) and
	 * {@code pathsCut}, or no row when the organization does not exist.
	 */
	public static String network(@Nullable DealWhere where, CypherFilter filter, Set<DealType> types, int depth,
			DealStatements.BeneathOf deals, Function<String, Beneath> organizations,
			@Nullable Function<String, Beneath> sites) {
		// The network's own conditions never name a party, so the party variables are
		// never used.
		String predicate = filter.deal(where, "r", "a", "b");
		String from = filter.variable("from");
		String to = filter.variable("to");
		Beneath deal = deals.of("d", from, to);
		Beneath organization = organizations.apply("o");
		CypherText network = NETWORK.with("hop", DealStorage.pattern("", End.EITHER, "r", types, ""))
			.with("deal", predicate)
			.with("depth", Integer.toString(depth))
			.with("parties", DealStorage.partiesOf(from, "d", to))
			.with("from", from)
			.with("to", to)
			.with("sites", (sites != null) ? sites(filter, sites) : "")
			.with("sitesColumn", (sites != null) ? "sites" : "[]");
		return withBeneath(withBeneath(network, "deal", deal), "organization", organization).build();
	}

	/**
	 * The subquery that reads a network's sites, each with what {@code beneath} reads.
	 */
	private static String sites(CypherFilter filter, Function<String, Beneath> beneath) {
		String s = filter.variable("s");
		return withBeneath(SITES.with("sites", SiteStatements.distinctSitesAt("d", s, filter)), "site",
				beneath.apply(s))
			.build();
	}

}

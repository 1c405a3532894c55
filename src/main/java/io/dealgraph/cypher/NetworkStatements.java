package io.dealgraph.cypher;

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
	 * Every shortest path, with its deals and organizations as each hop's conditions
	 * allow, the first {@code $first} by the ids along them. {@code allShortestPaths}
	 * searches from both ends at once and stops at the shortest length, and a condition
	 * on each node alone ({@code all(n IN nodes(p) WHERE ...)}) is tested during that
	 * search, so a pair of hubs costs milliseconds (BENCHMARKS.md, "Paths at a million
	 * deals"). It finds only the shortest length: when fewer than {@code $first} paths
	 * have it, the path search of the network feature searches on.
	 */
	private static final CypherText ALL_SHORTEST = CypherText.of("""
			MATCH (a:{{organization}} {id: $from}), (b:{{organization}} {id: $to})
			MATCH p = allShortestPaths({{walk}})
			WHERE all(n IN nodes(p) WHERE CASE WHEN n:{{deal}} THEN {{dealCondition}} ELSE {{nodeCondition}} END)
			WITH p, [n IN nodes(p) WHERE n:{{organization}}] AS organizations, [n IN nodes(p) WHERE n:{{deal}}] AS deals
			ORDER BY [o IN organizations | o.id], [d IN deals | d.id]
			LIMIT $first
			WITH collect({organizations: [o IN organizations | o.id], deals: [d IN deals | d.id]}) AS paths,
			     collect(organizations) AS organizations, collect(deals) AS deals
			{{parts}}
			RETURN paths, organizations, deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

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
			WITH paths, parts AS organizations, dealParts AS deals""");

	/**
	 * How many deals each of these organizations has at each end: what a step of the path
	 * search from it would cost at most. Reads {@code $organizations}, a list of ids;
	 * returns {@code id}, {@code asFrom} and {@code asTo}, one row per organization that
	 * exists.
	 */
	public static final String DEGREES = CypherText.of("""
			UNWIND $organizations AS id
			MATCH (o:{{organization}} {id: id})
			RETURN id, {{asFrom}} AS asFrom, {{asTo}} AS asTo
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("asFrom", DealStorage.degree("o", End.FROM))
		.with("asTo", DealStorage.degree("o", End.TO))
		.build();

	/**
	 * One step of the path search: every deal the question allows from these
	 * organizations, read from one end, with the organization across it and that one's
	 * degrees.
	 */
	private static final CypherText HOPS = CypherText.of("""
			UNWIND $organizations AS id
			MATCH (x:{{organization}} {id: id})
			MATCH {{hop}}
			WHERE {{deal}} AND {{node}}
			RETURN id AS from, d.id AS deal, y.id AS to, {{asFrom}} AS asFrom, {{asTo}} AS asTo
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("asFrom", DealStorage.degree("y", End.FROM))
		.with("asTo", DealStorage.degree("y", End.TO));

	/** The organizations and deals of the paths found, by id. */
	private static final CypherText PATH_PARTS = CypherText.of("""
			CALL () {
			  MATCH (o:{{organization}}) WHERE o.id IN $organizations
			  RETURN [collect(o)] AS organizations
			}
			CALL () {
			  MATCH (d:{{deal}}) WHERE d.id IN $deals
			  RETURN [collect(d)] AS deals
			}
			WITH [] AS paths, organizations, deals
			{{parts}}
			RETURN organizations, deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

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
	 * Every shortest path of at most {@code maxHops} deals of these types, in the
	 * filter's view, leaving out organizations other than the two ends that are
	 * placeholders when {@code excludeUndisclosed}, each organization and deal on them
	 * once with what {@code organizations} and {@code deals} read beneath it. Reads
	 * {@code $from}, {@code $to}, {@code $first} and the filter's parameters; returns one
	 * row: {@code paths} (each the ids of its {@code organizations} and {@code deals}, in
	 * order), {@code organizations} (each an {@code organization} and its
	 * {@code beneath}) and {@code deals} (each a projected {@code deal} and its
	 * {@code beneath}).
	 */
	public static String allShortest(CypherFilter filter, Set<DealType> types, int maxHops, boolean excludeUndisclosed,
			DealStatements.BeneathOf deals, Function<String, Beneath> organizations) {
		String dealCondition = types.containsAll(EnumSet.allOf(DealType.class)) ? filter.standing("n")
				: "(" + DealStorage.isOfType("n", types) + " AND " + filter.standing("n") + ")";
		String nodeCondition = excludeUndisclosed ? "(n.id IN [$from, $to] OR NOT coalesce(n.undisclosed, false))"
				: "true";
		return ALL_SHORTEST.with("walk", DealStorage.partyWalk("a", maxHops, "b"))
			.with("dealCondition", dealCondition)
			.with("nodeCondition", nodeCondition)
			.with("parts", parts(filter, deals, organizations))
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
	 * The steps of one path search from {@code from} to {@code to}: for each end, the
	 * statement of a step that reads deals from that end of them ({@link End#FROM}
	 * follows deals the way they point, {@link End#TO} against it), over deals of these
	 * types standing in the filter's view, and organizations other than the two ends that
	 * are not placeholders when {@code excludeUndisclosed}. The ends are added to the
	 * filter's parameters once, here (when they are needed: with
	 * {@code excludeUndisclosed}), so every step of the search shares them. Each
	 * statement reads {@code $organizations}, a list of ids, and the filter's parameters;
	 * returns {@code from}, {@code deal}, {@code to}, and {@code asFrom} and {@code asTo}
	 * of the organization across, one row per hop.
	 */
	public static Function<End, String> hops(CypherFilter filter, String from, String to, Set<DealType> types,
			boolean excludeUndisclosed) {
		String node = excludeUndisclosed ? "(y.id IN [" + filter.parameter(from) + ", " + filter.parameter(to)
				+ "] OR NOT coalesce(y.undisclosed, false))" : "true";
		CypherText hops = HOPS.with("deal", filter.standing("d")).with("node", node);
		return (end) -> hops.with("hop", DealStorage.pattern("x", end, "d", types, "y:" + DealStorage.ORGANIZATION))
			.build();
	}

	/**
	 * The organizations and deals with these ids, in the filter's view, each with what
	 * {@code organizations} and {@code deals} read beneath it: the parts of the paths a
	 * search found. Reads {@code $organizations}, {@code $deals} (ids) and the filter's
	 * parameters; returns one row of {@code organizations} and {@code deals}, as
	 * {@link #allShortest} does.
	 */
	public static String pathParts(CypherFilter filter, DealStatements.BeneathOf deals,
			Function<String, Beneath> organizations) {
		return PATH_PARTS.with("parts", parts(filter, deals, organizations)).build();
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

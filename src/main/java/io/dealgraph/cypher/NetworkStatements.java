package io.dealgraph.cypher;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dealgraph.filter.DealWhere;
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
			RETURN size(deals) AS length,
			       [o IN organizations | properties(o)] AS organizations,
			       [d IN deals | {{projection}}] AS deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

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
			  RETURN collect(properties(o)) AS organizations
			}
			CALL () {
			  MATCH (d:{{deal}}) WHERE d.id IN $deals
			  RETURN collect({{projection}}) AS deals
			}
			RETURN organizations, deals
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

	/**
	 * Everything within a number of hops of one organization. Path enumeration stops at
	 * {@code $maxPaths} and the distinct deals at {@code $limit + 1}, so a dense
	 * neighbourhood costs a bounded amount of work and says it was cut. The deals kept
	 * are the nearest first, then by id, so a capped network is the same on any server.
	 */
	private static final CypherText NETWORK = CypherText.of("""
			MATCH (a:Organization {id: $around})
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
			  RETURN collect({{projection}}) AS deals
			}
			RETURN properties(a) AS centre, deals, size(paths) >= $maxPaths AS pathsCut
			""");

	private NetworkStatements() {
	}

	/**
	 * Every shortest path of at most {@code maxHops} deals of these types, in the
	 * filter's view, leaving out organizations other than the two ends that are
	 * placeholders when {@code excludeUndisclosed}. Reads {@code $from}, {@code $to},
	 * {@code $first} and the filter's parameters; returns {@code length},
	 * {@code organizations} (their properties) and {@code deals} (projected), one row per
	 * path.
	 */
	public static String allShortest(CypherFilter filter, Set<DealType> types, int maxHops,
			boolean excludeUndisclosed) {
		String dealCondition = types.containsAll(EnumSet.allOf(DealType.class)) ? filter.standing("n")
				: "(" + DealStorage.isOfType("n", types) + " AND " + filter.standing("n") + ")";
		String nodeCondition = excludeUndisclosed ? "(n.id IN [$from, $to] OR NOT coalesce(n.undisclosed, false))"
				: "true";
		return ALL_SHORTEST.with("walk", DealStorage.partyWalk("a", maxHops, "b"))
			.with("dealCondition", dealCondition)
			.with("nodeCondition", nodeCondition)
			.with("projection", DealStorage.projection("d", filter.asOf()))
			.build();
	}

	/**
	 * The steps of one path search from {@code from} to {@code to}: for each end, the
	 * statement of a step that reads deals from that end of them ({@link End#FROM}
	 * follows deals the way they point, {@link End#TO} against it), over deals of these
	 * types standing in the filter's view, and organizations other than the two ends that
	 * are not placeholders when {@code excludeUndisclosed}. The ends are added to the
	 * filter's parameters once, here, so every step of the search shares them. Each
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
	 * The organizations and deals of the paths found, by id, as the filter's view sees
	 * them. Reads {@code $organizations}, {@code $deals} and the filter's parameters;
	 * returns one row of {@code organizations} (their properties) and {@code deals}
	 * (projected).
	 */
	public static String pathParts(CypherFilter filter) {
		return PATH_PARTS.with("projection", DealStorage.projection("d", filter.asOf())).build();
	}

	/**
	 * Everything within {@code depth} hops of one organization over deals of these types
	 * that match {@code where} in the filter's view. Reads {@code $around},
	 * {@code $maxPaths}, {@code $fetch} and the filter's parameters; returns
	 * {@code centre} (its properties), {@code deals} (projected, at most {@code $fetch})
	 * and {@code pathsCut}, or no row when the organization does not exist.
	 */
	public static String network(@Nullable DealWhere where, CypherFilter filter, Set<DealType> types, int depth) {
		// The network's own conditions never name a party, so the party variables are
		// never used.
		String predicate = filter.deal(where, "r", "a", "b");
		return NETWORK.with("hop", DealStorage.pattern("", End.EITHER, "r", types, ""))
			.with("deal", predicate)
			.with("depth", Integer.toString(depth))
			.with("projection", DealStorage.projection("d", filter.asOf()))
			.build();
	}

}

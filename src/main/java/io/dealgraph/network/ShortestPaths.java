package io.dealgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.End;

/**
 * The shortest paths between two organizations, found from both ends at once and stopped
 * at a bound.
 *
 * <p>
 * Each side keeps its partial paths by their number of deals: one side walks out from the
 * start, the other back from the end. A path of {@code h} deals is a partial path of
 * {@code i} deals from the start joined, where they meet, with one of {@code h - i} deals
 * from the end, so once the two sides together reach {@code h} deals, every path of
 * {@code h} deals is known. Each step extends by one deal the side whose step makes fewer
 * partial paths, which the degree counts of the organizations it has reached tell before
 * the step runs. Between a small organization and a hub, the hub's deals are then read
 * once, from the hub, and never walked onward.
 *
 * <p>
 * The bound counts the partial paths the steps make and the pairs the joins try. When the
 * next step or join would pass it, the search stops and says so: the paths found are
 * real, but shorter ones, or ones earlier in the order, may be missing. A path never
 * visits an organization twice, so it never takes a deal twice either. Paths come by
 * number of deals, then by the ids of their organizations, then of their deals, so the
 * same question gets the same answer on any server.
 */
final class ShortestPaths {

	/** The graph as the search reads it, one step at a time. */
	interface Hops {

		/**
		 * The degrees of these organizations; those that do not exist are left out.
		 */
		Map<String, Degree> degrees(Collection<String> organizations);

		/**
		 * Every hop the question allows from these organizations, each deal read from
		 * this end of it: {@link End#FROM} follows deals the way they point,
		 * {@link End#TO} against it.
		 */
		List<Hop> from(Collection<String> organizations, End end);

	}

	/** How many deals an organization has at each end, whatever their type or state. */
	record Degree(long asFrom, long asTo) {

		long at(End end) {
			return switch (end) {
				case FROM -> this.asFrom;
				case TO -> this.asTo;
				case EITHER -> this.asFrom + this.asTo;
			};
		}

	}

	/** One deal from an organization to the one across it, with that one's degree. */
	record Hop(String from, String deal, String to, Degree degree) {
	}

	/**
	 * A path as ids: the organizations from the start to the end, and the deal of each
	 * hop.
	 */
	record Found(List<String> organizations, List<String> deals) {

		/** By number of deals, then the organizations' ids, then the deals'. */
		static final Comparator<Found> ORDER = Comparator.<Found>comparingInt((path) -> path.deals().size())
			.thenComparing(Found::organizations, ShortestPaths::lexicographic)
			.thenComparing(Found::deals, ShortestPaths::lexicographic);

	}

	/**
	 * The first paths in {@link Found#ORDER}, and whether the bound stopped the search
	 * before it could prove them the first.
	 */
	record Result(List<Found> paths, boolean truncated) {
	}

	private ShortestPaths() {
	}

	/**
	 * The first {@code first} paths of at most {@code maxDeals} deals from {@code from}
	 * to {@code to}, following deals the way they point when {@code directed}, making at
	 * most {@code bound} partial paths and join pairs.
	 */
	static Result search(Hops hops, String from, String to, int maxDeals, int first, boolean directed, long bound) {
		Map<String, Degree> ends = hops.degrees(List.of(from, to));
		if (!ends.containsKey(from) || !ends.containsKey(to)) {
			return new Result(List.of(), false);
		}
		var start = new Side(from, directed ? End.FROM : End.EITHER, to, ends.get(from));
		var end = new Side(to, directed ? End.TO : End.EITHER, from, ends.get(to));
		List<Found> found = new ArrayList<>();
		long spent = 0;
		int joined = 0;
		while (true) {
			int reach = Math.min(start.reach() + end.reach(), maxDeals);
			for (int length = joined + 1; length <= reach; length++) {
				int fromStart = Math.min(start.reach(), length);
				List<Partial> heads = start.at(fromStart);
				List<Partial> tails = end.at(length - fromStart);
				long pairs = pairs(heads, tails);
				if (spent + pairs > bound) {
					return first(found, first, true);
				}
				spent += pairs;
				join(heads, tails, found);
				joined = length;
			}
			if (found.size() >= first || joined == maxDeals) {
				return first(found, first, false);
			}
			long startCost = start.nextCost();
			long endCost = end.nextCost();
			Side next = (startCost <= endCost) ? start : end;
			long cost = Math.min(startCost, endCost);
			if (cost == 0) {
				// Every longer path leaves this side's frontier by a deal; it has none.
				return first(found, first, false);
			}
			if (spent + cost > bound) {
				return first(found, first, true);
			}
			spent += cost;
			next.extend(hops.from(next.frontierOrganizations(), next.end));
		}
	}

	private static Result first(List<Found> found, int first, boolean truncated) {
		found.sort(Found.ORDER);
		return new Result(List.copyOf(found.subList(0, Math.min(first, found.size()))), truncated);
	}

	/** How many head-tail pairs meet at the same organization. */
	private static long pairs(List<Partial> heads, List<Partial> tails) {
		Map<String, Long> tailsAt = new HashMap<>();
		for (Partial tail : tails) {
			tailsAt.merge(tail.organization(), 1L, Long::sum);
		}
		long pairs = 0;
		for (Partial head : heads) {
			pairs += tailsAt.getOrDefault(head.organization(), 0L);
		}
		return pairs;
	}

	/**
	 * Each head joined with each tail that meets it and shares no other organization.
	 */
	private static void join(List<Partial> heads, List<Partial> tails, List<Found> found) {
		Map<String, List<Partial>> tailsAt = new HashMap<>();
		for (Partial tail : tails) {
			tailsAt.computeIfAbsent(tail.organization(), (key) -> new ArrayList<>()).add(tail);
		}
		for (Partial head : heads) {
			for (Partial tail : tailsAt.getOrDefault(head.organization(), List.of())) {
				if (!crosses(head, tail.previous())) {
					found.add(path(head, tail));
				}
			}
		}
	}

	/** Whether a partial path visits any organization of another one. */
	private static boolean crosses(Partial path, @Nullable Partial other) {
		for (Partial step = other; step != null; step = step.previous()) {
			if (path.visits(step.organization())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The path from a head, which ends where it meets the tail, and the tail, which runs
	 * from there back to the end.
	 */
	private static Found path(Partial head, Partial tail) {
		List<String> organizations = new ArrayList<>();
		List<String> deals = new ArrayList<>();
		for (Partial step = head; step != null; step = step.previous()) {
			organizations.addFirst(step.organization());
			if (step.deal() != null) {
				deals.addFirst(step.deal());
			}
		}
		for (Partial step = tail; step.previous() != null; step = step.previous()) {
			deals.add(step.deal());
			organizations.add(step.previous().organization());
		}
		return new Found(List.copyOf(organizations), List.copyOf(deals));
	}

	private static int lexicographic(List<String> left, List<String> right) {
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int order = left.get(i).compareTo(right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	/**
	 * A partial path: the organization it has reached, the deal that reached it, and the
	 * path before; the first has neither deal nor path before.
	 */
	private record Partial(String organization, @Nullable String deal, @Nullable Partial previous) {

		boolean visits(String id) {
			for (Partial step = this; step != null; step = step.previous()) {
				if (step.organization().equals(id)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The partial paths from one end, by number of deals. */
	private static final class Side {

		private final End end;

		/**
		 * The organization at the other end: a partial path that reaches it is a whole
		 * path, never extended.
		 */
		private final String other;

		private final List<List<Partial>> byLength = new ArrayList<>();

		private final Map<String, Degree> degrees = new HashMap<>();

		Side(String organization, End end, String other, Degree degree) {
			this.end = end;
			this.other = other;
			this.byLength.add(List.of(new Partial(organization, null, null)));
			this.degrees.put(organization, degree);
		}

		/** How many deals its longest partial paths have. */
		int reach() {
			return this.byLength.size() - 1;
		}

		List<Partial> at(int deals) {
			return this.byLength.get(deals);
		}

		private List<Partial> frontier() {
			return this.byLength.getLast().stream().filter((path) -> !path.organization().equals(this.other)).toList();
		}

		Set<String> frontierOrganizations() {
			Set<String> organizations = new LinkedHashSet<>();
			frontier().forEach((path) -> organizations.add(path.organization()));
			return organizations;
		}

		/** How many partial paths the next step makes at most. */
		long nextCost() {
			long cost = 0;
			for (Partial path : frontier()) {
				cost += this.degrees.get(path.organization()).at(this.end);
			}
			return cost;
		}

		void extend(List<Hop> hops) {
			Map<String, List<Hop>> hopsFrom = new HashMap<>();
			for (Hop hop : hops) {
				hopsFrom.computeIfAbsent(hop.from(), (key) -> new ArrayList<>()).add(hop);
				this.degrees.put(hop.to(), hop.degree());
			}
			List<Partial> longer = new ArrayList<>();
			for (Partial path : frontier()) {
				for (Hop hop : hopsFrom.getOrDefault(path.organization(), List.of())) {
					if (!path.visits(hop.to())) {
						longer.add(new Partial(hop.to(), hop.deal(), path));
					}
				}
			}
			this.byLength.add(longer);
		}

	}

}

package io.dealgraph.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.End;
import io.dealgraph.network.ShortestPaths.Degree;
import io.dealgraph.network.ShortestPaths.Found;
import io.dealgraph.network.ShortestPaths.Hop;
import io.dealgraph.network.ShortestPaths.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search from both ends, on small graphs in memory, against an exhaustive enumeration
 * of every simple path: a fast check of the algorithm under the whole-app
 * ConnectionsTests, which check it on the seed graph in Neo4j.
 */
class ShortestPathsTests {

	@Test
	void findsWhatAnExhaustiveSearchFindsOnManyRandomGraphsWithHubs() {
		var random = new Random(19);
		int compared = 0;
		int withPaths = 0;
		for (int graph = 0; graph < 60; graph++) {
			var deals = Graph.random(random, 12 + random.nextInt(20), 20 + random.nextInt(60));
			for (int pair = 0; pair < 8; pair++) {
				String from = "o" + random.nextInt(deals.organizations);
				String to = "o" + random.nextInt(deals.organizations);
				if (from.equals(to)) {
					continue;
				}
				for (boolean directed : List.of(false, true)) {
					int maxDeals = 1 + random.nextInt(5);
					int first = 1 + random.nextInt(10);
					Result found = ShortestPaths.search(deals, from, to, maxDeals, first, directed, Long.MAX_VALUE);
					assertThat(found.truncated()).isFalse();
					assertThat(found.paths())
						.as("%s to %s, %d deals, first %d, directed %s", from, to, maxDeals, first, directed)
						.isEqualTo(deals.exhaustive(from, to, maxDeals, first, directed));
					compared++;
					withPaths += found.paths().isEmpty() ? 0 : 1;
				}
			}
		}
		assertThat(compared).isGreaterThan(800);
		assertThat(withPaths).as("pairs that have paths").isGreaterThan(compared / 2);
	}

	@Test
	void aBoundLowEnoughToBiteGivesTheExactAnswerOrSaysItWasCut() {
		var random = new Random(7);
		int cut = 0;
		int exact = 0;
		for (int graph = 0; graph < 40; graph++) {
			var deals = Graph.random(random, 15, 70);
			for (long bound : List.of(0L, 5L, 20L, 60L)) {
				Result found = ShortestPaths.search(deals, "o0", "o1", 4, 5, false, bound);
				List<Found> expected = deals.exhaustive("o0", "o1", 4, 5, false);
				if (found.truncated()) {
					cut++;
					assertThat(found.paths()).allSatisfy((path) -> assertThat(deals.isPath(path)).isTrue());
				}
				else {
					exact++;
					assertThat(found.paths()).isEqualTo(expected);
				}
			}
		}
		assertThat(cut).as("the bound bit").isPositive();
		assertThat(exact).as("the bound left room").isPositive();
	}

	@Test
	void aHubIsReadOnceFromItsOwnEndNotWalkedOnward() {
		// o0 has one deal, to o2; o1 is a hub with 200 deals, one of them with o2.
		var deals = new Graph(203);
		deals.add("o0", "o2");
		deals.add("o2", "o1");
		for (int i = 3; i < 203; i++) {
			deals.add("o1", "o" + i);
		}
		Result found = ShortestPaths.search(deals, "o0", "o1", 4, 5, false, Long.MAX_VALUE);
		assertThat(found.paths()).extracting(Found::organizations).containsExactly(List.of("o0", "o2", "o1"));
		assertThat(deals.hopsRead).as("the hub's 201 deals at most, never its partners' deals").isLessThan(210);
	}

	@Test
	void organizationsThatDoNotExistHaveNoPaths() {
		var deals = new Graph(3);
		deals.add("o0", "o1");
		assertThat(ShortestPaths.search(deals, "o0", "nobody", 4, 5, false, 100).paths()).isEmpty();
	}

	/**
	 * Deals in memory, each from one organization to another, as {@link ShortestPaths}
	 * reads them; counts the hops it reads.
	 */
	static final class Graph implements ShortestPaths.Hops {

		final int organizations;

		private final List<String[]> deals = new ArrayList<>();

		long hopsRead;

		Graph(int organizations) {
			this.organizations = organizations;
		}

		/**
		 * Organizations {@code o0..}, the low numbers hubs: each deal's parties are drawn
		 * with a bias towards them.
		 */
		static Graph random(Random random, int organizations, int deals) {
			var graph = new Graph(organizations);
			for (int i = 0; i < deals; i++) {
				int from = biased(random, organizations);
				int to = biased(random, organizations);
				if (from != to) {
					graph.add("o" + from, "o" + to);
				}
			}
			return graph;
		}

		private static int biased(Random random, int organizations) {
			double draw = random.nextDouble();
			return (int) (draw * draw * organizations);
		}

		void add(String from, String to) {
			this.deals.add(new String[] { "d" + String.format("%03d", this.deals.size()), from, to });
		}

		@Override
		public Map<String, Degree> degrees(Collection<String> ids) {
			Map<String, Degree> degrees = new HashMap<>();
			for (String id : ids) {
				if (id.matches("o\\d+") && Integer.parseInt(id.substring(1)) < this.organizations) {
					degrees.put(id, degree(id));
				}
			}
			return degrees;
		}

		private Degree degree(String id) {
			long asFrom = this.deals.stream().filter((deal) -> deal[1].equals(id)).count();
			long asTo = this.deals.stream().filter((deal) -> deal[2].equals(id)).count();
			return new Degree(asFrom, asTo);
		}

		@Override
		public List<Hop> from(Collection<String> ids, End end) {
			List<Hop> hops = new ArrayList<>();
			for (String[] deal : this.deals) {
				if (end != End.TO && ids.contains(deal[1])) {
					hops.add(new Hop(deal[1], deal[0], deal[2], degree(deal[2])));
				}
				if (end != End.FROM && ids.contains(deal[2])) {
					hops.add(new Hop(deal[2], deal[0], deal[1], degree(deal[1])));
				}
			}
			this.hopsRead += hops.size();
			return hops;
		}

		/** Every simple path of at most {@code maxDeals}, in the answer's order. */
		List<Found> exhaustive(String from, String to, int maxDeals, int first, boolean directed) {
			List<Found> all = new ArrayList<>();
			walk(new ArrayList<>(List.of(from)), new ArrayList<>(), to, maxDeals, directed, all);
			all.sort(Found.ORDER);
			return all.subList(0, Math.min(first, all.size()));
		}

		private void walk(List<String> organizations, List<String> deals, String to, int maxDeals, boolean directed,
				List<Found> all) {
			String here = organizations.getLast();
			if (here.equals(to)) {
				all.add(new Found(List.copyOf(organizations), List.copyOf(deals)));
				return;
			}
			if (deals.size() == maxDeals) {
				return;
			}
			for (String[] deal : this.deals) {
				String next = deal[1].equals(here) ? deal[2] : (!directed && deal[2].equals(here)) ? deal[1] : null;
				if (next != null && !organizations.contains(next)) {
					organizations.add(next);
					deals.add(deal[0]);
					walk(organizations, deals, to, maxDeals, directed, all);
					organizations.removeLast();
					deals.removeLast();
				}
			}
		}

		/** Whether each hop of the path is a deal between the organizations beside it. */
		boolean isPath(Found path) {
			for (int i = 0; i < path.deals().size(); i++) {
				String id = path.deals().get(i);
				List<String> parties = List.of(path.organizations().get(i), path.organizations().get(i + 1));
				boolean linked = this.deals.stream()
					.anyMatch((deal) -> deal[0].equals(id) && parties.contains(deal[1]) && parties.contains(deal[2]));
				if (!linked) {
					return false;
				}
			}
			return true;
		}

	}

}

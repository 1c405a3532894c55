package io.dealgraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.NetworkStatements;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path statement's search from both ends, on small random graphs with hubs, against
 * an exhaustive enumeration of every simple path. Each graph is written in a transaction
 * that is rolled back after its searches, so the seed graph that other tests share never
 * sees it. ConnectionsTests checks the same on the seed graph, through the API.
 */
@RunsDealgraph
class PathStatementTests {

	@Autowired
	Driver driver;

	@Test
	void findsWhatAnExhaustiveSearchFindsOnManyRandomGraphsWithHubs() {
		var random = new Random(19);
		int compared = 0;
		int withPaths = 0;
		for (int graph = 0; graph < 30; graph++) {
			var deals = Deals.random(random, 12 + random.nextInt(20), 20 + random.nextInt(60));
			try (var session = this.driver.session(); var transaction = session.beginTransaction()) {
				deals.write(transaction);
				for (int pair = 0; pair < 8; pair++) {
					String from = "o" + random.nextInt(deals.organizations);
					String to = "o" + random.nextInt(deals.organizations);
					if (from.equals(to)) {
						continue;
					}
					for (boolean directed : List.of(false, true)) {
						int maxDeals = 1 + random.nextInt(5);
						int first = 1 + random.nextInt(10);
						Searched found = search(transaction, from, to, maxDeals, first, directed, Long.MAX_VALUE);
						assertThat(found.truncated()).isFalse();
						assertThat(found.paths())
							.as("%s to %s, %d deals, first %d, directed %s", from, to, maxDeals, first, directed)
							.isEqualTo(deals.exhaustive(from, to, maxDeals, first, directed));
						compared++;
						withPaths += found.paths().isEmpty() ? 0 : 1;
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(400);
		assertThat(withPaths).as("pairs that have paths").isGreaterThan(compared / 2);
	}

	@Test
	void aBoundLowEnoughToBiteGivesTheExactAnswerOrSaysItWasCut() {
		var random = new Random(7);
		int cut = 0;
		int exact = 0;
		for (int graph = 0; graph < 20; graph++) {
			var deals = Deals.random(random, 15, 70);
			try (var session = this.driver.session(); var transaction = session.beginTransaction()) {
				deals.write(transaction);
				List<Found> expected = deals.exhaustive("o0", "o1", 4, 5, true);
				for (long bound : List.of(0L, 5L, 20L, 60L)) {
					Searched found = search(transaction, "o0", "o1", 4, 5, true, bound);
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
		}
		assertThat(cut).as("the bound bit").isPositive();
		assertThat(exact).as("the bound left room").isPositive();
	}

	/**
	 * o0 has one deal, with o2; o1 is a hub with 201 deals, one of them with o2. Walking
	 * out from the hub would make 201 partial paths; from o0's side the search makes 3
	 * and joins one pair, so it finishes within a bound of 10.
	 */
	@Test
	void aHubIsReadFromItsOwnEndNeverWalkedOnward() {
		var deals = new Deals(203);
		deals.add("o0", "o2");
		deals.add("o2", "o1");
		for (int i = 3; i < 203; i++) {
			deals.add("o1", "o" + i);
		}
		try (var session = this.driver.session(); var transaction = session.beginTransaction()) {
			deals.write(transaction);
			for (boolean directed : List.of(false, true)) {
				Searched found = search(transaction, "o0", "o1", 4, 5, directed, 10);
				assertThat(found.truncated()).as("directed %s", directed).isFalse();
				assertThat(found.paths()).extracting(Found::organizations).containsExactly(List.of("o0", "o2", "o1"));
			}
		}
	}

	/**
	 * Found by a simulation of the search without its check where the sides meet: from o0
	 * both sides reach o3, and the end's side also o2 through it, so joining at o3 would
	 * make walks that pass o3 twice. Only o0, o3, o1 is a path.
	 */
	@Test
	void aPathNeverPassesAnOrganizationTwiceWhereTheTwoSidesMeet() {
		var deals = new Deals(4);
		deals.add("o2", "o3");
		deals.add("o1", "o3");
		deals.add("o0", "o3");
		deals.add("o3", "o2");
		deals.add("o2", "o3");
		try (var session = this.driver.session(); var transaction = session.beginTransaction()) {
			deals.write(transaction);
			assertThat(search(transaction, "o0", "o1", 4, 5, false, Long.MAX_VALUE).paths())
				.containsExactly(new Found(List.of("o0", "o3", "o1"), List.of("d002", "d001")))
				.isEqualTo(deals.exhaustive("o0", "o1", 4, 5, false));
		}
	}

	@Test
	void organizationsThatDoNotExistHaveNoPathsAndNoRow() {
		var deals = new Deals(3);
		deals.add("o0", "o1");
		try (var session = this.driver.session(); var transaction = session.beginTransaction()) {
			deals.write(transaction);
			assertThat(rows(transaction, "o0", "nobody", 4, 5, false, 100)).isEmpty();
			assertThat(search(transaction, "o0", "o1", 4, 5, false, 100).paths()).hasSize(1);
		}
	}

	private static Searched search(Transaction transaction, String from, String to, int maxDeals, int first,
			boolean directed, long bound) {
		List<Record> rows = rows(transaction, from, to, maxDeals, first, directed, bound);
		assertThat(rows).hasSize(1);
		Record row = rows.getFirst();
		Function<Value, List<String>> local = (ids) -> ids.asList((id) -> Deals.local(id.asString()));
		List<Found> paths = row.get("paths")
			.asList((path) -> new Found(local.apply(path.get("organizations")), local.apply(path.get("deals"))));
		return new Searched(paths, row.get("truncated").asBoolean());
	}

	private static List<Record> rows(Transaction transaction, String from, String to, int maxDeals, int first,
			boolean directed, long bound) {
		var filter = new CypherFilter(View.of(null, null));
		String statement = NetworkStatements.paths(filter, EnumSet.allOf(DealType.class), maxDeals, directed, false,
				DealStatements.whole(filter), OrganizationStatements::storedOnly);
		Map<String, Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("from", Deals.stored(from));
		parameters.put("to", Deals.stored(to));
		parameters.put("first", first);
		parameters.put("bound", bound);
		return transaction.run(statement, parameters).list();
	}

	/** What the statement answered. */
	record Searched(List<Found> paths, boolean truncated) {
	}

	/** A path as ids: its organizations from start to end, and the deal of each hop. */
	record Found(List<String> organizations, List<String> deals) {

		/** By number of deals, then the organizations' ids, then the deals'. */
		static final Comparator<Found> ORDER = Comparator.<Found>comparingInt((path) -> path.deals().size())
			.thenComparing(Found::organizations, Found::lexicographic)
			.thenComparing(Found::deals, Found::lexicographic);

		private static int lexicographic(List<String> left, List<String> right) {
			for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
				int order = left.get(i).compareTo(right.get(i));
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(left.size(), right.size());
		}

	}

	/**
	 * Deals in memory, each from one organization to another, written to Neo4j as the
	 * application stores them, with ids of their own beside the seed's.
	 */
	static final class Deals {

		private static final String PREFIX = "path-statement-";

		final int organizations;

		private final List<String[]> deals = new ArrayList<>();

		Deals(int organizations) {
			this.organizations = organizations;
		}

		static String stored(String id) {
			return PREFIX + id;
		}

		static String local(String id) {
			return id.substring(PREFIX.length());
		}

		/**
		 * Organizations {@code o0..}, the low numbers hubs: each deal's parties are drawn
		 * with a bias towards them.
		 */
		static Deals random(Random random, int organizations, int deals) {
			var graph = new Deals(organizations);
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

		void write(Transaction transaction) {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < this.organizations; i++) {
				ids.add(stored("o" + i));
			}
			transaction.run(
					"UNWIND $ids AS id CREATE (:" + DealStorage.ORGANIZATION + " {id: id, name: id, kind: 'INVESTOR'})",
					Map.of("ids", ids));
			List<Map<String, String>> rows = this.deals.stream()
				.map((deal) -> Map.of("id", stored(deal[0]), "from", stored(deal[1]), "to", stored(deal[2])))
				.toList();
			transaction.run("UNWIND $rows AS row MATCH (f:" + DealStorage.ORGANIZATION + " {id: row.from}), (t:"
					+ DealStorage.ORGANIZATION + " {id: row.to}) CREATE (d:" + DealStorage.DEAL + ":"
					+ DealType.PARTNERSHIP.label() + " {id: row.id, status: 'ANNOUNCED'}) CREATE "
					+ DealStorage.partiesOf("f", "d", "t"), Map.of("rows", rows));
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

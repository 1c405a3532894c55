package io.dealgraph.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.graph.OrganizationKind;

/**
 * A deterministic synthetic deal graph: the same seed and size give the same files.
 * Organization kinds in the seed data's proportions, power-law deal degrees (a few hubs,
 * many small firms), every deal type in a direction its rules allow, dates over 2018-2026
 * at mixed precision, log-normal amounts.
 *
 * <p>
 * It writes a seed folder (organizations only) and a deals file in the import format, so
 * that the graph is loaded through the project's own seed loader and bulk import.
 */
final class SyntheticGraph {

	/** Kinds with their counts in the seed data (84 organizations). */
	private static final String[] KINDS = { "MINER", "AI_FIRM", "INVESTOR", "SUPPLIER", "OTHER", "EXCHANGE",
			"REGULATOR" };

	private static final int[] KIND_WEIGHTS = { 18, 25, 25, 6, 4, 3, 3 };

	/** Deal types with their counts in the seed data (123 deals). */
	private static final String[] TYPES = { "FINANCING", "PARTNERSHIP", "ACQUISITION", "CONTROL", "SUPPLY",
			"REGULATORY_ACTION" };

	private static final int[] TYPE_WEIGHTS = { 54, 33, 15, 9, 7, 5 };

	private static final String[] INVESTOR_TYPES = { "PRIVATE_EQUITY", "HEDGE_FUND", "VENTURE_CAPITAL", "BANK",
			"ASSET_MANAGER", "STRATEGIC" };

	/** Deals per organization on average. */
	static final int DEALS_PER_ORGANIZATION = 5;

	final int deals;

	final int organizations;

	final List<List<Integer>> byKind = new ArrayList<>();

	final String[] kindOf;

	private final SplittableRandom random;

	SyntheticGraph(int deals, long seed) {
		this.deals = deals;
		this.organizations = Math.max(50, deals / DEALS_PER_ORGANIZATION);
		this.random = new SplittableRandom(seed);
		this.kindOf = new String[this.organizations];
		for (int k = 0; k < KINDS.length; k++) {
			this.byKind.add(new ArrayList<>());
		}
		for (int i = 0; i < this.organizations; i++) {
			int k = pick(KIND_WEIGHTS);
			this.kindOf[i] = KINDS[k];
			this.byKind.get(k).add(i);
		}
	}

	static String id(int organization) {
		return "org-" + organization;
	}

	/**
	 * Writes seed-folder/organizations.csv (plus the other seed files, empty) and
	 * deals.csv.
	 */
	void write(Path seedFolder, Path dealsFile, String idPrefix) throws IOException {
		Files.createDirectories(seedFolder);
		// Every kind and investor type is a claim with a source, as in the bundled seed.
		try (Writer out = Files.newBufferedWriter(seedFolder.resolve("organizations.csv"), StandardCharsets.UTF_8);
				Writer facts = Files.newBufferedWriter(seedFolder.resolve("organization-facts.csv"),
						StandardCharsets.UTF_8)) {
			out.write("id,name,kind,category,aliases,country,ticker,undisclosed\n");
			facts.write("organization_id,attribute,value,unit,as_of,source_url,source_title,source_publisher,"
					+ "source_published_on,source_retrieved_on,source_archive_url,source_quote,confidence,note\n");
			for (int i = 0; i < this.organizations; i++) {
				out.write(id(i) + ",Company " + i + "," + this.kindOf[i] + ",,,"
						+ ((this.random.nextInt(3) == 0) ? "US" : "CA") + ",,false\n");
				String source = ",,,https://example.org/" + id(i) + ",,,,,,,HIGH,\n";
				facts.write(id(i) + ",kind," + this.kindOf[i] + source);
				if (this.kindOf[i].equals("INVESTOR")) {
					facts.write(id(i) + ",investor_type," + INVESTOR_TYPES[this.random.nextInt(INVESTOR_TYPES.length)]
							+ source);
				}
			}
		}
		Files.writeString(seedFolder.resolve("deals.csv"),
				"id,type,from_id,to_id,announced_on,amount,currency,amount_qualifier,amount_period,capacity_mw,"
						+ "capacity_basis,capacity_qualifier,term_years,instrument,stake_percent,role,scope,round,status,"
						+ "description\n");
		Files.writeString(seedFolder.resolve("deal-sources.csv"),
				"deal_id,url,title,publisher,published_on,retrieved_on,archive_url,quote,confidence,note\n");
		Files.writeString(seedFolder.resolve("deal-status-history.csv"), "deal_id,status,on,note\n");
		Files.writeString(seedFolder.resolve("context-events.csv"),
				"on,description,source_url,source_title,confidence\n");
		writeDeals(dealsFile, idPrefix);
	}

	/** The deals file alone, e.g. a second set for the raw import it is compared with. */
	void writeDeals(Path dealsFile, String idPrefix) throws IOException {
		try (Writer out = Files.newBufferedWriter(dealsFile, StandardCharsets.UTF_8)) {
			out.write("id,type,from,to,announced_on,amount,currency,amount_qualifier,amount_period,capacity_mw,"
					+ "term_years,instrument,stake_percent,status,status_on,description,source_url,source_title,"
					+ "source_publisher,source_confidence,source_note\n");
			for (int d = 0; d < this.deals; d++) {
				String type = TYPES[pick(TYPE_WEIGHTS)];
				int from = party(type, true);
				int to = party(type, false);
				if (to == from) {
					to = (to + 1) % this.organizations;
					if (this.kindOf[to].equals("REGULATOR")) {
						to = this.byKind.get(0).getFirst();
					}
				}
				boolean hasAmount = this.random.nextInt(5) != 0;
				String amount = hasAmount ? Long.toString(Math.round(Math.exp(18 + 1.5 * gaussian()))) : "";
				String currency = hasAmount ? ((this.random.nextInt(10) == 0) ? "EUR" : "USD") : "";
				out.write(String.format(
						"%s%07d,%s,%s,%s,%s,%s,%s,%s,%s,,,%s,,%s,,synthetic deal %d,https://example.org/deal/%d,,,%s,%n",
						idPrefix, d, type, id(from), id(to), date(), amount, currency, hasAmount ? "EXACT" : "",
						hasAmount ? "TOTAL" : "", type.equals("FINANCING") ? "EQUITY" : "",
						(this.random.nextInt(3) == 0) ? "COMPLETED" : "ANNOUNCED", d, d,
						(this.random.nextInt(4) == 0) ? "LOW" : "HIGH"));
			}
		}
	}

	/**
	 * The organizations of a written seed folder as rows for an UNWIND: id, name, kind,
	 * its label, country and investor types.
	 */
	static List<Map<String, Object>> organizationRows(Path seedFolder) throws IOException {
		Map<String, String> investorTypes = new HashMap<>();
		for (String line : Files.readAllLines(seedFolder.resolve("organization-facts.csv")).stream().skip(1).toList()) {
			String[] f = line.split(",", -1);
			if (f[1].equals("investor_type")) {
				investorTypes.put(f[0], f[2]);
			}
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String line : Files.readAllLines(seedFolder.resolve("organizations.csv")).stream().skip(1).toList()) {
			String[] f = line.split(",", -1);
			Map<String, Object> row = new HashMap<>();
			row.put("id", f[0]);
			row.put("name", f[1]);
			row.put("kind", f[2]);
			row.put("label", OrganizationKind.valueOf(f[2]).typeName());
			row.put("country", f[5]);
			row.put("investorTypes", investorTypes.containsKey(f[0]) ? List.of(investorTypes.get(f[0])) : List.of());
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The deals of a written deals file as rows for an UNWIND: id, type and its label,
	 * from, to, announcedOn with its sort key, amount, currency and status.
	 */
	static List<Map<String, Object>> dealRows(Path dealsFile) throws IOException {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String line : Files.readAllLines(dealsFile).stream().skip(1).toList()) {
			String[] f = line.split(",", -1);
			Map<String, Object> row = new HashMap<>();
			row.put("id", f[0]);
			row.put("type", f[1]);
			row.put("label", DealType.valueOf(f[1]).label());
			row.put("from", f[2]);
			row.put("to", f[3]);
			row.put("announcedOn", f[4]);
			row.put("announcedKey", PartialDateKeys.sortKey(f[4]));
			row.put("amount", f[5].isEmpty() ? null : Double.parseDouble(f[5]));
			row.put("currency", f[6].isEmpty() ? null : f[6]);
			row.put("status", f[13]);
			rows.add(row);
		}
		return rows;
	}

	/**
	 * A party that the deal type's direction rules allow, hubs far more often than the
	 * rest.
	 */
	private int party(String type, boolean from) {
		String kind = switch (type) {
			case "REGULATORY_ACTION" -> from ? "REGULATOR" : pickOf("EXCHANGE", "MINER", "AI_FIRM");
			case "FINANCING" ->
				from ? pickOf("INVESTOR", "INVESTOR", "INVESTOR", "AI_FIRM") : pickOf("MINER", "AI_FIRM");
			case "PARTNERSHIP" -> from ? pickOf("MINER", "MINER", "OTHER") : "AI_FIRM";
			case "SUPPLY" -> from ? "SUPPLIER" : pickOf("MINER", "AI_FIRM");
			default -> pickOf("MINER", "AI_FIRM", "INVESTOR", "EXCHANGE");
		};
		List<Integer> pool = this.byKind.get(Arrays.asList(KINDS).indexOf(kind));
		if (pool.isEmpty()) {
			pool = this.byKind.get(0);
		}
		// Power law: u^3 puts most picks on the first few members of the pool, the hubs.
		double u = this.random.nextDouble();
		return pool.get((int) Math.min(pool.size() - 1, Math.floor(pool.size() * u * u * u)));
	}

	private String pickOf(String... kinds) {
		return kinds[this.random.nextInt(kinds.length)];
	}

	private String date() {
		int year = 2018 + this.random.nextInt(9);
		int precision = this.random.nextInt(10);
		if (precision == 0) {
			return Integer.toString(year);
		}
		int month = 1 + this.random.nextInt(12);
		if (precision < 3) {
			return String.format("%d-%02d", year, month);
		}
		return String.format("%d-%02d-%02d", year, month, 1 + this.random.nextInt(28));
	}

	private int pick(int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = this.random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private double gaussian() {
		return Math.sqrt(-2 * Math.log(1 - this.random.nextDouble()))
				* Math.cos(2 * Math.PI * this.random.nextDouble());
	}

}

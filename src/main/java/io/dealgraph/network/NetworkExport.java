package io.dealgraph.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealFile;
import io.dealgraph.deal.StatusChange;
import io.dealgraph.graph.Identified;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.DataLicence;
import io.dealgraph.source.Source;

/**
 * A network written for the tools journalists open it in: GraphML for Gephi and yEd, CSV
 * (one row per deal, both parties inline) for a spreadsheet, and JSON for code. Sources
 * always come along. The files name things by their readable keys ({@code hut-8}), as
 * spreadsheets and Gephi show them; the JSON is shaped as the GraphQL {@code network}
 * answers, with the global {@code id} and the readable {@code key}.
 */
final class NetworkExport {

	/**
	 * The import's columns ({@link DealFile#COLUMNS}), so that an exported file, edited,
	 * imports again as updates of the same deals, then the context a reader needs.
	 */
	static final List<String> CSV_COLUMNS = Stream.concat(DealFile.COLUMNS.stream(), DealFile.CONTEXT_COLUMNS.stream())
		.toList();

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private NetworkExport() {
	}

	/**
	 * The network as JSON: each organization and deal, and each party of a deal, with
	 * {@code id} in the global form and {@code key}, as GraphQL answers them.
	 */
	static JsonNode json(Network network, JsonMapper mapper) {
		ObjectNode tree = mapper.valueToTree(network);
		tree.putObject("licence")
			.put("name", DataLicence.NAME)
			.put("url", DataLicence.URL)
			.put("attribution", DataLicence.ATTRIBUTION)
			.put("notice", DataLicence.NOTICE);
		for (int i = 0; i < network.organizations().size(); i++) {
			identify(tree.get("organizations").get(i), network.organizations().get(i));
		}
		for (int i = 0; i < network.deals().size(); i++) {
			Deal deal = network.deals().get(i);
			JsonNode written = tree.get("deals").get(i);
			identify(written, deal);
			identify(written.get("from"), deal.from());
			identify(written.get("to"), deal.to());
		}
		return tree;
	}

	private static void identify(JsonNode written, Identified thing) {
		((ObjectNode) written).put("id", thing.globalId()).put("key", thing.key());
	}

	/**
	 * The network as CSV, one row per deal. It starts with a byte-order mark, which Excel
	 * needs to read the file as UTF-8 rather than the machine's code page (which garbles
	 * names such as {@code Société Générale}); the import skips it.
	 */
	static String csv(Network network) {
		StringBuilder out = new StringBuilder(CSV_HEADER);
		network.deals().forEach((deal) -> out.append(csvRow(deal)));
		return out.toString();
	}

	/** The CSV's first line, after its byte-order mark. */
	static final String CSV_HEADER = BYTE_ORDER_MARK + String.join(",", CSV_COLUMNS) + "\r\n";

	/** One deal as a line of the CSV. */
	static String csvRow(Deal deal) {
		Map<String, String> cells = cells(deal);
		return CSV_COLUMNS.stream()
			.map((column) -> csvField(cells.getOrDefault(column, "")))
			.collect(Collectors.joining(",")) + "\r\n";
	}

	/** A deal's cells by column; a missing column is an empty cell. */
	private static Map<String, String> cells(Deal deal) {
		Map<String, String> cells = new HashMap<>();
		cells.put("id", deal.id());
		cells.put("type", deal.type().name());
		cells.put("from", deal.from().id());
		cells.put("to", deal.to().id());
		cells.put("announced_on", text(deal.announcedOn()));
		if (deal.amount() != null) {
			cells.put("amount", number(deal.amount().amount()));
			cells.put("currency", deal.amount().currency());
			cells.put("amount_qualifier", text(name(deal.amount().qualifier())));
			cells.put("amount_period", text(name(deal.amount().period())));
		}
		cells.put("capacity_mw", number(deal.capacityMw()));
		cells.put("capacity_basis", text(name(deal.capacityBasis())));
		cells.put("capacity_qualifier", text(name(deal.capacityQualifier())));
		cells.put("term_years", number(deal.termYears()));
		cells.put("instrument", text(name(deal.instrument())));
		cells.put("stake_percent", number(deal.stakePercent()));
		cells.put("role", text(name(deal.role())));
		cells.put("scope", text(name(deal.scope())));
		cells.put("round", text(deal.round()));
		cells.put("status", deal.status().name());
		cells.put("status_on", text(statusOn(deal)));
		cells.put("description", text(deal.description()));
		cells.put("source_url", sources(deal, Source::url));
		cells.put("source_title", sources(deal, Source::title));
		cells.put("source_publisher", sources(deal, Source::publisher));
		cells.put("source_published_on", sources(deal, Source::publishedOn));
		cells.put("source_retrieved_on", sources(deal, Source::retrievedOn));
		cells.put("source_archive_url", sources(deal, Source::archiveUrl));
		cells.put("source_quote", sources(deal, Source::quote));
		cells.put("source_confidence", sources(deal, (source) -> source.confidence().name()));
		cells.put("source_note", sources(deal, Source::note));
		cells.put("from_name", deal.from().name());
		cells.put("from_kind", deal.from().kind().name());
		cells.put("to_name", deal.to().name());
		cells.put("to_kind", deal.to().kind().name());
		cells.put("confidence", deal.confidence().name());
		return cells;
	}

	/** When the deal took its present status, as its history says: null when undated. */
	private static @Nullable String statusOn(Deal deal) {
		for (int i = deal.statusHistory().size() - 1; i >= 0; i--) {
			StatusChange step = deal.statusHistory().get(i);
			if (step.status() == deal.status()) {
				return step.on();
			}
		}
		return null;
	}

	static String graphml(Network network) {
		StringBuilder out = new StringBuilder(GRAPHML_START);
		network.organizations().forEach((organization) -> out.append(graphmlNode(organization)));
		network.deals().forEach((deal) -> out.append(graphmlEdge(deal)));
		return out.append(GRAPHML_END).toString();
	}

	/** The GraphML file up to its first node: the attributes, and the data's licence. */
	static final String GRAPHML_START = """
			<?xml version="1.0" encoding="UTF-8"?>
			<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
			  <key id="name" for="node" attr.name="name" attr.type="string"/>
			  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
			  <key id="category" for="node" attr.name="category" attr.type="string"/>
			  <key id="country" for="node" attr.name="country" attr.type="string"/>
			  <key id="type" for="edge" attr.name="type" attr.type="string"/>
			  <key id="announcedOn" for="edge" attr.name="announcedOn" attr.type="string"/>
			  <key id="amount" for="edge" attr.name="amount" attr.type="double"/>
			  <key id="currency" for="edge" attr.name="currency" attr.type="string"/>
			  <key id="role" for="edge" attr.name="role" attr.type="string"/>
			  <key id="scope" for="edge" attr.name="scope" attr.type="string"/>
			  <key id="round" for="edge" attr.name="round" attr.type="string"/>
			  <key id="confidence" for="edge" attr.name="confidence" attr.type="string"/>
			  <key id="status" for="edge" attr.name="status" attr.type="string"/>
			  <key id="description" for="edge" attr.name="description" attr.type="string"/>
			  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>
			  <key id="licence" for="graph" attr.name="licence" attr.type="string"/>
			  <graph id="dealgraph" edgedefault="directed">
			""" + "    <data key=\"licence\">" + xml(DataLicence.NOTICE) + "</data>\n";

	static final String GRAPHML_END = "  </graph>\n</graphml>\n";

	/** An organization as a GraphML node. */
	static String graphmlNode(Organization o) {
		StringBuilder out = new StringBuilder("    <node id=\"").append(xml(o.id())).append("\">");
		data(out, "name", o.name());
		data(out, "kind", o.kind().name());
		data(out, "category", o.category());
		data(out, "country", o.country());
		return out.append("</node>\n").toString();
	}

	/** A deal as a GraphML edge from its first party to its second. */
	static String graphmlEdge(Deal d) {
		StringBuilder out = new StringBuilder("    <edge id=\"").append(xml(d.id()))
			.append("\" source=\"")
			.append(xml(d.from().id()))
			.append("\" target=\"")
			.append(xml(d.to().id()))
			.append("\">");
		data(out, "type", d.type().name());
		data(out, "announcedOn", d.announcedOn());
		data(out, "amount", (d.amount() != null) ? number(d.amount().amount()) : null);
		data(out, "currency", (d.amount() != null) ? d.amount().currency() : null);
		data(out, "role", name(d.role()));
		data(out, "scope", name(d.scope()));
		data(out, "round", d.round());
		data(out, "confidence", d.confidence().name());
		data(out, "status", d.status().name());
		data(out, "description", d.description());
		data(out, "sources", sources(d, Source::url));
		return out.append("</edge>\n").toString();
	}

	private static void data(StringBuilder out, String key, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			out.append("<data key=\"").append(key).append("\">").append(xml(value)).append("</data>");
		}
	}

	/**
	 * One part of every source as one cell, a line per source, so that the lines of the
	 * source columns stay aligned; blank cell when no source has the part.
	 */
	private static String sources(Deal deal, Function<Source, @Nullable String> part) {
		List<String> lines = deal.sources().stream().map((source) -> {
			String value = part.apply(source);
			return (value != null) ? value.replaceAll("\\s*\\R\\s*", " ") : "";
		}).toList();
		return lines.stream().allMatch(String::isEmpty) ? "" : String.join("\n", lines);
	}

	private static String number(@Nullable Double value) {
		if (value == null) {
			return "";
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString(value.longValue())
				: value.toString();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String csvField(String value) {
		// A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as
		// text.
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	private static String xml(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static @Nullable String name(@Nullable Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}

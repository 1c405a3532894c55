package io.dealgraph.network;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dealgraph.deal.Deal;
import io.dealgraph.graph.Identified;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.Source;

/**
 * A network written for the tools journalists open it in: GraphML for Gephi and yEd, CSV
 * (one row per deal, both parties inline) for a spreadsheet, and JSON for code. Sources
 * always come along. The files name things by their readable keys ({@code hut-8}), as
 * spreadsheets and Gephi show them; the JSON is shaped as the GraphQL {@code network}
 * answers, with the global {@code id} and the readable {@code key}.
 */
final class NetworkExport {

	static final List<String> CSV_COLUMNS = List.of("deal_id", "type", "from_id", "from_name", "from_kind", "to_id",
			"to_name", "to_kind", "announced_on", "amount", "currency", "amount_qualifier", "amount_period",
			"capacity_mw", "term_years", "role", "scope", "round", "confidence", "status", "description", "source_urls",
			"source_titles", "source_confidences");

	private NetworkExport() {
	}

	/**
	 * The network as JSON: each organization and deal, and each party of a deal, with
	 * {@code id} in the global form and {@code key}, as GraphQL answers them.
	 */
	static JsonNode json(Network network, JsonMapper mapper) {
		ObjectNode tree = mapper.valueToTree(network);
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

	static String csv(Network network) {
		StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
		for (Deal deal : network.deals()) {
			List<Object> values = List.of(deal.id(), deal.type(), deal.from().id(), deal.from().name(),
					deal.from().kind(), deal.to().id(), deal.to().name(), deal.to().kind(), text(deal.announcedOn()),
					(deal.amount() != null) ? number(deal.amount().amount()) : "",
					(deal.amount() != null) ? deal.amount().currency() : "",
					(deal.amount() != null) ? deal.amount().qualifier() : "",
					(deal.amount() != null) ? deal.amount().period() : "", number(deal.capacityMw()),
					number(deal.termYears()), text(name(deal.role())), text(name(deal.scope())), text(deal.round()),
					deal.confidence(), deal.status(), text(deal.description()), sources(deal, Source::url),
					sources(deal, Source::title), sources(deal, (s) -> s.confidence().name()));
			out.append(values.stream().map((v) -> csvField(String.valueOf(v))).collect(Collectors.joining(",")))
				.append("\r\n");
		}
		return out.toString();
	}

	static String graphml(Network network) {
		StringBuilder out = new StringBuilder("""
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
				  <graph id="dealgraph" edgedefault="directed">
				""");
		for (Organization o : network.organizations()) {
			out.append("    <node id=\"").append(xml(o.id())).append("\">");
			data(out, "name", o.name());
			data(out, "kind", o.kind().name());
			data(out, "category", o.category());
			data(out, "country", o.country());
			out.append("</node>\n");
		}
		for (Deal d : network.deals()) {
			out.append("    <edge id=\"")
				.append(xml(d.id()))
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
			out.append("</edge>\n");
		}
		return out.append("  </graph>\n</graphml>\n").toString();
	}

	private static void data(StringBuilder out, String key, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			out.append("<data key=\"").append(key).append("\">").append(xml(value)).append("</data>");
		}
	}

	/** Sources as one cell: the article has no URL, so its title stands in. */
	private static String sources(Deal deal, Function<Source, @Nullable String> part) {
		return deal.sources().stream().map((s) -> {
			String value = part.apply(s);
			return (value != null) ? value : "";
		}).collect(Collectors.joining(" | "));
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

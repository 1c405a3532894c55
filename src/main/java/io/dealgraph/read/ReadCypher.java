package io.dealgraph.read;

import java.util.ArrayList;
import java.util.List;

import io.dealgraph.deal.DealProperties;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.cypher.SiteStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.ShownRows;
import io.dealgraph.graph.Beneath;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.End;
import io.dealgraph.paging.Page;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.DealsRead;
import io.dealgraph.read.Reads.FactsRead;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.OperatorRead;
import io.dealgraph.read.Reads.PartyRead;
import io.dealgraph.read.Reads.RelatedPageRead;
import io.dealgraph.read.Reads.RelatedDealsRead;
import io.dealgraph.read.Reads.RelatedRead;
import io.dealgraph.read.Reads.SiteDealsRead;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.read.Reads.SitesRead;

/**
 * Builds the subqueries that read everything beneath a bound organization or deal, as
 * {@link Reads} lists it, nested as deep as the selection is: one {@code CALL} per nested
 * field, each returning one row, so the statement of the top-level field reads the whole
 * response. The answers come back as a map keyed {@code r0, r1, ...} in the order of the
 * reads, which {@link ReadAnswers} walks in the same order.
 *
 * <p>
 * Each subquery is built from the same parts as the field's own fetcher ({@code
 * DealStatements.pageAt}, {@code OrganizationStatements.related} and {@code facts}), so
 * the two cannot drift apart. Names and parameters come from the statement's one
 * {@link CypherFilter}, which also carries its view.
 */
final class ReadCypher {

	/**
	 * A page of the deals of organization or site {@code o}, each with what is read
	 * beneath it; the sort values are read once, before the nested calls.
	 */
	private static final CypherText DEALS = CypherText.of("""
			CALL ({{o}}) {
			  {{page}}
			  WITH {{r}}, {{from}}, {{to}}, {{sortValues}} AS {{sorted}}
			  {{calls}}
			  RETURN collect({deal: {{deal}}, sortValues: {{sorted}}, beneath: {{answers}}}) AS {{column}}
			}""");

	/**
	 * A page of the other parties of a relationship connection, each with what is read
	 * beneath it; the sort values are read once, before the nested calls.
	 */
	private static final CypherText RELATED_PAGE = CypherText.of("""
			CALL ({{o}}) {
			  {{page}}
			  WITH {{x}}, {{sortValues}} AS {{sorted}}
			  {{calls}}
			  RETURN collect({organization: {{projection}}, sortValues: {{sorted}}, beneath: {{answers}}}) AS {{column}}
			}""");

	/**
	 * The other parties of a relationship field, or a site's operator, each with what is
	 * read beneath it.
	 */
	private static final CypherText RELATED = CypherText.of("""
			CALL ({{o}}) {
			  {{related}}
			  {{calls}}
			  RETURN collect({organization: {{projection}}, beneath: {{answers}}}) AS {{column}}
			}""");

	/** The sites of a deal, each with what is read beneath it. */
	private static final CypherText SITES = CypherText.of("""
			CALL ({{r}}) {
			  {{sites}}
			  {{calls}}
			  RETURN collect({site: {{projection}}, beneath: {{answers}}}) AS {{column}}
			}""");

	/**
	 * The deals related to a deal, each with its link's reason as stored, the side it
	 * reads from, and what is read beneath it.
	 */
	private static final CypherText RELATED_DEALS = CypherText
		.of("""
				CALL ({{r}}) {
				  {{related}}
				  {{calls}}
				  RETURN collect({deal: {{deal}}, reason: {{link}}.reason, fromStart: {{fromStart}}, beneath: {{answers}}}) AS {{column}}
				}""");

	private final CypherFilter names;

	/**
	 * @param names the statement's filter, which hands out its variable and parameter
	 * names and holds its view
	 */
	ReadCypher(CypherFilter names) {
		this.names = names;
	}

	/**
	 * The subqueries that read what {@code reads} lists beneath organization {@code o}.
	 */
	Beneath organization(String o, OrganizationReads reads) {
		List<String> calls = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < reads.fields().size(); i++) {
			String column = this.names.variable("c");
			switch (reads.fields().get(i)) {
				case DealsRead deals -> {
					calls.add(deals(o, deals, column));
					String total = deals.withTotal()
							? DealStatements.totalAt(o, deals.types(), DealQueries.end(deals.direction()), this.names)
							: "-1";
					answers.add(answerKey(i) + ": {rows: " + column + ", total: " + total + "}");
				}
				case RelatedRead related -> {
					calls.add(related(o, related, column));
					answers.add(answerKey(i) + ": " + column);
				}
				case RelatedPageRead page -> {
					calls.add(relatedPage(o, page, column));
					String total = page.withTotal()
							? OrganizationStatements.relatedTotalAt(o, page.relationship(), this.names) : "-1";
					answers.add(answerKey(i) + ": {rows: " + column + ", total: " + total + "}");
				}
				case FactsRead facts -> {
					calls.add(OrganizationStatements.facts(o, column, this.names));
					answers.add(answerKey(i) + ": " + column);
				}
			}
		}
		return beneath(OrganizationStatements.projection(o, reads.selected()), calls, answers);
	}

	/**
	 * The subqueries that read what {@code reads} lists beneath deal {@code r}, whose
	 * parties are bound to {@code from} and {@code to}.
	 */
	Beneath deal(String r, String from, String to, DealReads reads) {
		List<String> calls = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < reads.fields().size(); i++) {
			switch (reads.fields().get(i)) {
				case PartyRead party -> {
					Beneath beneath = organization((party.end() == End.FROM) ? from : to, party.beneath());
					calls.add(beneath.calls());
					answers.add(answerKey(i) + ": " + beneath.answers());
				}
				case SitesRead sites -> {
					String column = this.names.variable("c");
					calls.add(sites(r, sites, column));
					answers.add(answerKey(i) + ": " + column);
				}
				case RelatedDealsRead related -> {
					String column = this.names.variable("c");
					calls.add(relatedDeals(r, related, column));
					answers.add(answerKey(i) + ": " + column);
				}
			}
		}
		String projection = DealStorage.projection(r, DealProperties.storedFor(reads.selected()),
				OrganizationStatements.projection(from, reads.fromSelected()),
				OrganizationStatements.projection(to, reads.toSelected()), this.names.asOf());
		return beneath(projection, calls, answers);
	}

	/** The subqueries that read what {@code reads} lists beneath site {@code s}. */
	Beneath site(String s, SiteReads reads) {
		List<String> calls = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < reads.fields().size(); i++) {
			String column = this.names.variable("c");
			switch (reads.fields().get(i)) {
				case OperatorRead operator -> {
					String x = this.names.variable("x");
					calls.add(organizations(s, SiteStatements.operatorAt(s, x), x, operator.beneath(), column));
					answers.add(answerKey(i) + ": " + column);
				}
				case SiteDealsRead deals -> {
					String r = this.names.variable("r");
					String a = this.names.variable("a");
					String b = this.names.variable("b");
					String page = DealStatements.pageAtSite(s, r, a, b, deals.page(), this.names);
					calls.add(dealPage(s, page, deals.page(), r, a, b, deals.beneath(), column));
					String total = deals.withTotal() ? DealStatements.totalAtSite(s, this.names) : "-1";
					answers.add(answerKey(i) + ": {rows: " + column + ", total: " + total + "}");
				}
			}
		}
		return beneath(SiteStatements.projection(s), calls, answers);
	}

	private String deals(String o, DealsRead read, String column) {
		String r = this.names.variable("r");
		String from = this.names.variable("a");
		String to = this.names.variable("b");
		String page = DealStatements.pageAt(o, r, from, to, read.types(), DealQueries.end(read.direction()),
				read.page(), this.names);
		return dealPage(o, page, read.page(), r, from, to, read.beneath(), column);
	}

	/**
	 * A page of deals {@code r} of the object bound to {@code subject}, read by the lines
	 * {@code page} as {@code asked}, each shown deal with what is read beneath it.
	 */
	private String dealPage(String subject, String page, Page asked, String r, String from, String to, DealReads reads,
			String column) {
		String sorted = this.names.variable("s");
		Beneath beneath = ShownRows.of(deal(r, from, to, reads), List.of(r, from, to, sorted), asked, this.names);
		return DEALS.with("o", subject)
			.with("page", page)
			.with("r", r)
			.with("from", from)
			.with("to", to)
			.with("sorted", sorted)
			.with("calls", indented(beneath.calls()))
			.with("deal", beneath.projection())
			.with("sortValues", DealStatements.sortValuesAt(r, this.names))
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
	}

	private String sites(String r, SitesRead read, String column) {
		String s = this.names.variable("s");
		Beneath beneath = site(s, read.beneath());
		return SITES.with("r", r)
			.with("sites", SiteStatements.sitesAt(r, s, this.names))
			.with("calls", indented(beneath.calls()))
			.with("projection", beneath.projection())
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
	}

	private String relatedDeals(String r, RelatedDealsRead read, String column) {
		String link = this.names.variable("l");
		String x = this.names.variable("x");
		String from = this.names.variable("a");
		String to = this.names.variable("b");
		Beneath beneath = deal(x, from, to, read.beneath());
		return RELATED_DEALS.with("r", r)
			.with("related", DealStatements.relatedAt(r, link, x, from, to, this.names))
			.with("calls", indented(beneath.calls()))
			.with("deal", beneath.projection())
			.with("link", link)
			.with("fromStart", DealStatements.startsAt(link, r))
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
	}

	private String related(String o, RelatedRead read, String column) {
		String r = this.names.variable("r");
		String x = this.names.variable("x");
		String related = OrganizationStatements.relatedAt(o, read.relationship(), r, x, this.names);
		return organizations(o, related, x, read.beneath(), column);
	}

	/**
	 * The organizations {@code x} that the lines {@code match} find from the object bound
	 * to {@code subject}, each with what is read beneath it.
	 */
	private String organizations(String subject, String match, String x, OrganizationReads reads, String column) {
		Beneath beneath = organization(x, reads);
		return RELATED.with("o", subject)
			.with("related", match)
			.with("calls", indented(beneath.calls()))
			.with("projection", beneath.projection())
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
	}

	private String relatedPage(String o, RelatedPageRead read, String column) {
		String r = this.names.variable("r");
		String x = this.names.variable("x");
		String page = OrganizationStatements.relatedPageAt(o, read.relationship(), r, x, read.page(), this.names);
		String sorted = this.names.variable("s");
		Beneath beneath = ShownRows.of(organization(x, read.beneath()), List.of(x, sorted), read.page(), this.names);
		return RELATED_PAGE.with("o", o)
			.with("page", page)
			.with("x", x)
			.with("sortValues", OrganizationStatements.relatedSortValuesAt(x, this.names))
			.with("sorted", sorted)
			.with("calls", indented(beneath.calls()))
			.with("projection", beneath.projection())
			.with("answers", beneath.answers())
			.with("column", column)
			.build();
	}

	/**
	 * The key of the {@code i}th read's answer in the map a statement returns beneath an
	 * object; {@link ReadAnswers} reads it back by the same key.
	 */
	static String answerKey(int i) {
		return "r" + i;
	}

	/** The calls, without the blank lines that empty slots leave, and the answer map. */
	private static Beneath beneath(String projection, List<String> calls, List<String> answers) {
		return new Beneath(projection, withoutBlankLines(String.join("\n", calls)),
				"{" + String.join(", ", answers) + "}");
	}

	/**
	 * The text without the lines between its first and last that hold only spaces: what
	 * an empty {@code {{calls}}} leaves. A plain pass, as this runs at every level of
	 * every statement, over all the text nested below it.
	 */
	static String withoutBlankLines(String text) {
		String[] lines = text.split("\n", -1);
		StringBuilder kept = new StringBuilder(text.length()).append(lines[0]);
		for (int i = 1; i < lines.length - 1; i++) {
			if (!lines[i].isBlank()) {
				kept.append('\n').append(lines[i]);
			}
		}
		if (lines.length > 1) {
			kept.append('\n').append(lines[lines.length - 1]);
		}
		return kept.toString();
	}

	/** Nested subqueries, indented one level further in the statement's text. */
	private static String indented(String calls) {
		return calls.replace("\n", "\n  ");
	}

}

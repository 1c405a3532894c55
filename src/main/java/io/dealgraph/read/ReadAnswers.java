package io.dealgraph.read;

import java.util.List;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import org.neo4j.driver.Value;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.graph.Answered;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.DealsRead;
import io.dealgraph.read.Reads.FactsRead;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.OperatorRead;
import io.dealgraph.read.Reads.PartyRead;
import io.dealgraph.read.Reads.Place;
import io.dealgraph.read.Reads.RelatedPageRead;
import io.dealgraph.read.Reads.RelatedDealsRead;
import io.dealgraph.read.Reads.RelatedRead;
import io.dealgraph.read.Reads.SiteDealsRead;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.read.Reads.SitesRead;
import io.dealgraph.selection.Prefetched;
import io.dealgraph.site.Site;

/**
 * Reads the answers that {@link ReadCypher}'s subqueries returned, in the order of the
 * reads, and keeps each for its nested field at its place in the response
 * ({@link io.dealgraph.selection.Prefetched}), so that no nested field sends a statement
 * of its own.
 */
final class ReadAnswers {

	private final GraphQLContext context;

	ReadAnswers(GraphQLContext context) {
		this.context = context;
	}

	/** Keeps what was read beneath the organization at {@code at}. */
	void organization(ResultPath at, Value beneath, OrganizationReads reads) {
		for (int i = 0; i < reads.fields().size(); i++) {
			Value answer = beneath.get(ReadCypher.answerKey(i));
			switch (reads.fields().get(i)) {
				case DealsRead deals -> deals(at.segment(deals.key()), answer, deals);
				case RelatedRead related -> related(at.segment(related.key()), answer, related);
				case RelatedPageRead page -> relatedPage(at.segment(page.key()), answer, page);
				case FactsRead facts ->
					Prefetched.put(this.context, at.segment(facts.key()), answer.asList(OrganizationQueries::fact));
			}
		}
	}

	/** Keeps what was read beneath the deal at {@code at}. */
	void deal(ResultPath at, Value beneath, DealReads reads) {
		for (int i = 0; i < reads.fields().size(); i++) {
			Value answer = beneath.get(ReadCypher.answerKey(i));
			switch (reads.fields().get(i)) {
				case PartyRead party -> organization(at.segment(party.key()), answer, party.beneath());
				case SitesRead sites -> {
					List<Answered<Site>> found = answer
						.asList((s) -> new Answered<>(Site.from(s.get("site")), s.get("beneath")));
					Prefetched.put(this.context, at.segment(sites.key()), found.stream().map(Answered::value).toList());
					list(at.segment(sites.key()), found, (node, site) -> site(node, site.beneath(), sites.beneath()));
				}
				case RelatedDealsRead related -> relatedDeals(at.segment(related.key()), answer, related);
			}
		}
	}

	/** Keeps what was read beneath the site at {@code at}. */
	void site(ResultPath at, Value beneath, SiteReads reads) {
		for (int i = 0; i < reads.fields().size(); i++) {
			Value answer = beneath.get(ReadCypher.answerKey(i));
			switch (reads.fields().get(i)) {
				case OperatorRead operator -> {
					List<Answered<Organization>> found = answer
						.asList((x) -> new Answered<>(Organization.from(x.get("organization")), x.get("beneath")));
					ResultPath place = at.segment(operator.key());
					Prefetched.put(this.context, place, found.isEmpty() ? null : found.getFirst().value());
					found.stream().findFirst().ifPresent((it) -> organization(place, it.beneath(), operator.beneath()));
				}
				case SiteDealsRead deals ->
					dealPage(at.segment(deals.key()), answer, deals.page(), deals.places(), deals.beneath());
			}
		}
	}

	/**
	 * Keeps what was read beneath each node of a connection, at each place its nodes
	 * stand.
	 */
	<T> void nodes(ResultPath connection, Connection<Answered<T>> page, List<Place> places, NodeAnswers<T> beneath) {
		for (Place place : places) {
			for (int i = 0; i < page.edges().size(); i++) {
				ResultPath node = connection.segment(place.edges()).segment(i).segment(place.node());
				beneath.keep(node, page.edges().get(i).node());
			}
		}
	}

	/** Keeps what was read beneath each object of a list, at its index. */
	<T> void list(ResultPath list, List<Answered<T>> objects, NodeAnswers<T> beneath) {
		for (int i = 0; i < objects.size(); i++) {
			beneath.keep(list.segment(i), objects.get(i));
		}
	}

	private void deals(ResultPath at, Value answer, DealsRead read) {
		dealPage(at, answer, read.page(), read.places(), read.beneath());
	}

	private void dealPage(ResultPath at, Value answer, Page asked, List<Place> places, DealReads beneath) {
		Connection<Answered<Deal>> page = DealQueries.connectionAt(answer.get("rows"), asked,
				answer.get("total").asInt());
		Prefetched.put(this.context, at, page.map(Answered::value));
		nodes(at, page, places, (node, deal) -> deal(node, deal.beneath(), beneath));
	}

	private void relatedDeals(ResultPath at, Value answer, RelatedDealsRead read) {
		List<Value> links = answer.asList((link) -> link);
		Prefetched.put(this.context, at, links.stream().map(DealQueries::relatedDeal).toList());
		if (read.dealKey() != null) {
			for (int i = 0; i < links.size(); i++) {
				deal(at.segment(i).segment(read.dealKey()), links.get(i).get("beneath"), read.beneath());
			}
		}
	}

	private void relatedPage(ResultPath at, Value answer, RelatedPageRead read) {
		Connection<Answered<Organization>> page = OrganizationQueries.relatedConnectionAt(answer.get("rows"),
				read.page(), answer.get("total").asInt());
		Prefetched.put(this.context, at, page.map(Answered::value));
		nodes(at, page, read.places(), (node, other) -> organization(node, other.beneath(), read.beneath()));
	}

	private void related(ResultPath at, Value answer, RelatedRead read) {
		List<Answered<Organization>> others = answer
			.asList((x) -> new Answered<>(Organization.from(x.get("organization")), x.get("beneath")));
		if (read.relationship().field().orElseThrow().latest()) {
			Prefetched.put(this.context, at, others.isEmpty() ? null : others.getFirst().value());
			others.stream().findFirst().ifPresent((other) -> organization(at, other.beneath(), read.beneath()));
			return;
		}
		Prefetched.put(this.context, at, others.stream().map(Answered::value).toList());
		for (int i = 0; i < others.size(); i++) {
			organization(at.segment(i), others.get(i).beneath(), read.beneath());
		}
	}

	/** What to keep for one node of a connection, at its place. */
	@FunctionalInterface
	interface NodeAnswers<T> {

		void keep(ResultPath node, Answered<T> answered);

	}

}

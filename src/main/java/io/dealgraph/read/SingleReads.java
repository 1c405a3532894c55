package io.dealgraph.read;

import java.util.List;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.SelectedField;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.site.Site;
import io.dealgraph.site.SiteQueries;
import org.springframework.stereotype.Component;

/**
 * One organization, deal or site by its key, with everything selected beneath it, in one
 * statement: what {@code organization(id:)}, {@code deal(id:)} and {@code site(id:)}
 * answer, and {@code node(id:)} for those interfaces ({@link ReadNodes}).
 */
@Component
class SingleReads {

	private final OrganizationQueries organizations;

	private final DealQueries deals;

	private final SiteQueries sites;

	SingleReads(OrganizationQueries organizations, DealQueries deals, SiteQueries sites) {
		this.organizations = organizations;
		this.deals = deals;
		this.sites = sites;
	}

	/**
	 * The organization, its nested fields' answers left at {@code path} for their
	 * fetchers.
	 */
	Optional<Organization> organization(String key, View view, List<SelectedField> fields, ResultPath path,
			GraphQLContext context) {
		OrganizationReads reads = Reads.organization(fields);
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Optional<Answered<Organization>> found = this.organizations.byId(key, filter,
				(o) -> cypher.organization(o, reads));
		found.ifPresent((it) -> new ReadAnswers(context).organization(path, it.beneath(), reads));
		return found.map(Answered::value);
	}

	/** The deal, its nested fields' answers left at {@code path} for their fetchers. */
	Optional<Deal> deal(String key, boolean includeRetracted, View view, List<SelectedField> fields, ResultPath path,
			GraphQLContext context) {
		DealReads reads = Reads.deal(fields);
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Optional<Answered<Deal>> found = this.deals.byId(key, includeRetracted, filter,
				(r, a, b) -> cypher.deal(r, a, b, reads));
		found.ifPresent((it) -> new ReadAnswers(context).deal(path, it.beneath(), reads));
		return found.map(Answered::value);
	}

	/** The site, its nested fields' answers left at {@code path} for their fetchers. */
	Optional<Site> site(String key, View view, List<SelectedField> fields, ResultPath path, GraphQLContext context) {
		SiteReads reads = Reads.site(fields);
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Optional<Answered<Site>> found = this.sites.byId(key, filter, (s) -> cypher.site(s, reads));
		found.ifPresent((it) -> new ReadAnswers(context).site(path, it.beneath(), reads));
		return found.map(Answered::value);
	}

}

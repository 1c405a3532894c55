package io.dealgraph.read;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.SelectedField;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.Statement;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.site.Site;
import io.dealgraph.selection.PerOperation;
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
	 * fetchers; its statement kept with the operation.
	 */
	Optional<Organization> organization(String key, View view, Supplier<List<SelectedField>> fields, ResultPath path,
			GraphQLContext context) {
		Compiled<OrganizationReads> compiled = PerOperation.remembered(context, path, () -> {
			OrganizationReads reads = Reads.organization(fields.get());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new Compiled<>(reads,
					OrganizationQueries.byIdStatement(key, filter, (o) -> cypher.organization(o, reads)));
		});
		Optional<Answered<Organization>> found = this.organizations.byId(compiled.statement());
		found.ifPresent((it) -> new ReadAnswers(context).organization(path, it.beneath(), compiled.reads()));
		return found.map(Answered::value);
	}

	/**
	 * The deal, its nested fields' answers left at {@code path} for their fetchers; its
	 * statement kept with the operation.
	 */
	Optional<Deal> deal(String key, boolean includeRetracted, View view, Supplier<List<SelectedField>> fields,
			ResultPath path, GraphQLContext context) {
		Compiled<DealReads> compiled = PerOperation.remembered(context, path, () -> {
			DealReads reads = Reads.deal(fields.get());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new Compiled<>(reads,
					DealQueries.byIdStatement(key, includeRetracted, filter, (r, a, b) -> cypher.deal(r, a, b, reads)));
		});
		Optional<Answered<Deal>> found = this.deals.byId(compiled.statement());
		found.ifPresent((it) -> new ReadAnswers(context).deal(path, it.beneath(), compiled.reads()));
		return found.map(Answered::value);
	}

	/**
	 * The site, its nested fields' answers left at {@code path} for their fetchers; its
	 * statement kept with the operation.
	 */
	Optional<Site> site(String key, View view, Supplier<List<SelectedField>> fields, ResultPath path,
			GraphQLContext context) {
		Compiled<SiteReads> compiled = PerOperation.remembered(context, path, () -> {
			SiteReads reads = Reads.site(fields.get());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new Compiled<>(reads, SiteQueries.byIdStatement(key, filter, (s) -> cypher.site(s, reads)));
		});
		Optional<Answered<Site>> found = this.sites.byId(compiled.statement());
		found.ifPresent((it) -> new ReadAnswers(context).site(path, it.beneath(), compiled.reads()));
		return found.map(Answered::value);
	}

	/**
	 * A single read worked out from its operation alone: what it reads beneath the
	 * object, and the statement that reads it all.
	 */
	private record Compiled<R>(R reads, Statement statement) {
	}

}

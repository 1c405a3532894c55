package io.dealgraph.read;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealOrder;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.errors.ApiException;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.filter.OrganizationWhere;
import io.dealgraph.filter.Views;
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationOrder;
import io.dealgraph.organization.OrganizationQueries;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.source.Confidence;
import io.dealgraph.read.Reads.ConnectionSelection;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.OrganizationReads;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.site.Site;
import io.dealgraph.site.SiteQueries;
import io.dealgraph.site.SiteWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The top-level reads of organizations, deals and sites (search included), each answered
 * with one Cypher statement: the field's own read, and beneath it every nested field of
 * the selection ({@link Reads}), as subqueries ({@link ReadCypher}). The nested fields
 * then take their answers from what was read ({@link ReadAnswers}) instead of loading
 * them.
 */
@Controller
class ReadController {

	private final OrganizationQueries organizations;

	private final DealQueries deals;

	private final SiteQueries sites;

	private final SingleReads single;

	ReadController(OrganizationQueries organizations, DealQueries deals, SiteQueries sites, SingleReads single) {
		this.organizations = organizations;
		this.deals = deals;
		this.sites = sites;
		this.single = single;
	}

	/**
	 * The organization, and everything beneath it, see the deals of the evidence asked
	 * for.
	 */
	@QueryMapping
	DataFetcherResult<@Nullable Organization> organization(@Argument String id,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		return Views.seenAs(view,
				this.single
					.organization(id, view, environment.getSelectionSet().getImmediateFields(), path(environment),
							environment.getGraphQlContext())
					.orElse(null));
	}

	/** The organizations that match {@code text}, each with what is read beneath it. */
	@QueryMapping
	DataFetcherResult<List<Organization>> search(@Argument String text, @Argument @Nullable Integer first,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		int size = (first != null) ? first : 10;
		if (size < 0 || size > Page.MAX_SIZE) {
			throw ApiException.badRequest("'first' must be from 0 to " + Page.MAX_SIZE + ", not " + size + ".");
		}
		OrganizationReads reads = Reads.organization(environment.getSelectionSet().getImmediateFields());
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		List<Answered<Organization>> found = this.organizations.search(text, size, filter,
				(o) -> cypher.organization(o, reads));
		ReadAnswers answers = answers(environment);
		answers.list(path(environment), found,
				(node, organization) -> answers.organization(node, organization.beneath(), reads));
		return Views.seenAs(view, found.stream().map(Answered::value).toList());
	}

	/**
	 * The organizations, and everything beneath them, see the graph as of {@code asOf}.
	 */
	@QueryMapping
	DataFetcherResult<Connection<Organization>> organizations(@Argument @Nullable OrganizationWhere where,
			@Argument @Nullable List<OrganizationOrder> orderBy, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable String asOf, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
		OrganizationReads reads = Reads.organization(connection.nodeFields());
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Connection<Answered<Organization>> page = this.organizations.page(where,
				(orderBy != null) ? orderBy : List.of(), Page.of(first, after, last, before), connection.withTotal(),
				filter, (o) -> cypher.organization(o, reads));
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, connection.places(),
				(node, organization) -> answers.organization(node, organization.beneath(), reads));
		return Views.seenAs(view, page.map(Answered::value));
	}

	/** The deal, when it meets the evidence asked for, and everything beneath it. */
	@QueryMapping
	DataFetcherResult<@Nullable Deal> deal(@Argument String id, @Argument @Nullable Boolean includeRetracted,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		return Views.seenAs(view, this.single.deal(id, Boolean.TRUE.equals(includeRetracted), view,
				environment.getSelectionSet().getImmediateFields(), path(environment), environment.getGraphQlContext())
			.orElse(null));
	}

	/** The deals, and everything beneath them, see the graph as of {@code asOf}. */
	@QueryMapping
	DataFetcherResult<Connection<Deal>> deals(@Argument @Nullable DealWhere where,
			@Argument @Nullable List<DealOrder> orderBy, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable String asOf, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
		DealReads reads = Reads.deal(connection.nodeFields());
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Connection<Answered<Deal>> page = this.deals.page(where, (orderBy != null) ? orderBy : List.of(),
				Page.of(first, after, last, before), connection.withTotal(), filter,
				(r, a, b) -> cypher.deal(r, a, b, reads));
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, connection.places(),
				(node, deal) -> answers.deal(node, deal.beneath(), reads));
		return Views.seenAs(view, page.map(Answered::value));
	}

	/** The site, when it meets the evidence asked for, and everything beneath it. */
	@QueryMapping
	DataFetcherResult<@Nullable Site> site(@Argument String id, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		return Views.seenAs(view,
				this.single
					.site(id, view, environment.getSelectionSet().getImmediateFields(), path(environment),
							environment.getGraphQlContext())
					.orElse(null));
	}

	/** The sites, and everything beneath them, see the graph as of {@code asOf}. */
	@QueryMapping
	DataFetcherResult<Connection<Site>> sites(@Argument @Nullable SiteWhere where, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable String asOf, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
		SiteReads reads = Reads.site(connection.nodeFields());
		var filter = new CypherFilter(view);
		var cypher = new ReadCypher(filter);
		Connection<Answered<Site>> page = this.sites.page(where, Page.of(first, after, last, before),
				connection.withTotal(), filter, (s) -> cypher.site(s, reads));
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, connection.places(),
				(node, site) -> answers.site(node, site.beneath(), reads));
		return Views.seenAs(view, page.map(Answered::value));
	}

	private static ResultPath path(DataFetchingEnvironment environment) {
		return environment.getExecutionStepInfo().getPath();
	}

	private static ReadAnswers answers(DataFetchingEnvironment environment) {
		return new ReadAnswers(environment.getGraphQlContext());
	}

}

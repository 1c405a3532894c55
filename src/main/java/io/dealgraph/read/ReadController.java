package io.dealgraph.read;

import java.util.List;
import java.util.function.Supplier;

import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealOrder;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.errors.ApiException;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.PageStatement;
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
import io.dealgraph.selection.PerOperation;
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
 * <p>
 * A statement is worked out from the operation alone (arguments and selection), so it is
 * kept with the operation and sent again by the next request with the same document and
 * variables ({@link PerOperation}); the answers are read anew each time. Search is worked
 * out every time: its text changes with every keystroke.
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
					.organization(id, view, fields(environment), path(environment), environment.getGraphQlContext())
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
		Page asked = Page.of(first, after, last, before);
		CompiledPage<OrganizationReads> compiled = remembered(environment, () -> {
			var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
			OrganizationReads reads = Reads.organization(connection.nodeFields());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new CompiledPage<>(connection, reads,
					OrganizationQueries.pageStatement(where, (orderBy != null) ? orderBy : List.of(), asked,
							connection.withTotal(), filter, (o) -> cypher.organization(o, reads)));
		});
		Connection<Answered<Organization>> page = this.organizations.page(compiled.statement(), asked,
				compiled.connection().withTotal());
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, compiled.connection().places(),
				(node, organization) -> answers.organization(node, organization.beneath(), compiled.reads()));
		return Views.seenAs(view, page.map(Answered::value));
	}

	/** The deal, when it meets the evidence asked for, and everything beneath it. */
	@QueryMapping
	DataFetcherResult<@Nullable Deal> deal(@Argument String id, @Argument @Nullable Boolean includeRetracted,
			@Argument @Nullable Confidence minConfidence, DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		return Views.seenAs(view,
				this.single
					.deal(id, Boolean.TRUE.equals(includeRetracted), view, fields(environment), path(environment),
							environment.getGraphQlContext())
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
		Page asked = Page.of(first, after, last, before);
		CompiledPage<DealReads> compiled = remembered(environment, () -> {
			var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
			DealReads reads = Reads.deal(connection.nodeFields());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new CompiledPage<>(connection, reads,
					DealQueries.pageStatement(where, (orderBy != null) ? orderBy : List.of(), asked,
							connection.withTotal(), filter, (r, a, b) -> cypher.deal(r, a, b, reads)));
		});
		Connection<Answered<Deal>> page = this.deals.page(compiled.statement(), asked,
				compiled.connection().withTotal());
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, compiled.connection().places(),
				(node, deal) -> answers.deal(node, deal.beneath(), compiled.reads()));
		return Views.seenAs(view, page.map(Answered::value));
	}

	/** The site, when it meets the evidence asked for, and everything beneath it. */
	@QueryMapping
	DataFetcherResult<@Nullable Site> site(@Argument String id, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(null, minConfidence);
		return Views.seenAs(view,
				this.single.site(id, view, fields(environment), path(environment), environment.getGraphQlContext())
					.orElse(null));
	}

	/** The sites, and everything beneath them, see the graph as of {@code asOf}. */
	@QueryMapping
	DataFetcherResult<Connection<Site>> sites(@Argument @Nullable SiteWhere where, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable String asOf, @Argument @Nullable Confidence minConfidence,
			DataFetchingEnvironment environment) {
		View view = View.of(asOf, minConfidence);
		Page asked = Page.of(first, after, last, before);
		CompiledPage<SiteReads> compiled = remembered(environment, () -> {
			var connection = ConnectionSelection.of(environment.getSelectionSet().getImmediateFields());
			SiteReads reads = Reads.site(connection.nodeFields());
			var filter = new CypherFilter(view);
			var cypher = new ReadCypher(filter);
			return new CompiledPage<>(connection, reads, SiteQueries.pageStatement(where, asked, connection.withTotal(),
					filter, (s) -> cypher.site(s, reads)));
		});
		Connection<Answered<Site>> page = this.sites.page(compiled.statement(), asked,
				compiled.connection().withTotal());
		ReadAnswers answers = answers(environment);
		answers.nodes(path(environment), page, compiled.connection().places(),
				(node, site) -> answers.site(node, site.beneath(), compiled.reads()));
		return Views.seenAs(view, page.map(Answered::value));
	}

	/**
	 * A page read worked out from its operation alone: where its nodes stand, what it
	 * reads beneath each, and the statement that reads it all.
	 */
	private record CompiledPage<R>(ConnectionSelection connection, R reads, PageStatement statement) {
	}

	/**
	 * What the top-level field worked out when its operation last ran with these
	 * variables, else {@code work}'s ({@link PerOperation}).
	 */
	private static <T> T remembered(DataFetchingEnvironment environment, Supplier<T> work) {
		return PerOperation.remembered(environment.getGraphQlContext(), path(environment), work);
	}

	/** The field's selection, read only when its statement is worked out. */
	private static Supplier<List<SelectedField>> fields(DataFetchingEnvironment environment) {
		return () -> environment.getSelectionSet().getImmediateFields();
	}

	private static ResultPath path(DataFetchingEnvironment environment) {
		return environment.getExecutionStepInfo().getPath();
	}

	private static ReadAnswers answers(DataFetchingEnvironment environment) {
		return new ReadAnswers(environment.getGraphQlContext());
	}

}

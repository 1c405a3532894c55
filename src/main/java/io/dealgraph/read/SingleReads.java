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
import org.springframework.stereotype.Component;

/**
 * One organization or one deal by its key, with everything selected beneath it, in one
 * statement: what {@code organization(id:)} and {@code deal(id:)} answer, and
 * {@code node(id:)} for those interfaces ({@link ReadNodes}).
 */
@Component
class SingleReads {

	private final OrganizationQueries organizations;

	private final DealQueries deals;

	SingleReads(OrganizationQueries organizations, DealQueries deals) {
		this.organizations = organizations;
		this.deals = deals;
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

}

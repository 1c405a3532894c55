package io.dealgraph.read;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.graph.Beneath;
import io.dealgraph.read.Reads.OrganizationReads;

/**
 * The read compiler for a statement outside this package that returns a list of
 * organizations under a field of one object (a network's {@code organizations}): it reads
 * their selection, nested as deep as it goes, in that same statement, and keeps the
 * answers for the nested fields at their places. With no such field, or the field
 * selected under several aliases, each organization is read with what it stores and its
 * nested fields load themselves.
 */
public final class OrganizationsBeneath implements Function<String, Beneath> {

	private final @Nullable String key;

	private final OrganizationReads reads;

	private final ReadCypher cypher;

	private OrganizationsBeneath(@Nullable String key, OrganizationReads reads, CypherFilter filter) {
		this.key = key;
		this.reads = reads;
		this.cypher = new ReadCypher(filter);
	}

	/**
	 * What is read beneath each organization of the list that field {@code field} of one
	 * object holds, whose selected fields these are; {@code filter} is the statement's,
	 * which holds its view and hands out its names.
	 */
	public static OrganizationsBeneath listedIn(Collection<SelectedField> objectFields, String field,
			CypherFilter filter) {
		return Reads.selectedOnce(objectFields, field)
			.map((list) -> new OrganizationsBeneath(list.getResultKey(), Reads.organization(Reads.children(list)),
					filter))
			.orElseGet(() -> new OrganizationsBeneath(null, Reads.organization(List.of()), filter));
	}

	@Override
	public Beneath apply(String organization) {
		if (this.key == null) {
			return OrganizationStatements.storedOnly(organization);
		}
		return this.cypher.organization(organization, this.reads);
	}

	/**
	 * Keeps what was read beneath each organization of the list under the object at
	 * {@code object}, in the list's order, for their nested fields.
	 */
	public void keep(GraphQLContext context, ResultPath object, List<Value> beneath) {
		if (this.key == null) {
			return;
		}
		var answers = new ReadAnswers(context);
		for (int i = 0; i < beneath.size(); i++) {
			answers.organization(object.segment(this.key).segment(i), beneath.get(i), this.reads);
		}
	}

}

package io.dealgraph.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.neo4j.driver.Record;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.deal.Deal;
import io.dealgraph.graph.View;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.organization.Organization;
import io.dealgraph.read.Reads.DealReads;
import io.dealgraph.read.Reads.OrganizationReads;

/**
 * The read compiler for a mutation's response: what the response selects beneath the
 * deal, deals or organization a mutation wrote (a party's deals, its financiers, a deal's
 * sites), read with one statement inside the write's own transaction, after the write, so
 * the response shows exactly the graph the write left and its nested fields send no
 * statement of their own. A response that selects nothing nested reads nothing: the
 * written object carries its fields.
 */
public final class ResponseReads {

	private ResponseReads() {
	}

	/** What a mutation runs, inside its transaction, once it has written {@code T}. */
	@FunctionalInterface
	public interface AfterWrite<T> {

		/** Reads nothing: for a write whose response is not a GraphQL selection. */
		AfterWrite<?> NOTHING = (tx, written) -> {
		};

		void read(CypherExecutor.Writer tx, T written);

		@SuppressWarnings("unchecked")
		static <T> AfterWrite<T> nothing() {
			return (AfterWrite<T>) NOTHING;
		}

	}

	/** Reads what the response selects beneath the deal the mutation answers. */
	public static AfterWrite<Deal> deal(DataFetchingEnvironment environment) {
		DealReads reads = Reads.deal(environment.getSelectionSet().getImmediateFields());
		if (reads.fields().isEmpty()) {
			return AfterWrite.nothing();
		}
		ResultPath path = environment.getExecutionStepInfo().getPath();
		GraphQLContext context = environment.getGraphQlContext();
		return (tx, deal) -> {
			var filter = new CypherFilter(View.NOW);
			var cypher = new ReadCypher(filter);
			String query = DealStatements.byId(deal.id(), true, filter, (r, a, b) -> cypher.deal(r, a, b, reads));
			first(tx.run(query, filter.parameters()))
				.forEach((row) -> new ReadAnswers(context).deal(path, row.get("beneath"), reads));
		};
	}

	/**
	 * Reads what the response selects beneath each deal of the list in its field
	 * {@code field}, such as {@code importDeals}' {@code deals}: one statement for them
	 * all. Nothing when the field is not selected, or selected under several aliases (its
	 * deals' nested fields then load themselves).
	 */
	public static AfterWrite<List<Deal>> dealsListedIn(DataFetchingEnvironment environment, String field) {
		Optional<SelectedField> selected = Reads.selectedOnce(environment.getSelectionSet().getImmediateFields(),
				field);
		if (selected.isEmpty()) {
			return AfterWrite.nothing();
		}
		DealReads reads = Reads.deal(Reads.children(selected.get()));
		if (reads.fields().isEmpty()) {
			return AfterWrite.nothing();
		}
		ResultPath list = environment.getExecutionStepInfo().getPath().segment(selected.get().getResultKey());
		GraphQLContext context = environment.getGraphQlContext();
		return (tx, deals) -> {
			var filter = new CypherFilter(View.NOW);
			var cypher = new ReadCypher(filter);
			String query = DealStatements.eachById((r, a, b) -> cypher.deal(r, a, b, reads));
			Map<String, Object> parameters = new HashMap<>(filter.parameters());
			parameters.put("ids", deals.stream().map(Deal::id).toList());
			var answers = new ReadAnswers(context);
			for (Record row : tx.run(query, parameters)) {
				answers.deal(list.segment(row.get("i").asInt()), row.get("beneath"), reads);
			}
		};
	}

	/** Reads what the response selects beneath the organization the mutation answers. */
	public static AfterWrite<Organization> organization(DataFetchingEnvironment environment) {
		OrganizationReads reads = Reads.organization(environment.getSelectionSet().getImmediateFields());
		if (reads.fields().isEmpty()) {
			return AfterWrite.nothing();
		}
		ResultPath path = environment.getExecutionStepInfo().getPath();
		GraphQLContext context = environment.getGraphQlContext();
		return (tx, organization) -> {
			var filter = new CypherFilter(View.NOW);
			var cypher = new ReadCypher(filter);
			String query = OrganizationStatements.byId(organization.id(), filter, (o) -> cypher.organization(o, reads));
			first(tx.run(query, filter.parameters()))
				.forEach((row) -> new ReadAnswers(context).organization(path, row.get("beneath"), reads));
		};
	}

	private static List<Record> first(List<Record> rows) {
		return rows.isEmpty() ? List.of() : List.of(rows.getFirst());
	}

}

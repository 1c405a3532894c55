package io.dealgraph.read;

import java.util.Collection;
import java.util.List;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.cypher.DealStatements;
import io.dealgraph.graph.Beneath;
import io.dealgraph.read.Reads.ConnectionSelection;
import io.dealgraph.read.Reads.DealReads;

/**
 * The read compiler for a statement outside this package that returns deals (a timeline
 * event's {@code deal}, a network's {@code deals}): it reads the deals' selection, nested
 * as deep as it goes, in that same statement, and keeps the answers for the nested fields
 * at their places. With no such field, or the field selected under several aliases, each
 * deal is read whole and its nested fields load themselves.
 */
public final class DealsBeneath implements DealStatements.BeneathOf {

	private final @Nullable String key;

	private final Places places;

	private final DealReads reads;

	private final ReadCypher cypher;

	private final CypherFilter filter;

	private DealsBeneath(@Nullable String key, Places places, DealReads reads, CypherFilter filter) {
		this.key = key;
		this.places = places;
		this.reads = reads;
		this.cypher = new ReadCypher(filter);
		this.filter = filter;
	}

	/**
	 * What is read beneath the deal that field {@code field} holds, of each object of a
	 * list whose selected fields these are; {@code filter} is the statement's, which
	 * holds its view and hands out its names.
	 */
	public static DealsBeneath eachIn(Collection<SelectedField> objectFields, String field, CypherFilter filter) {
		return under(objectFields, field, (list, key, i) -> List.of(list.segment(i).segment(key)), filter);
	}

	/**
	 * As {@link #eachIn}, for the nodes of a connection whose selected fields these are.
	 */
	public static DealsBeneath eachInConnection(List<SelectedField> connectionFields, String field,
			CypherFilter filter) {
		ConnectionSelection connection = ConnectionSelection.of(connectionFields);
		return under(connection.nodeFields(), field,
				(edges, key, i) -> connection.places()
					.stream()
					.map((place) -> edges.segment(place.edges()).segment(i).segment(place.node()).segment(key))
					.toList(),
				filter);
	}

	/**
	 * What is read beneath each deal of the list that field {@code field} of one object
	 * holds, whose selected fields these are.
	 */
	public static DealsBeneath listedIn(Collection<SelectedField> objectFields, String field, CypherFilter filter) {
		return under(objectFields, field, (object, key, i) -> List.of(object.segment(key).segment(i)), filter);
	}

	private static DealsBeneath under(Collection<SelectedField> objectFields, String field, Places places,
			CypherFilter filter) {
		return Reads.selectedOnce(objectFields, field)
			.map((deal) -> new DealsBeneath(deal.getResultKey(), places, Reads.deal(Reads.children(deal)), filter))
			.orElseGet(() -> new DealsBeneath(null, places, Reads.deal(List.of()), filter));
	}

	@Override
	public Beneath of(String deal, String from, String to) {
		if (this.key == null) {
			return DealStatements.whole(this.filter).of(deal, from, to);
		}
		return this.cypher.deal(deal, from, to, this.reads);
	}

	/**
	 * Keeps what was read beneath each deal, in the order of the objects at {@code at},
	 * for the deals' nested fields.
	 */
	public void keep(GraphQLContext context, ResultPath at, List<Value> beneath) {
		if (this.key == null) {
			return;
		}
		var answers = new ReadAnswers(context);
		for (int i = 0; i < beneath.size(); i++) {
			for (ResultPath deal : this.places.of(at, this.key, i)) {
				answers.deal(deal, beneath.get(i), this.reads);
			}
		}
	}

	/** Where the {@code i}th deal stands in the response, under the field's key. */
	@FunctionalInterface
	private interface Places {

		List<ResultPath> of(ResultPath at, String key, int i);

	}

}

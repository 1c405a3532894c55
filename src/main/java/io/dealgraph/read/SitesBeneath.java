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
import io.dealgraph.graph.Answered;
import io.dealgraph.graph.Beneath;
import io.dealgraph.read.Reads.SiteReads;
import io.dealgraph.selection.Prefetched;
import io.dealgraph.site.Site;

/**
 * The read compiler for a statement outside this package that can return a list of sites
 * under a field of one object (a network's {@code sites}): it reads the list and its
 * selection, nested as deep as it goes, in that same statement, and keeps the answers at
 * their places. With no such field the statement reads no sites; with the field selected
 * under several aliases it reads none either, and the field loads itself.
 */
public final class SitesBeneath implements Function<String, Beneath> {

	private final @Nullable String key;

	private final SiteReads reads;

	private final ReadCypher cypher;

	private SitesBeneath(@Nullable String key, SiteReads reads, CypherFilter filter) {
		this.key = key;
		this.reads = reads;
		this.cypher = new ReadCypher(filter);
	}

	/**
	 * What is read of the sites of the list that field {@code field} of one object holds,
	 * whose selected fields these are; {@code filter} is the statement's, which holds its
	 * view and hands out its names.
	 */
	public static SitesBeneath listedIn(Collection<SelectedField> objectFields, String field, CypherFilter filter) {
		return Reads.selectedOnce(objectFields, field)
			.map((list) -> new SitesBeneath(list.getResultKey(), Reads.site(Reads.children(list)), filter))
			.orElseGet(() -> new SitesBeneath(null, Reads.site(List.of()), filter));
	}

	/** Whether the statement should read the sites: null when it should not. */
	public @Nullable Function<String, Beneath> whenSelected() {
		return (this.key != null) ? this : null;
	}

	@Override
	public Beneath apply(String site) {
		return this.cypher.site(site, this.reads);
	}

	/**
	 * Keeps the sites read, each a {@code {site, beneath}} row, as the list under the
	 * object at {@code object}, and what was read beneath each for its nested fields.
	 */
	public void keep(GraphQLContext context, ResultPath object, List<Value> rows) {
		if (this.key == null) {
			return;
		}
		List<Answered<Site>> sites = rows.stream()
			.map((row) -> new Answered<>(Site.from(row.get("site")), row.get("beneath")))
			.toList();
		ResultPath list = object.segment(this.key);
		Prefetched.put(context, list, sites.stream().map(Answered::value).toList());
		var answers = new ReadAnswers(context);
		answers.list(list, sites, (node, site) -> answers.site(node, site.beneath(), this.reads));
	}

}

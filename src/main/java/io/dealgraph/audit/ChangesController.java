package io.dealgraph.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.filter.CypherFilter;
import io.dealgraph.graph.CypherText;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Edge;
import io.dealgraph.paging.Keyset;
import io.dealgraph.paging.Page;
import io.dealgraph.paging.SortKey;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit log, newest first, by keyset pages. */
@Controller
class ChangesController {

	private static final Keyset NEWEST_FIRST = new Keyset(List.of(new SortKey("at", "c.at", false, true, true)), "c.id",
			true);

	private static final CypherText CHANGES = CypherText.of("""
			MATCH (c:Change)
			WHERE ($since IS NULL OR c.at >= $since) AND ($by IS NULL OR c.by = $by) AND {{after}}
			WITH c ORDER BY {{orderBy}} LIMIT $limit
			RETURN c {.*} AS change, {{sortValues}} AS sortValues
			""");

	private final CypherExecutor cypher;

	ChangesController(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	@QueryMapping
	Connection<Change> changes(@Argument @Nullable String since, @Argument @Nullable String by,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		Page page = Page.of(first, after);
		var parameters = new CypherFilter();
		String query = CHANGES.with("sortValues", NEWEST_FIRST.sortValues(parameters::parameter))
			.with("after", NEWEST_FIRST.after(page.after(), parameters::parameter))
			.with("orderBy", NEWEST_FIRST.orderBy(parameters::parameter))
			.build();
		Map<String, Object> values = new HashMap<>(parameters.parameters());
		values.put("since", since);
		values.put("by", by);
		values.put("limit", page.fetchSize());
		List<Edge<Change>> edges = this.cypher.read(query, values,
				(row) -> new Edge<>(NEWEST_FIRST.cursor(row.get("sortValues")).encode(), change(row.get("change"))));
		return Connection.of(edges, page, -1);
	}

	private static Change change(Value c) {
		return new Change(c.get("id").asString(), c.get("at").asString(), c.get("by").asString(),
				c.get("operation").asString(), c.get("target").asString(), c.get("before").asString(null),
				c.get("after").asString(null));
	}

}

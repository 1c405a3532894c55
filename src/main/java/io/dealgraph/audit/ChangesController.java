package io.dealgraph.audit;

import org.jspecify.annotations.Nullable;

import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The audit log, newest first, by keyset pages. */
@Controller
class ChangesController {

	private final ChangeQueries changes;

	ChangesController(ChangeQueries changes) {
		this.changes = changes;
	}

	@QueryMapping
	Connection<Change> changes(@Argument @Nullable String since, @Argument @Nullable String by,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before) {
		return this.changes.page(since, by, Page.of(first, after, last, before));
	}

}

package io.dealgraph.selection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQLContext;
import graphql.execution.ResultPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a top-level field keeps with its operation, and what it does not: no database. */
class PerOperationTests {

	private final Map<ResultPath, Object> kept = new ConcurrentHashMap<>();

	private final AtomicInteger worked = new AtomicInteger();

	@Test
	void aTopLevelFieldWorksItsValueOutOncePerOperation() {
		ResultPath organization = ResultPath.rootPath().segment("organization");
		assertThat(remembered(request(), organization)).isEqualTo(1);
		assertThat(remembered(request(), organization)).isEqualTo(1);
		assertThat(remembered(request(), ResultPath.rootPath().segment("deals"))).isEqualTo(2);
		assertThat(this.worked).hasValue(2);
	}

	@Test
	void aNestedFieldAndARequestWithoutAnOperationKeepNothing() {
		ResultPath nested = ResultPath.rootPath().segment("nodes").segment(0);
		assertThat(remembered(request(), nested)).isEqualTo(1);
		assertThat(remembered(request(), nested)).isEqualTo(2);
		ResultPath organization = ResultPath.rootPath().segment("organization");
		assertThat(remembered(GraphQLContext.newContext().build(), organization)).isEqualTo(3);
		assertThat(remembered(GraphQLContext.newContext().build(), organization)).isEqualTo(4);
		assertThat(this.kept).isEmpty();
	}

	@Test
	void aRefusalIsNotKept() {
		ResultPath organization = ResultPath.rootPath().segment("organization");
		assertThatIllegalStateException().isThrownBy(() -> PerOperation.remembered(request(), organization, () -> {
			throw new IllegalStateException("refused");
		}));
		assertThat(remembered(request(), organization)).isEqualTo(1);
	}

	/** A request of the one operation these tests keep values for. */
	private GraphQLContext request() {
		GraphQLContext context = GraphQLContext.newContext().build();
		PerOperation.attach(context, this.kept);
		return context;
	}

	private int remembered(GraphQLContext context, ResultPath path) {
		return PerOperation.remembered(context, path, this.worked::incrementAndGet);
	}

}

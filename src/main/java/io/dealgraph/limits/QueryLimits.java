package io.dealgraph.limits;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.ResultNodesInfo;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import io.dealgraph.paging.Page;
import org.springframework.stereotype.Component;

/**
 * Refuses a request before it runs when it is deeper, costlier or more aliased than the
 * stated limits, with the numbers in the message ("cost 160 100 > 100 000"). Refused
 * requests never reach the database and answer HTTP 400 under
 * application/graphql-response+json.
 *
 * <p>
 * Cost is an upper bound on the result nodes a request can return, counted as
 * graphql-java counts them: every field of every object, and every item of every list.
 * Each list counts at the most it can hold, as the schema states it with
 * {@code @listSize} (a cap, or the argument that sizes it); a connection's edges count at
 * its {@code first} or {@code last} (20 without either). Introspection is bounded by the
 * schema, not by the data, and is counted only once it has run. After a request has run,
 * the result nodes it really returned are known: that is what the rate limit charges.
 * graphql-java's own cap on result nodes stops a request whose estimate was wrong, with
 * LIMIT_EXCEEDED and no partial answer.
 * <p>
 * graphql-java calls it through the schema's one instrumentation
 * ({@code graphql.RequestInstrumentation}), before the operation runs and after.
 */
@Component
public class QueryLimits {

	/**
	 * Relay connections take two levels per hop (edges, node), so ten hops of data need
	 * about this.
	 */
	public static final int MAX_DEPTH = 15;

	/**
	 * The most result nodes a request may be able to return. High, because the estimate
	 * is a true upper bound: relationship lists hold up to 100 organizations each, so two
	 * of them nested under a page reach millions in principle while they return dozens on
	 * real data (the flagship example, "AI customers of miners financed by private
	 * equity", is worth 7.0 million). What this refuses is fan-out that is huge in
	 * practice too (three nested relationship lists under a page of 100: over 100
	 * million). The answers themselves are held to {@link #MAX_RESULT_NODES}.
	 */
	public static final int MAX_COST = 10_000_000;

	public static final int MAX_ALIASES = 30;

	/**
	 * graphql-java stops a request past this many result nodes returned, and it answers
	 * LIMIT_EXCEEDED: about 6 MB of JSON, far above any page a front-end shows, with room
	 * for introspection (GraphiQL's full introspection of this schema returns about 20
	 * 000 nodes).
	 */
	public static final int MAX_RESULT_NODES = 200_000;

	/**
	 * The size assumed for a list the schema gives no bound; a test keeps every list of
	 * the schema bounded, so this is only a safety net.
	 */
	private static final long UNBOUNDED_LIST = 1_000;

	/**
	 * Where {@link RequestObservation} receives the cost of its request, in the GraphQL
	 * context.
	 */
	static final String COST_SINK = QueryLimits.class.getName() + ".cost";

	/** The measured size of one request, before it runs. */
	public record Measure(int depth, long cost, int aliases, boolean mutation) {
	}

	/**
	 * What one request cost: its measure, whether the limits refused it, and the result
	 * nodes it returned once run (-1 before).
	 */
	static final class RequestCost {

		private volatile @Nullable Measure measure;

		private volatile boolean refused;

		private volatile int resultNodes = -1;

		@Nullable Measure measure() {
			return this.measure;
		}

		boolean refused() {
			return this.refused;
		}

		int resultNodes() {
			return this.resultNodes;
		}

	}

	/**
	 * Throws {@link AbortExecutionException}, with one error per limit passed, when the
	 * operation about to run is over a limit; else it runs with graphql-java's cap on the
	 * result nodes it returns. Measured before every execution rather than in validation:
	 * a document is parsed and validated once and then cached (see
	 * {@code graphql.Documents}), but its cost depends on each request's variables
	 * ({@code first: $n}). The measure is {@link #measure}'s for this document and these
	 * variables ({@code graphql.KeptOperations} keeps it for the next request that sends
	 * the same).
	 */
	public void refuseOverLimits(ExecutionContext execution, Measure measure) {
		RequestCost sink = execution.getGraphQLContext().get(COST_SINK);
		if (sink != null) {
			sink.measure = measure;
		}
		List<GraphQLError> errors = new ArrayList<>();
		if (measure.depth() > MAX_DEPTH) {
			errors.add(limit("depth " + measure.depth() + " > " + MAX_DEPTH));
		}
		if (measure.cost() > MAX_COST) {
			errors.add(limit("cost " + measure.cost() + " > " + MAX_COST
					+ " (result nodes the request may return; lower 'first' or 'limit', or nest less)"));
		}
		if (measure.aliases() > MAX_ALIASES) {
			errors.add(limit("aliases " + measure.aliases() + " > " + MAX_ALIASES));
		}
		if (!errors.isEmpty()) {
			if (sink != null) {
				sink.refused = true;
			}
			throw new AbortExecutionException(errors);
		}
		execution.getGraphQLContext().put(ResultNodesInfo.MAX_RESULT_NODES, MAX_RESULT_NODES);
	}

	/**
	 * Records the result nodes returned; a request stopped by the backstop answers
	 * LIMIT_EXCEEDED instead of a result with fields silently nulled.
	 */
	public ExecutionResult afterExecution(ExecutionResult result, GraphQLContext context) {
		ResultNodesInfo nodes = context.get(ResultNodesInfo.RESULT_NODES_INFO);
		RequestCost sink = context.get(COST_SINK);
		if (nodes != null && sink != null) {
			sink.resultNodes = nodes.getResultNodesCount();
		}
		if (nodes != null && nodes.isMaxResultNodesExceeded()) {
			return ExecutionResult.newExecutionResult().addError(limit("result nodes > " + MAX_RESULT_NODES)).build();
		}
		return result;
	}

	/** The measure of an operation of the document, with these variables. */
	public static Measure measure(GraphQLSchema schema, Document document, @Nullable String operationName,
			Map<String, Object> variables) {
		// How many times each field is evaluated: once per object of the field above it.
		Map<QueryVisitorFieldEnvironment, Long> items = new IdentityHashMap<>();
		long[] cost = { 0 };
		int[] depth = { 0 };
		int[] aliases = { 0 };
		try {
			QueryTraverser.newQueryTraverser()
				.schema(schema)
				.document(document)
				.operationName(operationName)
				.variables(variables)
				.build()
				.visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment env) {
						if (env.getField().getAlias() != null) {
							aliases[0]++;
						}
						int level = 1;
						for (var p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
							level++;
						}
						depth[0] = Math.max(depth[0], level);
						if (isIntrospection(env)) {
							return;
						}
						long instances = (env.getParentEnvironment() != null)
								? items.getOrDefault(env.getParentEnvironment(), 1L) : 1L;
						long size = listSize(env);
						long produced = (size < 0) ? instances : saturatedMultiply(instances, size);
						cost[0] = saturatedAdd(cost[0], (size < 0) ? instances : saturatedAdd(instances, produced));
						items.put(env, produced);
					}
				});
		}
		catch (RuntimeException ex) {
			// A document the traverser cannot walk is left to validation, which reports
			// it properly.
			return new Measure(0, 0, 0, false);
		}
		boolean mutation = document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((op) -> operationName == null || operationName.equals(op.getName()))
			.anyMatch((op) -> op.getOperation() == OperationDefinition.Operation.MUTATION);
		return new Measure(depth[0], cost[0], aliases[0], mutation);
	}

	/**
	 * Introspection ({@code __schema}, {@code __type} and all beneath) is bounded by the
	 * schema; {@code __typename} is an ordinary result node.
	 */
	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		String name = env.getFieldDefinition().getName();
		return (name.startsWith("__") && !name.equals("__typename"))
				|| ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getParentType())).getName().startsWith("__");
	}

	/** The most items this field's list can hold, or -1 when it is no list. */
	static long listSize(QueryVisitorFieldEnvironment env) {
		GraphQLFieldDefinition field = env.getFieldDefinition();
		if (!(GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList)) {
			return -1;
		}
		GraphQLAppliedDirective listSize = field.getAppliedDirective("listSize");
		if (listSize == null) {
			boolean relayEdges = field.getName().equals("edges")
					&& ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getParentType())).getName()
						.endsWith("Connection");
			return relayEdges ? pageSize(env.getParentEnvironment()) : UNBOUNDED_LIST;
		}
		Integer max = argument(listSize, "max");
		if (max != null) {
			return max;
		}
		long plus = Objects.requireNonNullElse(argument(listSize, "plus"), 0);
		String sizedBy = argument(listSize, "sizedBy");
		if (sizedBy != null) {
			return saturatedAdd(argumentSize(env, sizedBy), plus);
		}
		String sizedByParent = argument(listSize, "sizedByParent");
		if (sizedByParent != null) {
			return saturatedAdd(argumentSize(nearestWith(env.getParentEnvironment(), sizedByParent), sizedByParent),
					plus);
		}
		return UNBOUNDED_LIST;
	}

	/**
	 * The nearest enclosing field that takes this argument: a path's organizations are
	 * sized by the search's {@code maxHops}, whether the paths are the search's own list
	 * or a list inside its answer.
	 */
	private static @Nullable QueryVisitorFieldEnvironment nearestWith(@Nullable QueryVisitorFieldEnvironment env,
			String argument) {
		for (var field = env; field != null; field = field.getParentEnvironment()) {
			if (field.getFieldDefinition().getArgument(argument) != null) {
				return field;
			}
		}
		return null;
	}

	/**
	 * The edges a connection's page holds at most: its {@code first} or {@code last}, and
	 * without either the default page size.
	 */
	private static long pageSize(@Nullable QueryVisitorFieldEnvironment connection) {
		if (connection == null) {
			return UNBOUNDED_LIST;
		}
		for (String size : List.of("first", "last")) {
			if (connection.getArguments().get(size) != null) {
				return argumentSize(connection, size);
			}
		}
		return Page.DEFAULT_SIZE;
	}

	private static <T> @Nullable T argument(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		return (argument != null) ? argument.getValue() : null;
	}

	/**
	 * The size an argument gives: its value, or a list argument's length; the argument's
	 * default when the request leaves it out.
	 */
	private static long argumentSize(@Nullable QueryVisitorFieldEnvironment env, String name) {
		if (env == null) {
			return UNBOUNDED_LIST;
		}
		Object value = env.getArguments().get(name);
		if (value instanceof Number number) {
			return Math.max(0, number.longValue());
		}
		if (value instanceof List<?> list) {
			return list.size();
		}
		return UNBOUNDED_LIST;
	}

	private static GraphQLError limit(String message) {
		return ErrorResponses.graphQlError(ErrorCode.LIMIT_EXCEEDED, "Request over its limit: " + message + ".",
				Map.of(), null);
	}

	private static long saturatedMultiply(long a, long b) {
		long r = a * b;
		return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
	}

	private static long saturatedAdd(long a, long b) {
		long r = a + b;
		return (r < 0) ? Long.MAX_VALUE : r;
	}

}

package io.dealgraph.limits;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Refuses a request before it runs when it is deeper, costlier or more aliased than the
 * stated limits, with the numbers in the message ("cost 60 100 > 50 000"). Refused
 * requests never reach the database and answer HTTP 400 under
 * application/graphql-response+json.
 *
 * <p>
 * Cost counts the objects a request may return, as GitHub and Shopify do: a paged field
 * multiplies what is under it by its {@code first} (or {@code limit}); an unpaged list of
 * organizations or deals by its cap of 100; any other list by 10.
 */
@Component
public class QueryLimits extends SimplePerformantInstrumentation {

	/**
	 * Relay connections take two levels per hop (edges, node), so ten hops of data need
	 * about this.
	 */
	public static final int MAX_DEPTH = 15;

	public static final int MAX_COST = 50_000;

	public static final int MAX_ALIASES = 30;

	private static final Set<String> GRAPH_TYPES = Set.of("Organization", "Deal", "Path", "TimelineEvent",
			"DealStatsBucket", "Change");

	/**
	 * An unpaged list of organizations or deals counts as a default page; its hard cap is
	 * 100.
	 */
	private static final int GRAPH_LIST_ESTIMATE = 20;

	private static final int SMALL_LIST_CAP = 10;

	/**
	 * Where {@link RequestObservation} receives the measure of its request, in the
	 * GraphQL context.
	 */
	static final String MEASURE_SINK = QueryLimits.class.getName() + ".measure";

	/** The measured size of one request. */
	public record Measure(int depth, long cost, int aliases, boolean mutation) {
	}

	/**
	 * Measured before every execution rather than in validation: a document is parsed and
	 * validated once and then cached (see {@code system.DocumentCache}), but its cost
	 * depends on each request's variables ({@code first: $n}).
	 */
	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Measure measure = measure(execution.getGraphQLSchema(), execution.getDocument(),
				execution.getOperationDefinition().getName(), execution.getExecutionInput().getVariables());
		List<GraphQLError> errors = new ArrayList<>();
		if (measure.depth() > MAX_DEPTH) {
			errors.add(limit("depth " + measure.depth() + " > " + MAX_DEPTH));
		}
		if (measure.cost() > MAX_COST) {
			errors.add(limit("cost " + measure.cost() + " > " + MAX_COST
					+ " (objects the request may return; lower 'first' or nest less)"));
		}
		if (measure.aliases() > MAX_ALIASES) {
			errors.add(limit("aliases " + measure.aliases() + " > " + MAX_ALIASES));
		}
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		AtomicReference<Measure> sink = execution.getGraphQLContext().get(MEASURE_SINK);
		if (sink != null) {
			sink.set(measure);
		}
		return SimpleInstrumentationContext.noOp();
	}

	static Measure measure(GraphQLSchema schema, Document document, @Nullable String operationName,
			Map<String, Object> variables) {
		Map<QueryVisitorFieldEnvironment, Long> multiplied = new IdentityHashMap<>();
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
						long above = (env.getParentEnvironment() != null)
								? multiplied.getOrDefault(env.getParentEnvironment(), 1L) : 1L;
						GraphQLOutputType type = env.getFieldDefinition().getType();
						long own = multiplier(type, env.getArguments(), env.getParentType());
						if (!GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
							cost[0] = saturatedAdd(cost[0], saturatedMultiply(above, own));
						}
						multiplied.put(env, saturatedMultiply(above, own));
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

	private static long multiplier(GraphQLOutputType type, Map<String, Object> arguments, GraphQLType parent) {
		Object size = (arguments.get("first") != null) ? arguments.get("first") : arguments.get("limit");
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		boolean list = unwrapped instanceof GraphQLList;
		boolean connection = GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object
				&& object.getName().endsWith("Connection");
		if (size instanceof Number number && (list || connection)) {
			return Math.max(1, number.longValue());
		}
		if (!list) {
			return 1;
		}
		if (GraphQLTypeUtil.unwrapAll(parent) instanceof GraphQLNamedType named
				&& named.getName().endsWith("Connection")) {
			return 1;
		}
		String element = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName();
		return GRAPH_TYPES.contains(element) ? GRAPH_LIST_ESTIMATE : SMALL_LIST_CAP;
	}

	private static GraphQLError limit(String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.ExecutionAborted)
			.message("Request over its limit: " + message + ".")
			.extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name()))
			.build();
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

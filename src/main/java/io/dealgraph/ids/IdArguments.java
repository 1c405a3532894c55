package io.dealgraph.ids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.Scalars;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;
import io.dealgraph.graph.GlobalId;
import io.dealgraph.graph.GlobalId.Interface;
import org.springframework.stereotype.Component;

/**
 * Every argument and input field that takes an id takes it in either form: the readable
 * key ({@code hut-8}) or the global id ({@code Organization:hut-8}). This reads each such
 * value to its key before any controller sees it, at any depth of nested input, so that
 * no controller, filter or statement ever handles the global form. A global id of another
 * interface, such as a deal's given where an organization is asked for, is a client's
 * mistake: {@code BAD_REQUEST}, and nothing runs.
 * <p>
 * graphql-java asks it for each field's fetcher through the schema's one instrumentation
 * ({@code graphql.RequestInstrumentation}).
 */
@Component
public class IdArguments {

	/**
	 * Which interface each id-typed argument and input field names, by its schema
	 * coordinate. IdArgumentsTests fails on an {@code ID} in the schema that is not here.
	 */
	static final Map<String, Interface> INTERFACES = Map.ofEntries(
			Map.entry("Query.organization(id:)", Interface.Organization), Map.entry("Query.deal(id:)", Interface.Deal),
			Map.entry("Query.connections(from:)", Interface.Organization),
			Map.entry("Query.connections(to:)", Interface.Organization),
			Map.entry("Query.pathsBetween(from:)", Interface.Organization),
			Map.entry("Query.pathsBetween(to:)", Interface.Organization),
			Map.entry("Query.network(around:)", Interface.Organization),
			Map.entry("Query.timeline(of:)", Interface.Organization),
			Map.entry("Query.timelineConnection(of:)", Interface.Organization),
			Map.entry("Mutation.updateDeal(id:)", Interface.Deal),
			Map.entry("Mutation.retractDeal(id:)", Interface.Deal),
			Map.entry("Mutation.addSource(dealId:)", Interface.Deal),
			Map.entry("Mutation.mergeOrganizations(keep:)", Interface.Organization),
			Map.entry("Mutation.mergeOrganizations(merge:)", Interface.Organization),
			Map.entry("OrganizationWhere.id", Interface.Organization),
			Map.entry("OrganizationWhere.idIn", Interface.Organization),
			Map.entry("OrganizationInput.id", Interface.Organization),
			Map.entry("DealInput.from", Interface.Organization), Map.entry("DealInput.to", Interface.Organization),
			Map.entry("Query.site(id:)", Interface.Site), Map.entry("SiteWhere.id", Interface.Site),
			Map.entry("SiteWhere.idIn", Interface.Site), Map.entry("SiteWhere.operator", Interface.Organization));

	/**
	 * The id arguments that name no interface: any node may stand there, and
	 * {@code node(id:)} reads each id's form itself ({@link GlobalId#read}).
	 */
	static final Set<String> ANY_INTERFACE = Set.of("Query.node(id:)", "Query.nodes(ids:)");

	/** Whether a field's arguments can hold an id anywhere, worked out once per field. */
	private final Map<GraphQLFieldDefinition, Boolean> holdsIds = new ConcurrentHashMap<>();

	/**
	 * The field's fetcher, wrapped to read every id in its arguments to a key when an
	 * argument can hold one; else the fetcher itself.
	 */
	public DataFetcher<?> readingIds(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters) {
		// A trivial fetcher reads a property and no argument. Checked first, because
		// asking for the field builds its execution step, which graphql-java otherwise
		// skips for such fields: 4.7% of a 1,000-deal network's request time went there.
		if (parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		GraphQLFieldDefinition field = parameters.getField();
		if (field.getArguments().isEmpty() || !this.holdsIds.computeIfAbsent(field, IdArguments::holdsIds)) {
			return fetcher;
		}
		String parent = parameters.getExecutionStepInfo().getObjectType().getName();
		return (environment) -> {
			Map<String, Object> keys = new LinkedHashMap<>(environment.getArguments());
			for (GraphQLArgument argument : field.getArguments()) {
				String coordinate = parent + "." + field.getName() + "(" + argument.getName() + ":)";
				keys.computeIfPresent(argument.getName(),
						(name, value) -> readKeys(value, argument.getType(), coordinate));
			}
			return fetcher
				.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).arguments(keys).build());
		};
	}

	/** The value with every id in it read to its key. */
	@SuppressWarnings("unchecked")
	private static @Nullable Object readKeys(@Nullable Object value, GraphQLType type, String coordinate) {
		GraphQLType unwrapped = (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		if (value == null) {
			return null;
		}
		if (unwrapped instanceof GraphQLList list && value instanceof List<?> values) {
			List<Object> keys = new ArrayList<>(values.size());
			values.forEach((element) -> keys.add(readKeys(element, list.getWrappedType(), coordinate)));
			return keys;
		}
		if (unwrapped instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
			Map<String, Object> keys = new LinkedHashMap<>();
			((Map<String, Object>) fields).forEach((name, fieldValue) -> {
				GraphQLInputObjectField field = input.getField(name);
				keys.put(name, (field != null) ? readKeys(fieldValue, field.getType(), input.getName() + "." + name)
						: fieldValue);
			});
			return keys;
		}
		Interface expected = INTERFACES.get(coordinate);
		if (isId(unwrapped) && expected != null && value instanceof String id) {
			return key(expected, coordinate, id);
		}
		return value;
	}

	/**
	 * The key an id names in either form, for the parameter or field at
	 * {@code coordinate}; a global id of another interface is the client's mistake.
	 */
	public static String key(Interface expected, String coordinate, String id) {
		String key = GlobalId.keyOf(expected, id);
		if (key == null) {
			throw ApiException.badRequest(coordinate + " takes " + expected + " ids: a key, or a global id "
					+ GlobalId.of(expected, "<key>") + "; '" + shortened(id) + "' is neither.");
		}
		return key;
	}

	/** Whether an argument of the field is an id or an input that holds one. */
	private static boolean holdsIds(GraphQLFieldDefinition field) {
		return field.getArguments().stream().anyMatch((argument) -> holdsIds(argument.getType(), new ArrayList<>()));
	}

	private static boolean holdsIds(GraphQLInputType type, List<String> seen) {
		GraphQLType unwrapped = type;
		while (unwrapped instanceof GraphQLNonNull || unwrapped instanceof GraphQLList) {
			unwrapped = (unwrapped instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType()
					: ((GraphQLList) unwrapped).getWrappedType();
		}
		if (isId(unwrapped)) {
			return true;
		}
		if (unwrapped instanceof GraphQLInputObjectType input && !seen.contains(input.getName())) {
			seen.add(input.getName());
			return input.getFields().stream().anyMatch((field) -> holdsIds(field.getType(), seen));
		}
		return false;
	}

	private static boolean isId(GraphQLType type) {
		return type instanceof GraphQLScalarType scalar && scalar.getName().equals(Scalars.GraphQLID.getName());
	}

	/** An id as an error message quotes it: cut after 80 characters. */
	public static String shortened(String id) {
		return (id.length() > 80) ? id.substring(0, 80) + "…" : id;
	}

}

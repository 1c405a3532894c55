package io.dealgraph.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ApiException;
import io.dealgraph.filter.Views;
import io.dealgraph.graph.GlobalId;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.graph.View;
import io.dealgraph.ids.IdArguments;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Relay's {@code node(id:)} and {@code nodes(ids:)}: any thing with an identity by its
 * global id, read by the reader of its interface as that interface's own top-level field
 * reads it. A readable key is answered when exactly one interface has it.
 */
@Controller
class NodeController {

	/** The most ids {@code nodes} takes, as the schema states. */
	static final int MAX_IDS = 100;

	private final Map<Interface, NodeReader> readers = new EnumMap<>(Interface.class);

	NodeController(List<NodeReader> readers) {
		readers.forEach((reader) -> this.readers.put(reader.reads(), reader));
		if (this.readers.size() != Interface.values().length) {
			throw new IllegalStateException("Every interface with an identity needs its node reader: "
					+ Arrays.toString(Interface.values()) + ", found " + this.readers.keySet());
		}
	}

	@QueryMapping
	DataFetcherResult<@Nullable Identified> node(@Argument String id, DataFetchingEnvironment environment) {
		return Views.seenAs(View.NOW, read(id, environment.getExecutionStepInfo().getPath(), environment));
	}

	@QueryMapping
	DataFetcherResult<List<@Nullable Identified>> nodes(@Argument List<String> ids,
			DataFetchingEnvironment environment) {
		if (ids.size() > MAX_IDS) {
			throw ApiException.badRequest(
					"'ids' takes at most " + MAX_IDS + " ids, not " + ids.size() + ": ask in several requests.");
		}
		ResultPath path = environment.getExecutionStepInfo().getPath();
		List<@Nullable Identified> found = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			found.add(read(ids.get(i), path.segment(i), environment));
		}
		return Views.seenAs(View.NOW, found);
	}

	private @Nullable Identified read(String id, ResultPath path, DataFetchingEnvironment environment) {
		GlobalId.Named named = GlobalId.read(id);
		if (named == null) {
			throw ApiException.badRequest("'" + IdArguments.shortened(id) + "' is no id: give a global id such as "
					+ GlobalId.of(Interface.Organization, "hut-8") + " (the interface is one of "
					+ Arrays.toString(Interface.values()) + "), or a readable key.");
		}
		Interface of = (named.of() != null) ? named.of() : interfaceHolding(named.key());
		if (of == null) {
			return null;
		}
		var request = new NodeReader.Request(selectedOn(of, environment), path, environment);
		return this.readers.get(of).read(named.key(), request);
	}

	/**
	 * The one interface with a node keyed {@code key}, or null when none has one; two or
	 * more is the client's to decide, with a global id. One small indexed statement per
	 * interface: the global id, which a client has from every {@code id}, needs none.
	 */
	private @Nullable Interface interfaceHolding(String key) {
		List<Interface> holding = this.readers.values()
			.stream()
			.filter((reader) -> reader.holds(key))
			.map(NodeReader::reads)
			.toList();
		if (holding.size() > 1) {
			throw ApiException.badRequest("The key '" + IdArguments.shortened(key) + "' names several things, "
					+ holding.stream().map((of) -> GlobalId.of(of, key)).collect(Collectors.joining(" and "))
					+ ": give one of these global ids.");
		}
		return holding.isEmpty() ? null : holding.getFirst();
	}

	/**
	 * The fields selected of the node that apply to the interface's object types: a
	 * fragment {@code ... on Deal} says nothing about an organization.
	 */
	private static List<SelectedField> selectedOn(Interface of, DataFetchingEnvironment environment) {
		Set<String> objectTypes = objectTypes(environment.getGraphQLSchema(), of.name());
		return environment.getSelectionSet()
			.getImmediateFields()
			.stream()
			.filter((field) -> field.getObjectTypeNames().stream().anyMatch(objectTypes::contains))
			.toList();
	}

	private static Set<String> objectTypes(GraphQLSchema schema, String typeName) {
		GraphQLType type = schema.getType(typeName);
		if (type instanceof GraphQLInterfaceType anInterface) {
			return schema.getImplementations(anInterface)
				.stream()
				.map(GraphQLObjectType::getName)
				.collect(Collectors.toSet());
		}
		return Set.of(typeName);
	}

}

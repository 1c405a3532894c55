package io.dealgraph.node;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;

/**
 * Reads the nodes of one interface for {@code node(id:)} and {@code nodes(ids:)}. The
 * feature that owns the interface's top-level field implements it (organizations, deals
 * and sites in {@code read}, changes in {@code audit}), so that a node is read as that
 * field reads it.
 */
public interface NodeReader {

	/** The interface whose nodes this reads. */
	Interface reads();

	/**
	 * Whether a node of this interface has the key: how a readable key given to
	 * {@code node(id:)} finds its interface.
	 */
	boolean holds(String key);

	/**
	 * The node with this key, as the interface's own top-level field reads it, or null.
	 */
	@Nullable Identified read(String key, Request request);

	/**
	 * The reader of one interface's nodes, from whether a key is one of them and how one
	 * is read.
	 */
	static NodeReader of(Interface reads, Predicate<String> holds,
			BiFunction<String, Request, @Nullable Identified> read) {
		return new NodeReader() {

			@Override
			public Interface reads() {
				return reads;
			}

			@Override
			public boolean holds(String key) {
				return holds.test(key);
			}

			@Override
			public @Nullable Identified read(String key, Request request) {
				return read.apply(key, request);
			}

		};
	}

	/**
	 * Where the node stands in the response and what is selected of it.
	 *
	 * @param fields the selected fields that apply to this interface's object types; a
	 * fragment on another type is not among them
	 * @param path the node's place in the response ({@code nodes.3})
	 */
	record Request(List<SelectedField> fields, ResultPath path, DataFetchingEnvironment environment) {

	}

}

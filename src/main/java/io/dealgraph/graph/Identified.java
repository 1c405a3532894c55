package io.dealgraph.graph;

import io.dealgraph.graph.GlobalId.Interface;

/**
 * A thing with an identity, served as a GraphQL {@code Node}: the interface its global id
 * names, its readable key, and the object type it is served as. Organizations, deals,
 * sites and changes are; the {@code node} package reads their global ids and object types
 * from here, so it needs none of their packages.
 */
public interface Identified {

	/** The interface of the global id, e.g. {@code Organization}. */
	Interface identifiedAs();

	/** The readable id, the GraphQL field {@code key}, e.g. {@code hut-8}. */
	String key();

	/** The GraphQL object type it is served as, e.g. {@code Miner}. */
	String typeName();

	/** The global id, the GraphQL field {@code id}, e.g. {@code Organization:hut-8}. */
	default String globalId() {
		return GlobalId.of(identifiedAs(), key());
	}

}

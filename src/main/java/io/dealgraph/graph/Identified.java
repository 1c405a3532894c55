package io.dealgraph.graph;

import java.util.List;

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

	/**
	 * The keys of the organizations this state is about: the organization itself, a
	 * deal's two parties. The audit log links each change to them, so that the history of
	 * an organization's page finds the deals that named it, even after a correction moved
	 * them away.
	 */
	default List<String> organizationsConcerned() {
		return List.of();
	}

	/** The global id, the GraphQL field {@code id}, e.g. {@code Organization:hut-8}. */
	default String globalId() {
		return GlobalId.of(identifiedAs(), key());
	}

}

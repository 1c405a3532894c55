package io.dealgraph.graph;

/**
 * How the audit log is stored: each change is a node, numbered in the log's order by
 * {@code seq}, naming the entity it changed in {@code target}, and pointing at the
 * organizations its states name ({@code (:Change)-[:ABOUT]->(:Organization)}), so an
 * organization's history also finds the deals a correction moved away from it.
 */
public final class ChangeStorage {

	/** The label of a change recorded in the audit log. */
	public static final String CHANGE = "Change";

	/**
	 * The audit log's one counter ({@code name: 'audit'}), whose {@code last} is the
	 * number of the last change recorded.
	 */
	public static final String SEQUENCE = "ChangeSequence";

	/** From a change to each organization its states name. */
	public static final String ABOUT = "ABOUT";

	private ChangeStorage() {
	}

}

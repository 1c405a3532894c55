package io.dealgraph.graph;

/**
 * How an organization's facts and its merged ids are stored, beside the organization
 * itself, a node labelled {@link DealStorage#ORGANIZATION} and its
 * {@link OrganizationKind kind}. A fact is a node of its own, keyed by {@code key}, that
 * the organization points at ({@code (:Organization)-[:HAS_FACT]->(:Fact)}), so each
 * claim keeps its own confidence and can be replaced or removed alone. An organization
 * merged into another leaves its id behind ({@code (:MergedId
 * {id})-[:MERGED_INTO]->(:Organization)}), so the old id keeps resolving, to the
 * organization it became.
 */
public final class OrganizationStorage {

	/** The label of a fact: an organization's attribute, its value and confidence. */
	public static final String FACT = "Fact";

	/** From an organization to each of its facts. */
	public static final String HAS_FACT = "HAS_FACT";

	/** The label of the id of an organization merged into another. */
	public static final String MERGED_ID = "MergedId";

	/** From a merged id to the organization it now names. */
	public static final String MERGED_INTO = "MERGED_INTO";

	private OrganizationStorage() {
	}

}

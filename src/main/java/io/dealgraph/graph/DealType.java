package io.dealgraph.graph;

/**
 * The types of deal. Each is a Neo4j relationship type and a GraphQL object type; both
 * names come from here, never from user input. What each type means between its two
 * parties, read from either of them, is in {@link Relationship}.
 */
public enum DealType {

	PARTNERSHIP("Partnership"), FINANCING("Financing"), SUPPLY("Supply"), ACQUISITION("Acquisition"),
	REGULATORY_ACTION("RegulatoryAction"), CONTROL("Control");

	private final String typeName;

	DealType(String typeName) {
		this.typeName = typeName;
	}

	/** The GraphQL object type of this deal type. */
	public String typeName() {
		return this.typeName;
	}

}

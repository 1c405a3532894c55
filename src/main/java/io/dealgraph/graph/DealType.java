package io.dealgraph.graph;

/**
 * The types of deal. Each is a GraphQL object type and the label of its deal nodes, the
 * same name for both, beside {@code Deal}; both come from here, never from user input.
 * What each type means between its two parties, read from either of them, is in
 * {@link Relationship}; how a deal is stored is in {@link DealStorage}.
 */
public enum DealType {

	PARTNERSHIP("Partnership"), FINANCING("Financing"), SUPPLY("Supply"), ACQUISITION("Acquisition"),
	REGULATORY_ACTION("RegulatoryAction"), CONTROL("Control"), STAKE("Stake"), GUARANTEE("Guarantee");

	private final String typeName;

	DealType(String typeName) {
		this.typeName = typeName;
	}

	/** The GraphQL object type of this deal type. */
	public String typeName() {
		return this.typeName;
	}

	/** The label its deal nodes carry beside {@code Deal}: the GraphQL type's name. */
	public String label() {
		return this.typeName;
	}

}

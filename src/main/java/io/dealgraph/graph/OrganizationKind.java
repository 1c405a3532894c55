package io.dealgraph.graph;

/**
 * The kinds of organization. Each is a GraphQL object type and a Neo4j label beside
 * {@code Organization}; both names come from here, never from user input.
 */
public enum OrganizationKind {

	MINER("Miner"), AI_FIRM("AIFirm"), INVESTOR("Investor"), EXCHANGE("Exchange"), SUPPLIER("Supplier"),
	REGULATOR("Regulator"), OTHER("OtherOrganization");

	private final String typeName;

	OrganizationKind(String typeName) {
		this.typeName = typeName;
	}

	/** The GraphQL object type, which is also the node's kind label. */
	public String typeName() {
		return this.typeName;
	}

}

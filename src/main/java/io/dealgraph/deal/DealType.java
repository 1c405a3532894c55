package io.dealgraph.deal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * The types of deal. Each is a Neo4j relationship type and a GraphQL object type; both
 * names come from here, never from user input.
 */
public enum DealType {

	PARTNERSHIP("Partnership"), FINANCING("Financing"), SUPPLY("Supply"), ACQUISITION("Acquisition"),
	REGULATORY_ACTION("RegulatoryAction"), CONTROL("Control");

	private final String typeName;

	DealType(String typeName) {
		this.typeName = typeName;
	}

	/**
	 * A Cypher relationship type expression such as {@code PARTNERSHIP|SUPPLY}; all types
	 * when empty.
	 */
	public static String cypherTypes(Collection<DealType> types) {
		return (types.isEmpty() ? EnumSet.allOf(DealType.class) : types).stream()
			.map(Enum::name)
			.collect(Collectors.joining("|"));
	}

	/** The GraphQL object type of this deal type. */
	public String typeName() {
		return this.typeName;
	}

}

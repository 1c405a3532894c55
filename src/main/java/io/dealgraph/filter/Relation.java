package io.dealgraph.filter;

import java.util.function.Function;

/**
 * The relationship filters of {@link OrganizationWhere}: which deal types link the
 * filtered organization ({@code self}) to the other one, and in which direction. The
 * patterns are fixed text, never user input.
 */
enum Relation {

	FINANCED_BY(OrganizationWhere::financedBy, "(%2$s)-[%3$s:FINANCING]->(%1$s)"),
	FINANCED(OrganizationWhere::financed, "(%1$s)-[%3$s:FINANCING]->(%2$s)"),
	CUSTOMER_OF(OrganizationWhere::customerOf, "(%2$s)-[%3$s:PARTNERSHIP|SUPPLY]->(%1$s)"),
	PROVIDER_TO(OrganizationWhere::providerTo, "(%1$s)-[%3$s:PARTNERSHIP|SUPPLY]->(%2$s)"),
	ACQUIRED_BY(OrganizationWhere::acquiredBy, "(%2$s)-[%3$s:ACQUISITION]->(%1$s)"),
	ACQUIRED(OrganizationWhere::acquired, "(%1$s)-[%3$s:ACQUISITION]->(%2$s)"),
	PARTNER_OF(OrganizationWhere::partnerOf, "(%1$s)-[%3$s:PARTNERSHIP]-(%2$s)"),
	REGULATED_BY(OrganizationWhere::regulatedBy, "(%2$s)-[%3$s:REGULATORY_ACTION]->(%1$s)"),
	SUBSIDIARY_OF(OrganizationWhere::subsidiaryOf, "(%2$s)-[%3$s:CONTROL]->(%1$s)"),
	PARENT_OF(OrganizationWhere::parentOf, "(%1$s)-[%3$s:CONTROL]->(%2$s)");

	private final Function<OrganizationWhere, OrganizationWhere> field;

	private final String pattern;

	Relation(Function<OrganizationWhere, OrganizationWhere> field, String pattern) {
		this.field = field;
		this.pattern = pattern;
	}

	OrganizationWhere of(OrganizationWhere where) {
		return this.field.apply(where);
	}

	/** The pattern from {@code self} to {@code other} over {@code deal}. */
	String pattern(String self, String other, String deal) {
		return this.pattern.formatted(self, other, deal);
	}

	/**
	 * True when the deal points from {@code self} to {@code other}; false when from other
	 * to self.
	 */
	boolean selfIsFrom() {
		return this.pattern.startsWith("(%1$s)");
	}

}

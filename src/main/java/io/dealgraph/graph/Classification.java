package io.dealgraph.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.source.Confidence;

/**
 * A classification of organizations that is made of sourced claims. Each claim is a fact
 * of the classification's attribute (one fact per source), and the claim's confidence is
 * the best of its facts'. Filters and stats must not read facts for every organization
 * they pass, so each organization node also stores the values claimed, once for every
 * evidence threshold: every value claimed, those claimed at MEDIUM or better, and those
 * claimed at HIGH. The writes that change facts refresh these lists in the same
 * transaction.
 */
public enum Classification {

	/**
	 * How an organization invests: facts {@code investor_type}, values of InvestorType.
	 */
	INVESTOR_TYPE("investor_type", "investorTypes"),

	/**
	 * What an organization is: facts {@code kind}, values of OrganizationKind. The
	 * primary kind is also the node's label; these lists hold every kind claimed.
	 */
	KIND("kind", "kinds");

	private final String attribute;

	private final String property;

	/**
	 * Every property it stores, worked out once: organizations are decoded by the
	 * thousand.
	 */
	private final List<String> properties;

	Classification(String attribute, String property) {
		this.attribute = attribute;
		this.property = property;
		this.properties = List.of(property, property + "AtMedium", property + "AtHigh");
	}

	/** The attribute of the facts that are this classification's claims. */
	public String attribute() {
		return this.attribute;
	}

	/**
	 * The organization property that lists the values claimed at {@code minimum} or
	 * better; every value claimed when null.
	 */
	public String property(@Nullable Confidence minimum) {
		if (minimum == null || minimum == Confidence.LOW) {
			return this.property;
		}
		return this.properties.get((minimum == Confidence.HIGH) ? 2 : 1);
	}

	/** Every property this classification stores, loosest threshold first. */
	public List<String> properties() {
		return this.properties;
	}

}

package io.dealgraph.graph;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import static io.dealgraph.graph.DealType.ACQUISITION;
import static io.dealgraph.graph.DealType.CONTROL;
import static io.dealgraph.graph.DealType.FINANCING;
import static io.dealgraph.graph.DealType.GUARANTEE;
import static io.dealgraph.graph.DealType.PARTNERSHIP;
import static io.dealgraph.graph.DealType.REGULATORY_ACTION;
import static io.dealgraph.graph.DealType.STAKE;
import static io.dealgraph.graph.DealType.SUPPLY;

/**
 * What deals mean between two organizations, read from one of them, the subject: the one
 * place that says which deal types and which direction make a customer, a financier or a
 * parent. Each row is one relationship with the {@code Organization} field that lists the
 * other parties and the {@code OrganizationWhere} filter that tests them, so a field and
 * its filter cannot drift apart. A new role is a new row here.
 *
 * <p>
 * Filters count every standing deal of the row's types that the row {@link Counted
 * counts}; a field may read fewer, as its {@link Field#condition()} says:
 * {@code acquiredBy} matches a failed bid, as its schema text says, while
 * {@code acquirer} names the winner of a completed acquisition only. A filter's
 * {@code via} can widen what is counted by naming the property the row restricts
 * ({@code via: {role: ARRANGER}}).
 */
public enum Relationship {

	/** The subject provides power, hosting or compute to them. */
	CUSTOMERS(End.FROM, EnumSet.of(PARTNERSHIP, SUPPLY), Field.list("customers"), "providerTo"),
	/** They provide to the subject. */
	PROVIDERS(End.TO, EnumSet.of(PARTNERSHIP, SUPPLY), Field.list("providers"), "customerOf"),
	/**
	 * Money given: arrangers and underwriters placed others' money, so they are left out.
	 */
	FINANCIERS(End.TO, EnumSet.of(FINANCING), Field.list("financiers"), "financedBy", Counted.OWN_MONEY),
	FINANCED(End.FROM, EnumSet.of(FINANCING), Field.list("financed"), "financed", Counted.OWN_MONEY),
	/**
	 * Who arranged or underwrote a financing for the subject, without giving its own
	 * money.
	 */
	ARRANGERS(End.TO, EnumSet.of(FINANCING), Field.list("arrangers"), "arrangedBy", Counted.ARRANGING),
	ARRANGED(End.FROM, EnumSet.of(FINANCING), Field.list("arranged"), "arranged", Counted.ARRANGING),
	/** Holders of shares or warrants in the subject. */
	STAKEHOLDERS(End.TO, EnumSet.of(STAKE), Field.list("stakeholders"), "stakeHeldBy"),
	STAKES(End.FROM, EnumSet.of(STAKE), Field.list("stakes"), "holdsStakeIn"),
	/** Who backs the subject's obligations. */
	GUARANTORS(End.TO, EnumSet.of(GUARANTEE), Field.list("guarantors"), "guaranteedBy"),
	GUARANTEED(End.FROM, EnumSet.of(GUARANTEE), Field.list("guaranteed"), "guarantees"),
	/**
	 * Takeovers of whole companies; a bought site or unit makes no acquisition of its
	 * seller.
	 */
	ACQUISITIONS(End.FROM, EnumSet.of(ACQUISITION), Field.list("acquisitions"), "acquired", Counted.COMPANIES),
	/**
	 * Only a completed acquisition of the company makes an acquirer; failed bids stay in
	 * deals.
	 */
	ACQUIRER(End.TO, EnumSet.of(ACQUISITION), Field.latest("acquirer", Condition.COMPLETED), "acquiredBy",
			Counted.COMPANIES),
	SUBSIDIARIES(End.FROM, EnumSet.of(CONTROL), Field.list("subsidiaries"), "parentOf"),
	/** Control that ended (sold, terminated) makes no parent. */
	PARENT(End.TO, EnumSet.of(CONTROL), Field.latest("parent", Condition.NOT_ENDED), "subsidiaryOf"),
	REGULATORS(End.TO, EnumSet.of(REGULATORY_ACTION), null, "regulatedBy"),
	/** A partnership is read from either end: its direction means nothing. */
	PARTNERS(End.EITHER, EnumSet.of(PARTNERSHIP), null, "partnerOf");

	/** How many other parties a list field holds at most, as the schema states. */
	public static final int LIST_LIMIT = 100;

	private final End subject;

	private final Set<DealType> types;

	private final @Nullable Field field;

	private final String filter;

	private final Counted counted;

	Relationship(End subject, Set<DealType> types, @Nullable Field field, String filter) {
		this(subject, types, field, filter, Counted.EVERY_DEAL);
	}

	Relationship(End subject, Set<DealType> types, @Nullable Field field, String filter, Counted counted) {
		this.subject = subject;
		this.types = types;
		this.field = field;
		this.filter = filter;
		this.counted = counted;
	}

	/** Which deals of the row's types make the relationship. */
	public Counted counted() {
		return this.counted;
	}

	/** The end of the deal the subject stands at; the other party is at the opposite. */
	public End subject() {
		return this.subject;
	}

	/** The deal types that make this relationship. */
	public Set<DealType> types() {
		return EnumSet.copyOf(this.types);
	}

	/** The {@code Organization} field, when the relationship has one. */
	public Optional<Field> field() {
		return Optional.ofNullable(this.field);
	}

	/** The name of the {@code OrganizationWhere} filter. */
	public String filter() {
		return this.filter;
	}

	/**
	 * An {@code Organization} field: a list of the other parties, each once, by name, at
	 * most {@link #LIST_LIMIT}; or the single party of the latest deal that meets the
	 * condition.
	 */
	public record Field(String name, boolean latest, Condition condition) {

		/**
		 * The connection field beside a list field, e.g. {@code financiersConnection}:
		 * every party, a page at a time, where the list stops at {@link #LIST_LIMIT}.
		 */
		public String connectionName() {
			return this.name + "Connection";
		}

		static Field list(String name) {
			return new Field(name, false, Condition.ANY);
		}

		static Field latest(String name, Condition condition) {
			return new Field(name, true, condition);
		}

	}

	/**
	 * Which deals of a row's types make the relationship, for its field and its filter
	 * alike: what the deal is, where {@link Condition} is where it stands.
	 */
	public enum Counted {

		EVERY_DEAL,
		/** A financing in which the {@code from} party gave its own money. */
		OWN_MONEY,
		/** A financing that the {@code from} party arranged or underwrote. */
		ARRANGING,
		/** An acquisition of a whole company. */
		COMPANIES

	}

	/** What a deal must be, beyond standing, to count for a field. */
	public enum Condition {

		ANY, COMPLETED, NOT_ENDED

	}

}

package io.dealgraph.graph;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import static io.dealgraph.graph.DealType.ACQUISITION;
import static io.dealgraph.graph.DealType.CONTROL;
import static io.dealgraph.graph.DealType.FINANCING;
import static io.dealgraph.graph.DealType.PARTNERSHIP;
import static io.dealgraph.graph.DealType.REGULATORY_ACTION;
import static io.dealgraph.graph.DealType.SUPPLY;

/**
 * What deals mean between two organizations, read from one of them, the subject: the one
 * place that says which deal types and which direction make a customer, a financier or a
 * parent. Each row is one relationship with the {@code Organization} field that lists the
 * other parties and the {@code OrganizationWhere} filter that tests them, so a field and
 * its filter cannot drift apart. A new role is a new row here.
 *
 * <p>
 * Filters count every standing deal of the row's types; a field may read fewer, as its
 * {@link Field#condition()} says: {@code acquiredBy} matches a failed bid, as its schema
 * text says, while {@code acquirer} names the winner of a completed acquisition only.
 */
public enum Relationship {

	/** The subject provides power, hosting or compute to them. */
	CUSTOMERS(End.FROM, EnumSet.of(PARTNERSHIP, SUPPLY), Field.list("customers"), "providerTo"),
	/** They provide to the subject. */
	PROVIDERS(End.TO, EnumSet.of(PARTNERSHIP, SUPPLY), Field.list("providers"), "customerOf"),
	FINANCIERS(End.TO, EnumSet.of(FINANCING), Field.list("financiers"), "financedBy"),
	FINANCED(End.FROM, EnumSet.of(FINANCING), Field.list("financed"), "financed"),
	ACQUISITIONS(End.FROM, EnumSet.of(ACQUISITION), Field.list("acquisitions"), "acquired"),
	/** Only a completed acquisition makes an acquirer; failed bids stay in deals. */
	ACQUIRER(End.TO, EnumSet.of(ACQUISITION), Field.latest("acquirer", Condition.COMPLETED), "acquiredBy"),
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

	Relationship(End subject, Set<DealType> types, @Nullable Field field, String filter) {
		this.subject = subject;
		this.types = types;
		this.field = field;
		this.filter = filter;
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

		static Field list(String name) {
			return new Field(name, false, Condition.ANY);
		}

		static Field latest(String name, Condition condition) {
			return new Field(name, true, condition);
		}

	}

	/** What a deal must be, beyond standing, to count for a field. */
	public enum Condition {

		ANY, COMPLETED, NOT_ENDED

	}

}

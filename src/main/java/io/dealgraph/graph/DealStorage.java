package io.dealgraph.graph;

import java.util.Collection;
import java.util.EnumSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * How a deal is stored, and the named Cypher parts every statement builds on. A deal is a
 * relationship of its {@link DealType} from one {@code :Organization} to another; its
 * figures, sources and status history are properties of that relationship. The names
 * given to these parts are Cypher variables chosen by the statement, never user input.
 *
 * <p>
 * A deal counts while it is <em>visible</em> (not retracted); an as-of view also needs it
 * to be <em>standing</em> on the date: announced by then and not ended by then.
 */
public final class DealStorage {

	/** The label of every party. */
	public static final String ORGANIZATION = "Organization";

	/** The deal's readable id. */
	public static final String ID = "id";

	public static final String STATUS = "status";

	/** When the deal was retracted; null while it stands. */
	public static final String RETRACTED_AT = "retractedAt";

	/** The {@link PartialDateKeys sort key} of the announcement date. */
	public static final String ANNOUNCED_KEY = "announcedKey";

	/**
	 * The sort key of the date the deal stopped counting (rejected, terminated or
	 * closed), {@link PartialDateKeys#UNDATED_END} when that date is unknown; null while
	 * it counts.
	 */
	public static final String ENDED_KEY = "endedKey";

	/** The amount when it is a total in US dollars; null otherwise. */
	public static final String AMOUNT_USD = "amountUsd";

	/** One confidence per source, in the order of the sources. */
	public static final String SOURCE_CONFIDENCES = "sourceConfidences";

	private DealStorage() {
	}

	/**
	 * The relationship type expression for these types, such as
	 * {@code PARTNERSHIP|SUPPLY}; every type when empty.
	 */
	public static String types(Collection<DealType> types) {
		return (types.isEmpty() ? EnumSet.allOf(DealType.class) : types).stream()
			.map(Enum::name)
			.collect(Collectors.joining("|"));
	}

	/** The relationship type expression for every deal type. */
	public static String allTypes() {
		return types(EnumSet.allOf(DealType.class));
	}

	/**
	 * {@code (subject)-[deal:TYPES]->(other)}, pointing the way the subject's end says:
	 * away from the subject at {@link End#FROM}, towards it at {@link End#TO}, undirected
	 * at {@link End#EITHER}. {@code subject} and {@code other} are node patterns such as
	 * {@code o} or {@code x:Organization}.
	 */
	public static String pattern(String subject, End subjectEnd, String deal, Collection<DealType> types,
			String other) {
		String relationship = "[" + deal + ":" + types(types) + "]";
		return switch (subjectEnd) {
			case FROM -> "(" + subject + ")-" + relationship + "->(" + other + ")";
			case TO -> "(" + subject + ")<-" + relationship + "-(" + other + ")";
			case EITHER -> "(" + subject + ")-" + relationship + "-(" + other + ")";
		};
	}

	/** The pattern of a relationship row, read from its subject. */
	public static String pattern(String subject, Relationship relationship, String deal, String other) {
		return pattern(subject, relationship.subject(), deal, relationship.types(), other);
	}

	/** The deal has not been retracted. */
	public static String visible(String deal) {
		return property(deal, RETRACTED_AT) + " IS NULL";
	}

	/**
	 * The deal is visible and stood on the date whose {@link PartialDateKeys#lastSortKey
	 * last key} is the parameter {@code lastKey}: announced by then and not ended by
	 * then.
	 */
	public static String standingOn(String deal, String lastKey) {
		String ended = property(deal, ENDED_KEY);
		return "(" + visible(deal) + " AND " + property(deal, ANNOUNCED_KEY) + " <= " + lastKey + " AND (" + ended
				+ " IS NULL OR " + ended + " > " + lastKey + "))";
	}

	/**
	 * What a deal must be, beyond visible, to count for a relationship field. Not ended
	 * means not ended by the as-of date whose last key is the parameter {@code lastKey},
	 * or not ended at all when it is null. Completed is the deal's current status:
	 * statuses as of a date are not stored yet.
	 */
	public static String condition(Relationship.Condition condition, String deal, @Nullable String lastKey) {
		String ended = property(deal, ENDED_KEY);
		return switch (condition) {
			case ANY -> "true";
			case COMPLETED -> property(deal, STATUS) + " = 'COMPLETED'";
			case NOT_ENDED ->
				(lastKey != null) ? "(" + ended + " IS NULL OR " + ended + " > " + lastKey + ")" : ended + " IS NULL";
		};
	}

	/** The ordering that puts the latest announced deal first; undated deals last. */
	public static String latestFirst(String deal) {
		return "coalesce(" + property(deal, ANNOUNCED_KEY) + ", '') DESC, " + property(deal, ID) + " DESC";
	}

	/**
	 * The deal as every statement returns it: its properties, its type, and both parties'
	 * properties. {@code from} and {@code to} are node expressions, such as {@code a} or
	 * {@code startNode(d)}.
	 */
	public static String projection(String deal, String from, String to) {
		return deal + " {.*, type: type(" + deal + "), from: properties(" + from + "), to: properties(" + to + ")}";
	}

	/** The projection of a deal whose parties are not bound to variables. */
	public static String projection(String deal) {
		return projection(deal, "startNode(" + deal + ")", "endNode(" + deal + ")");
	}

	/** {@code deal.property}, for a property named here. */
	public static String property(String variable, String property) {
		return variable + "." + property;
	}

}

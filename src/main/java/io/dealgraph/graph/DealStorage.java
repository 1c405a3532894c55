package io.dealgraph.graph;

import java.util.Collection;
import java.util.EnumSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dealgraph.source.SourceLists;

/**
 * How a deal is stored, and the named Cypher parts every statement builds on. A deal is a
 * node labelled {@code Deal} and its {@link DealType#label() type's label}, holding its
 * figures, sources and status history, with a {@code FROM} relationship to the party it
 * comes from and a {@code TO} relationship to the other:
 * {@code (a:Organization)<-[:FROM]-(d:Deal:Financing)-[:TO]->(b:Organization)}. A node,
 * not a relationship, so that a deal can link to sites and to other deals, and a round
 * can have several investors (BENCHMARKS.md, "How a deal is stored", has the decision and
 * what it costs). The names given to these parts are Cypher variables chosen by the
 * statement, never user input.
 *
 * <p>
 * A deal counts while it is <em>visible</em> (not retracted); an as-of view also needs it
 * to be <em>standing</em> on the date: announced by then and not ended by then.
 */
public final class DealStorage {

	/** The label of every party. */
	public static final String ORGANIZATION = "Organization";

	/** The label of every deal, beside its type's. */
	public static final String DEAL = "Deal";

	/** The relationship from a deal to the party it comes from. */
	public static final String FROM = "FROM";

	/** The relationship from a deal to the party it goes to. */
	public static final String TO = "TO";

	/** The deal's readable id. */
	public static final String ID = "id";

	public static final String STATUS = "status";

	/** The statuses the deal has had, oldest first; the last is {@link #STATUS}. */
	public static final String STATUS_HISTORY = "statusHistory";

	/**
	 * The partial date of each {@link #STATUS_HISTORY} step, the empty string when the
	 * source does not date it.
	 */
	public static final String STATUS_DATES = "statusDates";

	/**
	 * The key under which a projection in an as-of view carries the deal's status on that
	 * date, beside the stored current {@link #STATUS}.
	 */
	public static final String STATUS_IN_VIEW = "statusInView";

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

	/** A financing's {@link FinancingRole}; null when the source does not say. */
	public static final String ROLE = "role";

	/** An acquisition's {@link AcquisitionScope}. */
	public static final String SCOPE = "scope";

	/**
	 * The key of the funding round a financing belongs to, shared by every participant's
	 * deal, whose amount is the round's: totals count a round once. Null for a financing
	 * of its own.
	 */
	public static final String ROUND = "round";

	/**
	 * The number of the audit log's last change to the deal, which the audit log sets:
	 * the GraphQL field {@code lastChange}, and in an event the change it is.
	 */
	public static final String LAST_CHANGE = "lastChange";

	/**
	 * What a sum of amounts counts once: the round a deal belongs to, or the deal itself.
	 */
	public static String amountUnit(String deal) {
		return "coalesce(" + property(deal, ROUND) + ", " + property(deal, ID) + ")";
	}

	/** One confidence per source, in the order of the sources. */
	public static final String SOURCE_CONFIDENCES = SourceLists.CONFIDENCES;

	private DealStorage() {
	}

	/**
	 * The label expression of deals of these types, such as {@code Partnership|Supply};
	 * {@code Deal} when empty or all of them.
	 */
	public static String labels(Collection<DealType> types) {
		if (types.isEmpty() || types.containsAll(EnumSet.allOf(DealType.class))) {
			return DEAL;
		}
		return EnumSet.copyOf(types).stream().map(DealType::label).collect(Collectors.joining("|"));
	}

	/**
	 * {@code (subject)<-[:FROM]-(deal:Types)-[:TO]->(other)}, the deal read from the
	 * subject's end: the subject is its from party at {@link End#FROM}, its to party at
	 * {@link End#TO}, either at {@link End#EITHER}. {@code subject} and {@code other} are
	 * node patterns such as {@code o} or {@code x:Organization}, or empty.
	 */
	public static String pattern(String subject, End subjectEnd, String deal, Collection<DealType> types,
			String other) {
		String node = dealsOf(deal, types);
		return switch (subjectEnd) {
			case FROM -> "(" + subject + ")<-[:" + FROM + "]-" + node + "-[:" + TO + "]->(" + other + ")";
			case TO -> "(" + subject + ")<-[:" + TO + "]-" + node + "-[:" + FROM + "]->(" + other + ")";
			case EITHER -> "(" + subject + ")<-[:" + FROM + "|" + TO + "]-" + node + "-[:" + FROM + "|" + TO + "]->("
					+ other + ")";
		};
	}

	/**
	 * {@code (subject)<-[:FROM]-(deal:Types)}: the subject's deals from its end, without
	 * the other party, for a statement that projects the deal (its parties come with the
	 * projection) or only counts.
	 */
	public static String dealsAt(String subject, End subjectEnd, String deal, Collection<DealType> types) {
		String party = switch (subjectEnd) {
			case FROM -> FROM;
			case TO -> TO;
			case EITHER -> FROM + "|" + TO;
		};
		return "(" + subject + ")<-[:" + party + "]-" + dealsOf(deal, types);
	}

	/** The pattern of a relationship row, read from its subject. */
	public static String pattern(String subject, Relationship relationship, String deal, String other) {
		return pattern(subject, relationship.subject(), deal, relationship.types(), other);
	}

	/**
	 * {@code (from)<-[:FROM]-(deal:Types)-[:TO]->(to)}: deals of these types (all when
	 * empty) with both parties.
	 */
	public static String withParties(String from, String deal, Collection<DealType> types, String to) {
		return pattern(from, End.FROM, deal, types, to);
	}

	/**
	 * {@code (deal:Types)}: the deals of these types, all when empty, without parties.
	 */
	public static String dealsOf(String deal, Collection<DealType> types) {
		return "(" + deal + ":" + labels(types) + ")";
	}

	/** The parties of a deal already bound to {@code deal}. */
	public static String partiesOf(String from, String deal, String to) {
		return "(" + from + ")<-[:" + FROM + "]-(" + deal + ")-[:" + TO + "]->(" + to + ")";
	}

	/**
	 * {@code (deal)-[:FROM]->(party)}: the party at one end of a deal already bound to
	 * {@code deal}; {@code end} is FROM or TO.
	 */
	public static String party(String deal, End end, String party) {
		if (end == End.EITHER) {
			throw new IllegalArgumentException("A deal has one party at each end, not at either.");
		}
		return "(" + deal + ")-[:" + ((end == End.FROM) ? FROM : TO) + "]->(" + party + ")";
	}

	/** The deal with this id, an expression such as {@code $id}, whatever its type. */
	public static String byId(String deal, String id) {
		return "(" + deal + ":" + DEAL + " {" + ID + ": " + id + "})";
	}

	/** The deal is of one of these types; false when none is given. */
	public static String isOfType(String deal, Collection<DealType> types) {
		return types.isEmpty() ? "false" : deal + ":" + labels(types);
	}

	/** The name of the deal's type, such as {@code 'FINANCING'}, read from its labels. */
	public static String typeOf(String deal) {
		return EnumSet.allOf(DealType.class)
			.stream()
			.map((type) -> "WHEN " + deal + ":" + type.label() + " THEN '" + type.name() + "'")
			.collect(Collectors.joining(" ", "CASE ", " END"));
	}

	/**
	 * Every walk from {@code from} to {@code to} over at most {@code maxDeals} deals, as
	 * a variable-length pattern over the party relationships: a deal node has one FROM
	 * and one TO, so any such walk alternates organization, deal, organization. Used by
	 * the legacy {@code allShortestPaths}, whose bidirectional search needs a single
	 * relationship pattern.
	 */
	public static String partyWalk(String from, int maxDeals, String to) {
		return "(" + from + ")-[:" + FROM + "|" + TO + "*.." + (2 * maxDeals) + "]-(" + to + ")";
	}

	/**
	 * How many deals the party has at this end, of any type and in any state: an upper
	 * bound on its deals in any view, which Neo4j reads from its degree counts without
	 * visiting the deals.
	 */
	public static String degree(String party, End end) {
		String types = switch (end) {
			case FROM -> FROM;
			case TO -> TO;
			case EITHER -> FROM + "|" + TO;
		};
		return "COUNT { (" + party + ")<-[:" + types + "]-() }";
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
	 * The deal's status in a view: its current status when {@code lastKey} is null;
	 * otherwise its status on the date whose {@link PartialDateKeys#lastSortKey last key}
	 * is the parameter {@code lastKey}. That is the last step of its history whose date
	 * is known to fall on or before the date: a partial date counts at the end of its
	 * period ({@code 2025-10} is known to have passed only after October), and undated
	 * steps never count. A deal standing on the date was announced by then, so
	 * {@code ANNOUNCED} is the floor.
	 */
	public static String status(String deal, @Nullable String lastKey) {
		if (lastKey == null) {
			return property(deal, STATUS);
		}
		String history = property(deal, STATUS_HISTORY);
		String date = property(deal, STATUS_DATES) + "[i]";
		return "coalesce(last([i IN range(0, size(" + history + ") - 1) WHERE " + date + " <> '' AND "
				+ PartialDateKeys.lastSortKeyInCypher(date) + " <= " + lastKey + " | " + history
				+ "[i]]), 'ANNOUNCED')";
	}

	/**
	 * What a deal must be, beyond visible, to count for a relationship field. Not ended
	 * means not ended by the as-of date whose last key is the parameter {@code lastKey},
	 * or not ended at all when it is null. Completed is the deal's {@link #status status}
	 * in the view.
	 */
	public static String condition(Relationship.Condition condition, String deal, @Nullable String lastKey) {
		String ended = property(deal, ENDED_KEY);
		return switch (condition) {
			case ANY -> "true";
			case COMPLETED -> status(deal, lastKey) + " = 'COMPLETED'";
			case NOT_ENDED ->
				(lastKey != null) ? "(" + ended + " IS NULL OR " + ended + " > " + lastKey + ")" : ended + " IS NULL";
		};
	}

	/**
	 * The deal is one that the relationship {@link Relationship.Counted counts}. A
	 * financing whose role is unknown counts as money given: that is what FINANCING
	 * means, and a party that only arranged it is recorded as such.
	 */
	public static String counted(Relationship.Counted counted, String deal) {
		String role = property(deal, ROLE);
		return switch (counted) {
			case EVERY_DEAL -> "true";
			case OWN_MONEY -> "NOT coalesce(" + role + ", '') IN " + rolesGivingNoMoney();
			case ARRANGING -> role + " IN " + rolesGivingNoMoney();
			case COMPANIES -> property(deal, SCOPE) + " = '" + AcquisitionScope.COMPANY.name() + "'";
		};
	}

	/** The roles that place others' money, as a Cypher list literal. */
	private static String rolesGivingNoMoney() {
		return EnumSet.allOf(FinancingRole.class)
			.stream()
			.filter((role) -> !role.givesOwnMoney())
			.map((role) -> "'" + role.name() + "'")
			.collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * The deal has a source whose confidence is one of the list parameter
	 * {@code accepted}: its best source meets an evidence threshold.
	 */
	public static String sourcedAtLeast(String deal, String accepted) {
		return "any(c IN " + property(deal, SOURCE_CONFIDENCES) + " WHERE c IN " + accepted + ")";
	}

	/** The ordering that puts the latest announced deal first; undated deals last. */
	public static String latestFirst(String deal) {
		return "coalesce(" + property(deal, ANNOUNCED_KEY) + ", '') DESC, " + property(deal, ID) + " DESC";
	}

	/**
	 * The deal as every statement returns it: its properties, its type, and both parties'
	 * properties. {@code from} and {@code to} are the parties' variables.
	 */
	public static String projection(String deal, String from, String to) {
		return projection(deal, null, "properties(" + from + ")", "properties(" + to + ")", null);
	}

	/** As {@link #projection(String, String, String)}, in a view (see below). */
	public static String projection(String deal, String from, String to, @Nullable String lastKey) {
		return projection(deal, null, "properties(" + from + ")", "properties(" + to + ")", lastKey);
	}

	/**
	 * The deal with only these stored properties (all when null), its type, and its
	 * parties as the map expressions {@code from} and {@code to}, such as {@code a {.id,
	 * .name}}: what a response that selected fewer fields needs.
	 */
	public static String projection(String deal, @Nullable Collection<String> properties, String from, String to) {
		return projection(deal, properties, from, to, null);
	}

	/**
	 * As {@link #projection(String, Collection, String, String)}, in the view whose last
	 * key is the parameter {@code lastKey}: an as-of view adds the deal's {@link #status
	 * status} on that date under {@link #STATUS_IN_VIEW}.
	 */
	public static String projection(String deal, @Nullable Collection<String> properties, String from, String to,
			@Nullable String lastKey) {
		String own = (properties != null)
				? properties.stream().map((property) -> "." + property).collect(Collectors.joining(", ")) : ".*";
		return deal + " {" + own + ", type: " + typeOf(deal) + statusInView(deal, lastKey) + ", from: " + from
				+ ", to: " + to + "}";
	}

	private static String statusInView(String deal, @Nullable String lastKey) {
		return (lastKey != null) ? ", " + STATUS_IN_VIEW + ": " + status(deal, lastKey) : "";
	}

	/** The projection of a deal whose parties are not bound to variables. */
	public static String projection(String deal) {
		return projection(deal, (String) null);
	}

	/**
	 * The projection of a deal whose parties are not bound to variables, in the view
	 * whose last key is the parameter {@code lastKey} (null for now).
	 */
	public static String projection(String deal, @Nullable String lastKey) {
		String from = deal + "From";
		String to = deal + "To";
		return deal + " {.*, type: " + typeOf(deal) + statusInView(deal, lastKey) + ", from: [(" + deal + ")-[:" + FROM
				+ "]->(" + from + ") | properties(" + from + ")][0], to: [(" + deal + ")-[:" + TO + "]->(" + to
				+ ") | properties(" + to + ")][0]}";
	}

	/** {@code deal.property}, for a property named here. */
	public static String property(String variable, String property) {
		return variable + "." + property;
	}

}

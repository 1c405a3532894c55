package io.dealgraph.deal;

import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.PartialDateKeys;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.source.SourceLists;
import io.dealgraph.graph.DealStatus;

/**
 * A deal's properties, written and read: the Java side of {@link DealStorage}. A deal's
 * sources and status history are parallel lists of properties (sources are not nodes yet:
 * issue 18 makes them claims); Neo4j lists hold no nulls, so an unknown element is stored
 * as the empty string and read back as null. The announcement date is stored with its
 * {@link PartialDateKeys sort key}.
 */
public final class DealProperties {

	private static final String UNKNOWN = "";

	/** The lists a deal's sources are stored in. */
	private static final List<String> SOURCE_LISTS = SourceLists.PROPERTIES;

	/**
	 * The stored properties each {@code Deal} field is read from. {@code type} comes from
	 * the labels, the parties from their own nodes, and the sites and related deals from
	 * theirs (found by the deal's id), so they need none here.
	 */
	private static final Map<String, List<String>> STORED_BY_FIELD = Map.ofEntries(
			Map.entry("id", List.of(DealStorage.ID)), Map.entry("key", List.of(DealStorage.ID)),
			Map.entry("type", List.of()), Map.entry("from", List.of()), Map.entry("to", List.of()),
			Map.entry("sites", List.of()), Map.entry("related", List.of()), Map.entry("__typename", List.of()),
			Map.entry("announcedOn", List.of("announcedOn")),
			Map.entry("amount", List.of("amount", "currency", "amountQualifier", "amountPeriod")),
			Map.entry("capacityMw", List.of("capacityMw")),
			Map.entry("capacity", List.of("capacityMw", "capacityBasis", "capacityQualifier")),
			Map.entry("termYears", List.of("termYears")), Map.entry("instrument", List.of("instrument")),
			Map.entry("stakePercent", List.of("stakePercent")), Map.entry("role", List.of(DealStorage.ROLE)),
			Map.entry("scope", List.of(DealStorage.SCOPE)), Map.entry("round", List.of(DealStorage.ROUND)),
			Map.entry("status", List.of(DealStorage.STATUS)), Map.entry("version", List.of("version")),
			Map.entry("lastChange", List.of(DealStorage.LAST_CHANGE)), Map.entry("description", List.of("description")),
			Map.entry("statusHistory", List.of("statusHistory", "statusDates", "statusNotes")),
			// The confidence is the best of the sources', so it reads them whole.
			Map.entry("confidence", SOURCE_LISTS), Map.entry("sources", SOURCE_LISTS),
			Map.entry("retraction", List.of(DealStorage.RETRACTED_AT, "retractedBy", "retractionReason")));

	/** What {@link #decode} needs whatever is selected: the id and the status. */
	private static final List<String> ALWAYS_STORED = List.of(DealStorage.ID, DealStorage.STATUS);

	private DealProperties() {
	}

	/**
	 * The stored properties a response with these {@code Deal} fields needs, in a stable
	 * order; null, meaning all of them, when a field is not known here.
	 */
	public static @Nullable List<String> storedFor(Collection<String> fields) {
		Set<String> stored = new TreeSet<>(ALWAYS_STORED);
		for (String field : fields) {
			List<String> properties = STORED_BY_FIELD.get(field);
			if (properties == null) {
				return null;
			}
			stored.addAll(properties);
		}
		return List.copyOf(stored);
	}

	public static Map<String, Object> encode(DealDraft deal) {
		Map<String, Object> p = new HashMap<>();
		p.put(DealStorage.ID, deal.id());
		p.put("announcedOn", deal.announcedOn());
		p.put(DealStorage.ANNOUNCED_KEY, PartialDateKeys.sortKey(deal.announcedOn()));
		// Every key is written, null when unknown, so that an update also clears what it
		// no longer says.
		Money amount = deal.amount();
		p.put("amount", (amount != null) ? amount.amount() : null);
		p.put("currency", (amount != null) ? amount.currency() : null);
		p.put("amountQualifier", (amount != null) ? amount.qualifier().name() : null);
		p.put("amountPeriod", (amount != null) ? amount.period().name() : null);
		// Filters and ordering by amount compare US-dollar totals only: other currencies
		// are never converted,
		// and a yearly amount is not a total.
		boolean usdTotal = amount != null && "USD".equals(amount.currency()) && amount.period() == AmountPeriod.TOTAL;
		p.put(DealStorage.AMOUNT_USD, usdTotal ? amount.amount() : null);
		p.put("capacityMw", deal.capacityMw());
		p.put("capacityBasis", (deal.capacityBasis() != null) ? deal.capacityBasis().name() : null);
		p.put("capacityQualifier", (deal.capacityQualifier() != null) ? deal.capacityQualifier().name() : null);
		p.put("termYears", deal.termYears());
		p.put("instrument", (deal.instrument() != null) ? deal.instrument().name() : null);
		p.put("stakePercent", deal.stakePercent());
		p.put(DealStorage.ROLE, (deal.role() != null) ? deal.role().name() : null);
		p.put(DealStorage.SCOPE, (deal.scope() != null) ? deal.scope().name() : null);
		p.put(DealStorage.ROUND, deal.round());
		p.put(DealStorage.STATUS, deal.status().name());
		p.put(DealStorage.ENDED_KEY, endedKey(deal));
		p.put("statusHistory", list(deal.statusHistory(), (c) -> c.status().name()));
		p.put("statusDates", list(deal.statusHistory(), StatusChange::on));
		p.put("statusNotes", list(deal.statusHistory(), StatusChange::note));
		p.put("description", deal.description());
		SourceLists.put(p, deal.sources());
		return p;
	}

	/**
	 * Reads the map that {@link DealStorage#projection} makes: the deal with both
	 * parties, as every deal statement returns it.
	 */
	public static Deal decode(Value projected) {
		return decode(projected, Organization.from(projected.get("from")), Organization.from(projected.get("to")));
	}

	/** Reads a deal's properties and type, with parties read separately. */
	public static Deal decode(Value r, Organization from, Organization to) {
		Money amount = r.get("amount").isNull() ? null
				: new Money(r.get("amount").asDouble(), r.get("currency").asString(),
						AmountQualifier.valueOf(r.get("amountQualifier").asString()),
						AmountPeriod.valueOf(r.get("amountPeriod").asString()));
		List<String> statuses = strings(r, "statusHistory");
		List<String> statusDates = strings(r, "statusDates");
		List<String> statusNotes = strings(r, "statusNotes");
		List<StatusChange> history = IntStream.range(0, statuses.size())
			.mapToObj((i) -> new StatusChange(DealStatus.valueOf(statuses.get(i)), known(statusDates.get(i)),
					known(statusNotes.get(i))))
			.toList();
		List<Source> sources = SourceLists.read(r);
		Deal.Retraction retraction = r.get(DealStorage.RETRACTED_AT).isNull() ? null
				: new Deal.Retraction(r.get(DealStorage.RETRACTED_AT).asString(), r.get("retractedBy").asString(),
						r.get("retractionReason").asString());
		return new Deal(r.get("id").asString(), DealType.valueOf(r.get("type").asString()), from, to,
				r.get("announcedOn").asString(null), amount, number(r, "capacityMw"),
				enumValue(r, "capacityBasis", CapacityBasis.class),
				enumValue(r, "capacityQualifier", CapacityQualifier.class), number(r, "termYears"),
				r.get("instrument").isNull() ? null : FinancingInstrument.valueOf(r.get("instrument").asString()),
				number(r, "stakePercent"), enumValue(r, DealStorage.ROLE, FinancingRole.class),
				enumValue(r, DealStorage.SCOPE, AcquisitionScope.class), r.get(DealStorage.ROUND).asString(null),
				statusInView(r), history, r.get("description").asString(null), sources, r.get("version").asInt(1),
				r.get(DealStorage.LAST_CHANGE).isNull() ? null : r.get(DealStorage.LAST_CHANGE).asLong(), retraction);
	}

	/** The status in the view the deal was read in: on the as-of date, or now. */
	private static DealStatus statusInView(Value r) {
		Value onDate = r.get(DealStorage.STATUS_IN_VIEW);
		return DealStatus.valueOf(onDate.isNull() ? r.get(DealStorage.STATUS).asString() : onDate.asString());
	}

	/**
	 * When the deal stopped counting: the date key of the change to its current status
	 * when that status is REJECTED, TERMINATED or CLOSED;
	 * {@link PartialDateKeys#UNDATED_END} when that change is not dated; null while it
	 * counts. As-of views keep a deal only while {@code endedKey} is null or after the
	 * date asked for.
	 */
	static @Nullable String endedKey(DealDraft deal) {
		if (!deal.status().ended()) {
			return null;
		}
		// The earliest dated change of the final run of this status is when it ended.
		String ended = null;
		for (StatusChange change : deal.statusHistory().reversed()) {
			if (change.status() != deal.status()) {
				break;
			}
			if (change.on() != null) {
				ended = PartialDateKeys.sortKey(change.on());
			}
		}
		return (ended != null) ? ended : PartialDateKeys.UNDATED_END;
	}

	private static <T> List<String> list(List<T> items, Function<T, @Nullable String> value) {
		return items.stream().map((item) -> {
			String v = value.apply(item);
			return (v != null) ? v : UNKNOWN;
		}).toList();
	}

	private static List<String> strings(Value r, String key) {
		return r.get(key).asList(Value::asString, List.of());
	}

	private static @Nullable String known(String stored) {
		return UNKNOWN.equals(stored) ? null : stored;
	}

	private static <E extends Enum<E>> @Nullable E enumValue(Value r, String key, Class<E> type) {
		return r.get(key).isNull() ? null : Enum.valueOf(type, r.get(key).asString());
	}

	private static @Nullable Double number(Value r, String key) {
		return r.get(key).isNull() ? null : r.get(key).asDouble();
	}

}

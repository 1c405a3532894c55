package io.dealgraph.deal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.organization.Organization;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;

/**
 * How a deal is stored on its relationship, in one place. A relationship cannot point at
 * source nodes, so a deal's sources and status history are parallel lists; Neo4j lists
 * hold no nulls, so an unknown element is stored as the empty string and read back as
 * null.
 *
 * <p>
 * {@code announcedKey} makes partial dates sort: missing parts become {@code 00}, so
 * {@code 2024} sorts before {@code 2024-06}, which sorts before {@code 2024-06-01}. An
 * unknown date has no key and sorts last.
 */
public final class DealProperties {

	private static final String UNKNOWN = "";

	private DealProperties() {
	}

	public static Map<String, Object> encode(DealDraft deal) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", deal.id());
		p.put("announcedOn", deal.announcedOn());
		p.put("announcedKey", sortKey(deal.announcedOn()));
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
		p.put("amountUsd", usdTotal ? amount.amount() : null);
		p.put("capacityMw", deal.capacityMw());
		p.put("termYears", deal.termYears());
		p.put("instrument", (deal.instrument() != null) ? deal.instrument().name() : null);
		p.put("stakePercent", deal.stakePercent());
		p.put("status", deal.status().name());
		p.put("endedKey", endedKey(deal));
		p.put("statusHistory", list(deal.statusHistory(), (c) -> c.status().name()));
		p.put("statusDates", list(deal.statusHistory(), StatusChange::on));
		p.put("statusNotes", list(deal.statusHistory(), StatusChange::note));
		p.put("description", deal.description());
		p.put("sourceUrls", list(deal.sources(), Source::url));
		p.put("sourceTitles", list(deal.sources(), Source::title));
		p.put("sourcePublishers", list(deal.sources(), Source::publisher));
		p.put("sourceConfidences", list(deal.sources(), (s) -> s.confidence().name()));
		p.put("sourceNotes", list(deal.sources(), Source::note));
		return p;
	}

	/**
	 * Reads the map that {@code r {.*, type: type(r), from: properties(a), to:
	 * properties(b)}} projects: the deal with both parties, as every deal statement
	 * returns it.
	 */
	public static Deal decode(Value projected) {
		return decode(projected, Organization.from(projected.get("from")), Organization.from(projected.get("to")));
	}

	/**
	 * Reads the map that {@code r {.*, type: type(r)}} projects from a deal relationship.
	 */
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
		List<String> urls = strings(r, "sourceUrls");
		List<String> titles = strings(r, "sourceTitles");
		List<String> publishers = strings(r, "sourcePublishers");
		List<String> confidences = strings(r, "sourceConfidences");
		List<String> notes = strings(r, "sourceNotes");
		List<Source> sources = IntStream.range(0, urls.size())
			.mapToObj((i) -> new Source(known(urls.get(i)), known(titles.get(i)), known(publishers.get(i)),
					Confidence.valueOf(confidences.get(i)), known(notes.get(i))))
			.toList();
		Deal.Retraction retraction = r.get("retractedAt").isNull() ? null : new Deal.Retraction(
				r.get("retractedAt").asString(), r.get("retractedBy").asString(), r.get("retractionReason").asString());
		return new Deal(r.get("id").asString(), DealType.valueOf(r.get("type").asString()), from, to,
				r.get("announcedOn").asString(null), amount, number(r, "capacityMw"), number(r, "termYears"),
				r.get("instrument").isNull() ? null : FinancingInstrument.valueOf(r.get("instrument").asString()),
				number(r, "stakePercent"), DealStatus.valueOf(r.get("status").asString()), history,
				r.get("description").asString(null), sources, r.get("version").asInt(1), retraction);
	}

	/** The sort key of a partial date, or null when the date is unknown. */
	public static @Nullable String sortKey(@Nullable String partialDate) {
		if (partialDate == null) {
			return null;
		}
		return switch (partialDate.length()) {
			case 4 -> partialDate + "-00-00";
			case 7 -> partialDate + "-00";
			default -> partialDate;
		};
	}

	/**
	 * When the deal stopped counting: the date key of the change to its current status
	 * when that status is REJECTED, TERMINATED or CLOSED; {@link #UNDATED_END} when that
	 * change is not dated; null while it counts. As-of views keep a deal only while
	 * {@code endedKey} is null or after the date asked for.
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
				ended = sortKey(change.on());
			}
		}
		return (ended != null) ? ended : UNDATED_END;
	}

	/**
	 * Sorts before every date: a deal that ended on an unknown day is left out of every
	 * as-of view.
	 */
	static final String UNDATED_END = "0000-00-00";

	/**
	 * The largest sort key inside a partial date: {@code 2024} ends at
	 * {@code 2024-99-99}.
	 */
	public static String lastSortKey(String partialDate) {
		return switch (partialDate.length()) {
			case 4 -> partialDate + "-99-99";
			case 7 -> partialDate + "-99";
			default -> partialDate;
		};
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

	private static @Nullable Double number(Value r, String key) {
		return r.get(key).isNull() ? null : r.get(key).asDouble();
	}

}

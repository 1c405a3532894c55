package io.dealgraph.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.deal.Deal;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.Source;

/**
 * A network as FollowTheMoney entities, one JSON object per line, as Aleph and
 * OpenSanctions exchange them. Organizations are {@code Company} (a regulator a
 * {@code PublicBody}, an organization of no known kind an {@code Organization}); each
 * deal is the interval schema that says what it is:
 * <ul>
 * <li>an acquisition, control, a stake, or shares bought in a financing:
 * {@code Ownership} of the target by the buyer, parent or holder;</li>
 * <li>a loan, notes or a sale-leaseback: {@code Debt} owed by the financed to the
 * financier;</li>
 * <li>other money given, and a supply contract: {@code Payment} from the one who pays;
 * </li>
 * <li>a partnership, a regulatory action, a guarantee, an arranged financing: an
 * {@code UnknownLink}, with the deal's kind as its role, since FollowTheMoney has no
 * schema for them that would not say more than the sources.</li>
 * </ul>
 * Every deal carries its dates, amount where the schema holds one, and the URLs of its
 * sources. Properties are only those each schema defines: a test checks every entity
 * against the model of the {@code @alephdata/followthemoney} package.
 */
final class FollowTheMoney {

	private FollowTheMoney() {
	}

	/** The entities of the network as JSON lines: its organizations, then its deals. */
	static String jsonLines(Network network, JsonMapper mapper) {
		StringBuilder out = new StringBuilder();
		Set<String> written = new LinkedHashSet<>();
		List<Organization> organizations = new ArrayList<>(network.organizations());
		network.deals().forEach((deal) -> organizations.addAll(List.of(deal.from(), deal.to())));
		for (Organization organization : organizations) {
			if (written.add(organization.id())) {
				out.append(line(organization, mapper));
			}
		}
		for (Deal deal : network.deals()) {
			out.append(line(deal, mapper));
		}
		return out.toString();
	}

	/** An organization as one line of entities. */
	static String line(Organization organization, JsonMapper mapper) {
		return mapper.writeValueAsString(organization(organization)) + "\n";
	}

	/** A deal as one line of entities. */
	static String line(Deal deal, JsonMapper mapper) {
		return mapper.writeValueAsString(deal(deal)) + "\n";
	}

	static String id(Organization organization) {
		return "dealgraph-organization-" + organization.id();
	}

	private static String schema(OrganizationKind kind) {
		return switch (kind) {
			case REGULATOR -> "PublicBody";
			case OTHER -> "Organization";
			default -> "Company";
		};
	}

	private static Map<String, Object> organization(Organization organization) {
		Map<String, List<String>> properties = new LinkedHashMap<>();
		put(properties, "name", organization.name());
		organization.aliases().forEach((alias) -> put(properties, "alias", alias));
		if (organization.country() != null) {
			put(properties, "country", organization.country().toLowerCase(Locale.ROOT));
		}
		String schema = schema(organization.kind());
		if (schema.equals("Company")) {
			put(properties, "ticker", organization.ticker());
		}
		return entity(id(organization), schema, properties);
	}

	/** How a deal reads in FollowTheMoney: its schema and which party stands where. */
	private record Shape(String schema, String fromProperty, String toProperty, @Nullable String role) {
	}

	private static Shape shape(Deal deal) {
		// Only a company is an asset that can be owned.
		boolean toIsAnAsset = schema(deal.to().kind()).equals("Company");
		Shape ownership = new Shape("Ownership", "owner", "asset", null);
		Shape link = new Shape("UnknownLink", "subject", "object", label(deal.type()));
		return switch (deal.type()) {
			case ACQUISITION, CONTROL, STAKE -> toIsAnAsset ? ownership : link;
			case FINANCING -> financing(deal, toIsAnAsset, ownership, link);
			case SUPPLY -> new Shape("Payment", "beneficiary", "payer", null);
			case PARTNERSHIP, REGULATORY_ACTION, GUARANTEE -> link;
		};
	}

	private static Shape financing(Deal deal, boolean toIsAnAsset, Shape ownership, Shape link) {
		if (deal.role() == FinancingRole.ARRANGER || deal.role() == FinancingRole.UNDERWRITER) {
			return new Shape("UnknownLink", "subject", "object", deal.role().name().toLowerCase(Locale.ROOT));
		}
		FinancingInstrument instrument = deal.instrument();
		if (instrument != null && instrument.isShareholding()) {
			return toIsAnAsset ? ownership : link;
		}
		if (instrument == FinancingInstrument.DEBT || instrument == FinancingInstrument.CONVERTIBLE_NOTES
				|| instrument == FinancingInstrument.SALE_LEASEBACK) {
			return new Shape("Debt", "creditor", "debtor", null);
		}
		return new Shape("Payment", "payer", "beneficiary", null);
	}

	private static Map<String, Object> deal(Deal deal) {
		Shape shape = shape(deal);
		Map<String, List<String>> properties = new LinkedHashMap<>();
		put(properties, shape.fromProperty(), id(deal.from()));
		put(properties, shape.toProperty(), id(deal.to()));
		put(properties, "recordId", deal.id());
		put(properties, "startDate", deal.announcedOn());
		put(properties, "description", deal.description());
		sources(properties, "sourceUrl", deal, Source::url);
		sources(properties, "publisher", deal, Source::publisher);
		switch (shape.schema()) {
			case "Ownership" -> {
				put(properties, "status", deal.status().name().toLowerCase(Locale.ROOT));
				put(properties, "ownershipType", label(deal.type()));
				if (deal.stakePercent() != null) {
					put(properties, "percentage", number(deal.stakePercent()));
				}
				if (deal.amount() != null) {
					put(properties, "sharesValue", number(deal.amount().amount()));
					put(properties, "sharesCurrency", deal.amount().currency());
				}
			}
			case "UnknownLink" -> {
				put(properties, "status", deal.status().name().toLowerCase(Locale.ROOT));
				put(properties, "role", shape.role());
			}
			default -> {
				if (deal.amount() != null) {
					put(properties, "amount", number(deal.amount().amount()));
					put(properties, "currency", deal.amount().currency());
					if ("USD".equals(deal.amount().currency())) {
						put(properties, "amountUsd", number(deal.amount().amount()));
					}
				}
				if (shape.schema().equals("Payment")) {
					put(properties, "purpose", label(deal.type()));
				}
			}
		}
		return entity("dealgraph-deal-" + deal.id(), shape.schema(), properties);
	}

	private static String label(DealType type) {
		return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static void sources(Map<String, List<String>> properties, String property, Deal deal,
			Function<Source, @Nullable String> part) {
		deal.sources()
			.stream()
			.map(part)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((value) -> put(properties, property, value));
	}

	private static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: Double.toString(value);
	}

	private static void put(Map<String, List<String>> properties, String property, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			properties.computeIfAbsent(property, (name) -> new ArrayList<>()).add(value);
		}
	}

	private static Map<String, Object> entity(String id, String schema, Map<String, List<String>> properties) {
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("id", id);
		entity.put("schema", schema);
		entity.put("properties", properties);
		return entity;
	}

}

package io.dealgraph.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

import io.dealgraph.cypher.DealStatements;
import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.deal.DealDirection;
import io.dealgraph.errors.ApiException;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.End;
import io.dealgraph.graph.Relationship;
import io.dealgraph.paging.Page;

/**
 * What a response reads beneath a top-level field, taken from its GraphQL selection: the
 * nested fields that need the database (an organization's deals, relationship fields and
 * facts; a deal's parties, sites and related deals; a site's operator and deals), with
 * their arguments and their places in the response. Plain fields of an organization or
 * deal are not here: the projection of the object carries them.
 *
 * <p>
 * A field is left out, to be loaded by its own fetcher, when reading it here could change
 * the answer: a page argument the API refuses (so the error lands on the field itself),
 * or two selections under one response key (aliased edges, or fragments with different
 * arguments).
 */
final class Reads {

	private static final Map<String, Relationship> RELATIONSHIP_FIELDS = Arrays.stream(Relationship.values())
		.filter((relationship) -> relationship.field().isPresent())
		.collect(Collectors.toMap((relationship) -> relationship.field().orElseThrow().name(), Function.identity()));

	/**
	 * The connection beside each relationship list, e.g. {@code financiersConnection}.
	 */
	private static final Map<String, Relationship> RELATIONSHIP_CONNECTIONS = Arrays.stream(Relationship.values())
		.filter((relationship) -> relationship.field().filter((field) -> !field.latest()).isPresent())
		.collect(Collectors.toMap((relationship) -> relationship.field().orElseThrow().connectionName(),
				Function.identity()));

	/**
	 * The fields that read an organization's facts: the facts, and the claims made of
	 * them.
	 */
	private static final Set<String> FACT_FIELDS = Set.of("facts", "investorTypeClaims", "kindClaims");

	private Reads() {
	}

	/**
	 * What is read of an organization: the names of its selected fields, for its
	 * projection, and beneath it, field by field.
	 */
	record OrganizationReads(Set<String> selected, List<Read> fields) {

		/** Nothing beneath, and no field beyond what every organization read returns. */
		static final OrganizationReads NONE = new OrganizationReads(Set.of(), List.of());

	}

	/**
	 * What is read of a deal: the names of its selected fields and of its parties', for
	 * their projections, and beneath it, field by field.
	 */
	record DealReads(Set<String> selected, Set<String> fromSelected, Set<String> toSelected, List<DealRead> fields) {

	}

	/**
	 * What is read beneath a site, field by field; the site itself is read whole (it
	 * stores a handful of fields).
	 */
	record SiteReads(List<SiteRead> fields) {

	}

	/** A nested field read beneath an organization, by its response key. */
	sealed interface Read permits DealsRead, RelatedRead, RelatedPageRead, FactsRead {

		String key();

	}

	/**
	 * {@code Organization.deals}: a page of deals, and where in the connection its deals
	 * stand, each with what is read beneath it.
	 */
	record DealsRead(String key, Set<DealType> types, DealDirection direction, Page page, boolean withTotal,
			List<Place> places, DealReads beneath) implements Read {
	}

	/** A relationship field such as {@code financiers}, or {@code acquirer}. */
	record RelatedRead(String key, Relationship relationship, OrganizationReads beneath) implements Read {
	}

	/**
	 * A relationship connection such as {@code financiersConnection}: a page of the other
	 * parties, and where in the connection they stand, each with what is read beneath it.
	 */
	record RelatedPageRead(String key, Relationship relationship, Page page, boolean withTotal, List<Place> places,
			OrganizationReads beneath) implements Read {
	}

	/**
	 * {@code Organization.facts}, or a field made of them: {@code investorTypeClaims},
	 * {@code kindClaims}.
	 */
	record FactsRead(String key) implements Read {
	}

	/** A nested field read beneath a deal, by its response key. */
	sealed interface DealRead permits PartyRead, SitesRead, RelatedDealsRead {

		String key();

	}

	/** {@code Deal.from} or {@code Deal.to}, with what is read beneath that party. */
	record PartyRead(String key, End end, OrganizationReads beneath) implements DealRead {
	}

	/** {@code Deal.sites}, with what is read beneath each site. */
	record SitesRead(String key, SiteReads beneath) implements DealRead {
	}

	/**
	 * {@code Deal.related}, with what is read of each related deal; {@code dealKey} is
	 * the response key of {@code RelatedDeal.deal}, null when that field is selected
	 * under several keys, whose nested fields then load themselves.
	 */
	record RelatedDealsRead(String key, @Nullable String dealKey, DealReads beneath) implements DealRead {
	}

	/** A nested field read beneath a site, by its response key. */
	sealed interface SiteRead permits OperatorRead, SiteDealsRead {

		String key();

	}

	/** {@code Site.operator}, with what is read beneath it. */
	record OperatorRead(String key, OrganizationReads beneath) implements SiteRead {
	}

	/**
	 * {@code Site.deals}: a page of deals, and where in the connection its deals stand,
	 * each with what is read beneath it.
	 */
	record SiteDealsRead(String key, Page page, boolean withTotal, List<Place> places,
			DealReads beneath) implements SiteRead {
	}

	/**
	 * Where a connection's nodes stand in the response: {@code edges[i].node} under these
	 * response keys.
	 */
	record Place(String edges, String node) {
	}

	/** A connection's selection: where its nodes stand, their fields, and the total. */
	record ConnectionSelection(List<Place> places, List<SelectedField> nodeFields, boolean withTotal) {

		static ConnectionSelection of(List<SelectedField> fields) {
			List<Place> places = new ArrayList<>();
			List<SelectedField> nodeFields = new ArrayList<>();
			boolean withTotal = false;
			for (SelectedField field : fields) {
				switch (field.getName()) {
					case "totalCount" -> withTotal = true;
					case "edges" -> {
						for (SelectedField edge : children(field)) {
							if (edge.getName().equals("node")) {
								places.add(new Place(field.getResultKey(), edge.getResultKey()));
								nodeFields.addAll(children(edge));
							}
						}
					}
					default -> {
					}
				}
			}
			return new ConnectionSelection(places, nodeFields, withTotal);
		}

	}

	/** What is read beneath an organization with these selected fields. */
	static OrganizationReads organization(Collection<SelectedField> fields) {
		List<Read> reads = new ArrayList<>();
		for (SelectedField field : fields) {
			Relationship relationship = RELATIONSHIP_FIELDS.get(field.getName());
			if (relationship != null) {
				reads.add(new RelatedRead(field.getResultKey(), relationship, organization(children(field))));
			}
			else if (RELATIONSHIP_CONNECTIONS.containsKey(field.getName())) {
				relatedPage(field, RELATIONSHIP_CONNECTIONS.get(field.getName())).ifPresent(reads::add);
			}
			else if (FACT_FIELDS.contains(field.getName())) {
				reads.add(new FactsRead(field.getResultKey()));
			}
			else if (field.getName().equals("deals")) {
				deals(field).ifPresent(reads::add);
			}
		}
		return new OrganizationReads(names(fields), onePerKey(reads, Read::key));
	}

	/** What is read beneath a deal with these selected fields. */
	static DealReads deal(Collection<SelectedField> fields) {
		List<DealRead> reads = new ArrayList<>();
		Set<String> fromSelected = new TreeSet<>();
		Set<String> toSelected = new TreeSet<>();
		for (SelectedField field : fields) {
			switch (field.getName()) {
				case "from", "to" -> {
					End end = field.getName().equals("from") ? End.FROM : End.TO;
					((end == End.FROM) ? fromSelected : toSelected).addAll(names(children(field)));
					OrganizationReads beneath = organization(children(field));
					if (!beneath.fields().isEmpty()) {
						reads.add(new PartyRead(field.getResultKey(), end, beneath));
					}
				}
				case "sites" -> reads.add(new SitesRead(field.getResultKey(), site(children(field))));
				case "related" -> reads.add(relatedDeals(field));
				default -> {
				}
			}
		}
		return new DealReads(names(fields), fromSelected, toSelected, onePerKey(reads, DealRead::key));
	}

	/** What is read beneath a site with these selected fields. */
	static SiteReads site(Collection<SelectedField> fields) {
		List<SiteRead> reads = new ArrayList<>();
		for (SelectedField field : fields) {
			switch (field.getName()) {
				case "operator" -> reads.add(new OperatorRead(field.getResultKey(), organization(children(field))));
				case "deals" -> siteDeals(field).ifPresent(reads::add);
				default -> {
				}
			}
		}
		return new SiteReads(onePerKey(reads, SiteRead::key));
	}

	/**
	 * {@code Deal.related}: each related deal read as every selection of
	 * {@code RelatedDeal.deal} asks, and beneath it only when there is one.
	 */
	private static RelatedDealsRead relatedDeals(SelectedField field) {
		List<SelectedField> deals = children(field).stream().filter((it) -> it.getName().equals("deal")).toList();
		if (deals.size() == 1) {
			SelectedField deal = deals.getFirst();
			return new RelatedDealsRead(field.getResultKey(), deal.getResultKey(), deal(children(deal)));
		}
		DealReads all = deal(deals.stream().flatMap((deal) -> children(deal).stream()).toList());
		return new RelatedDealsRead(field.getResultKey(), null,
				new DealReads(all.selected(), all.fromSelected(), all.toSelected(), List.of()));
	}

	private static Optional<SiteRead> siteDeals(SelectedField field) {
		Page page;
		try {
			page = page(field.getArguments());
			DealStatements.checkPageAt(page);
		}
		catch (ApiException refused) {
			return Optional.empty();
		}
		ConnectionSelection connection = ConnectionSelection.of(children(field));
		return Optional.of(new SiteDealsRead(field.getResultKey(), page, connection.withTotal(), connection.places(),
				deal(connection.nodeFields())));
	}

	private static Optional<Read> deals(SelectedField field) {
		Map<String, Object> arguments = field.getArguments();
		Set<DealType> types = EnumSet.noneOf(DealType.class);
		if (arguments.get("types") instanceof List<?> list) {
			list.forEach((type) -> types.add(DealType.valueOf(name(type))));
		}
		DealDirection direction = (arguments.get("direction") != null)
				? DealDirection.valueOf(name(arguments.get("direction"))) : DealDirection.ANY;
		Page page;
		try {
			page = page(arguments);
			DealStatements.checkPageAt(page);
		}
		catch (ApiException refused) {
			return Optional.empty();
		}
		ConnectionSelection connection = ConnectionSelection.of(children(field));
		return Optional.of(new DealsRead(field.getResultKey(), types, direction, page, connection.withTotal(),
				connection.places(), deal(connection.nodeFields())));
	}

	private static Optional<Read> relatedPage(SelectedField field, Relationship relationship) {
		Map<String, Object> arguments = field.getArguments();
		Page page;
		try {
			page = page(arguments);
			OrganizationStatements.checkRelatedPageAt(page);
		}
		catch (ApiException refused) {
			return Optional.empty();
		}
		ConnectionSelection connection = ConnectionSelection.of(children(field));
		return Optional.of(new RelatedPageRead(field.getResultKey(), relationship, page, connection.withTotal(),
				connection.places(), organization(connection.nodeFields())));
	}

	/** The page that a connection's arguments ask for. */
	private static Page page(Map<String, Object> arguments) {
		return Page.of((Integer) arguments.get("first"), (String) arguments.get("after"),
				(Integer) arguments.get("last"), (String) arguments.get("before"));
	}

	/** An enum argument's value, as graphql-java hands it: a name or a Java enum. */
	private static String name(@Nullable Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
	}

	/** The names of the selected fields, whatever their aliases and type conditions. */
	private static Set<String> names(Collection<SelectedField> fields) {
		return fields.stream().map(SelectedField::getName).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The field named {@code name} among these, when it is selected once: under several
	 * response keys, a statement could not hand it one answer per place, so it is left to
	 * its own fetcher.
	 */
	static Optional<SelectedField> selectedOnce(Collection<SelectedField> fields, String name) {
		List<SelectedField> named = fields.stream().filter((field) -> field.getName().equals(name)).toList();
		return (named.size() == 1) ? Optional.of(named.getFirst()) : Optional.empty();
	}

	static List<SelectedField> children(SelectedField field) {
		return field.getSelectionSet().getImmediateFields();
	}

	/**
	 * The reads whose response key no other read has: two under one key would need two
	 * answers at one place, so both are left to their fields' own fetchers.
	 */
	private static <T> List<T> onePerKey(List<T> reads, Function<T, String> key) {
		Map<String, Long> counts = reads.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
		return reads.stream().filter((read) -> counts.get(key.apply(read)) == 1).toList();
	}

}

package io.dealgraph.filter;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.DealType;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cypher that filters compile to, pinned as text for representative requests: no
 * database. {@code OrganizationFilterTests} checks the answers against the real graph.
 */
class FilterCompilationTests {

	/**
	 * The mission's question, as the example
	 * {@code aiCustomersOfMinersFinancedByPrivateEquity} asks it.
	 */
	private static final OrganizationWhere AI_CUSTOMERS_OF_MINERS_FINANCED_BY_PRIVATE_EQUITY = organizationWhere(Map
		.of("kind", OrganizationKind.AI_FIRM, "customerOf", organizationWhere(Map.of("kind", OrganizationKind.MINER,
				"financedBy", organizationWhere(Map.of("investorType", InvestorType.PRIVATE_EQUITY))))));

	@Test
	void aiCustomersOfMinersFinancedByPrivateEquity() {
		var filter = new CypherFilter();
		String predicate = filter.organization(AI_CUSTOMERS_OF_MINERS_FINANCED_BY_PRIVATE_EQUITY, "o");
		assertThat(predicate)
			.isEqualTo("(o:AIFirm AND EXISTS { MATCH (o)<-[:TO]-(d2:Partnership|Supply)-[:FROM]->(o1:Organization) "
					+ "WHERE (d2.retractedAt IS NULL AND (o1:Miner AND EXISTS { MATCH (o1)<-[:TO]-(d4:Financing)-[:FROM]->(o3:Organization) "
					+ "WHERE (d4.retractedAt IS NULL AND NOT coalesce(d4.role, '') IN ['ARRANGER', 'UNDERWRITER'] AND $p5 IN o3.investorTypes) })) })");
		assertThat(filter.parameters()).isEqualTo(Map.of("p5", "PRIVATE_EQUITY"));
	}

	@Test
	void theMissionFilterStartsFromThePrivateEquityInvestorsAndWalksOutToTheAiFirms() {
		var filter = new CypherFilter();
		String matching = filter.matching(AI_CUSTOMERS_OF_MINERS_FINANCED_BY_PRIVATE_EQUITY, "o");
		assertThat(matching).isEqualTo("""
				MATCH (rare1:Organization) WHERE $p2 IN rare1.investorTypes
				MATCH (step3:Organization)<-[:TO]-(d4:Financing)-[:FROM]->(rare1) \
				WHERE (d4.retractedAt IS NULL AND NOT coalesce(d4.role, '') IN ['ARRANGER', 'UNDERWRITER'])
				WITH DISTINCT step3 WHERE step3:Miner
				MATCH (o:Organization)<-[:TO]-(d5:Partnership|Supply)-[:FROM]->(step3) WHERE d5.retractedAt IS NULL
				WITH DISTINCT o WHERE o:AIFirm""");
		assertThat(filter.parameters()).isEqualTo(Map.of("p2", "PRIVATE_EQUITY"));
	}

	@Test
	void aFilterStartsFromEveryOrganizationWhenItNamesItsOwnRareConditionOrNoneLeadsToOne() {
		OrganizationWhere financedByPrivateEquity = organizationWhere(
				Map.of("financedBy", organizationWhere(Map.of("investorType", InvestorType.PRIVATE_EQUITY))));
		String every = "MATCH (o:Organization) WHERE ";
		assertThat(new CypherFilter().matching(null, "o")).isEqualTo(every + "true");
		assertThat(new CypherFilter().matching(
				organizationWhere(Map.of("id", "hut-8", "financedBy", financedByPrivateEquity.financedBy())), "o"))
			.as("its own id is rarer still")
			.startsWith(every + "(o.id = ");
		assertThat(new CypherFilter().matching(organizationWhere(
				Map.of("kind", OrganizationKind.MINER, "financedBy", organizationWhere(Map.of("country", "US")))), "o"))
			.as("nothing rare")
			.startsWith(every + "(o:Miner AND EXISTS");
		assertThat(new CypherFilter().matching(organizationWhere(Map.of("OR", List.of(financedByPrivateEquity))), "o"))
			.as("under OR, an organization may match without the walk")
			.startsWith(every + "(EXISTS");
		assertThat(new CypherFilter().matching(financedByPrivateEquity, "o")).startsWith("MATCH (rare");
	}

	@Test
	void aPageIsFirstTriedOnAPrefixOfItsOrderUnlessItsFilterNamesARareConditionOfItsOwn() {
		var filter = new CypherFilter();
		OrganizationWhere financedByPrivateEquity = organizationWhere(
				Map.of("financedBy", organizationWhere(Map.of("investorType", InvestorType.PRIVATE_EQUITY))));
		assertThat(filter.probes(AI_CUSTOMERS_OF_MINERS_FINANCED_BY_PRIVATE_EQUITY)).isTrue();
		assertThat(filter.probes(organizationWhere(Map.of("AND", List.of(financedByPrivateEquity))))).as("under AND")
			.isTrue();
		assertThat(filter.probes(organizationWhere(Map.of("kind", OrganizationKind.MINER, "country", "US"))))
			.as("a kind and a country: many may pass")
			.isTrue();
		assertThat(filter
			.probes(organizationWhere(Map.of("id", "hut-8", "financedBy", financedByPrivateEquity.financedBy()))))
			.as("its own id: the index finds it")
			.isFalse();
		assertThat(filter.probes(organizationWhere(Map.of("investorType", InvestorType.PRIVATE_EQUITY))))
			.as("its own investor type")
			.isFalse();
		assertThat(filter.probes(null)).as("no filter: the name index is the order").isFalse();
	}

	@Test
	void aStatementThatMatchedTheAllowedTypesLabelsTestsThemNoMoreUnlessTheyAllowNone() {
		DealWhere financings = dealWhere(Map.of("type", DealType.FINANCING));
		assertThat(new CypherFilter().deal(financings, "r", "a", "b"))
			.isEqualTo("(r.retractedAt IS NULL AND r:Financing)");
		assertThat(new CypherFilter().dealOfMatchedTypes(financings, "r", "a", "b")).isEqualTo("r.retractedAt IS NULL");
		DealWhere none = dealWhere(Map.of("type", DealType.FINANCING, "typeIn", List.of(DealType.SUPPLY)));
		assertThat(new CypherFilter().dealOfMatchedTypes(none, "r", "a", "b"))
			.isEqualTo("(r.retractedAt IS NULL AND (r:Financing AND r:Supply))");
		DealWhere underOr = dealWhere(Map.of("OR", List.of(financings)));
		assertThat(new CypherFilter().dealOfMatchedTypes(underOr, "r", "a", "b"))
			.isEqualTo("(r.retractedAt IS NULL AND (r:Financing))");
	}

	@Test
	void aPartnershipIsReadFromEitherEndAndViaSeesItsRealDirection() {
		var filter = new CypherFilter();
		DealWhere fromTheOther = dealWhere(Map.of("from", organizationWhere(Map.of("id", "iren"))));
		String predicate = filter.organization(
				organizationWhere(Map.of("partnerOf", organizationWhere(Map.of("id", "iren", "via", fromTheOther)))),
				"o");
		assertThat(predicate).isEqualTo("EXISTS { MATCH (o)<-[:FROM|TO]-(d2:Partnership)-[:FROM|TO]->(o1:Organization) "
				+ "MATCH (f3)<-[:FROM]-(d2)-[:TO]->(t4) "
				+ "WHERE (d2.retractedAt IS NULL AND o1.id = $p5 AND f3.id = $p6) }");
		assertThat(filter.parameters()).isEqualTo(Map.of("p5", "iren", "p6", "iren"));
	}

	@Test
	void anAsOfViewHoldsForEveryDealAFilterReads() {
		var filter = new CypherFilter(View.asOf("2024"));
		String predicate = filter
			.organization(organizationWhere(Map.of("financedBy", organizationWhere(Map.of("id", "x")))), "o");
		assertThat(predicate).isEqualTo("EXISTS { MATCH (o)<-[:TO]-(d2:Financing)-[:FROM]->(o1:Organization) "
				+ "WHERE ((d2.retractedAt IS NULL AND d2.announcedKey <= $p3 AND (d2.endedKey IS NULL OR d2.endedKey > $p3)) "
				+ "AND NOT coalesce(d2.role, '') IN ['ARRANGER', 'UNDERWRITER'] AND o1.id = $p4) }");
		assertThat(filter.parameters()).isEqualTo(Map.of("p3", "2024-99-99", "p4", "x"));
	}

	@Test
	void aDealFilterTestsPartiesWhenFromOrToIsAnywhereInIt() {
		DealWhere byParty = dealWhere(Map.of("from", organizationWhere(Map.of("id", "coatue"))));
		assertThat(DealWhere.testsParties(null)).isFalse();
		assertThat(DealWhere.testsParties(dealWhere(Map.of("type", DealType.FINANCING)))).isFalse();
		assertThat(DealWhere.testsParties(byParty)).isTrue();
		assertThat(DealWhere.testsParties(dealWhere(Map.of("OR", List.of(dealWhere(Map.of()), byParty))))).isTrue();
		assertThat(DealWhere.testsParties(dealWhere(Map.of("NOT", byParty)))).isTrue();
	}

	@Test
	void everyRowOfTheModelReadsItsOwnFilter() {
		for (Relationship row : Relationship.values()) {
			OrganizationWhere other = organizationWhere(Map.of("id", "x"));
			OrganizationWhere where = organizationWhere(Map.of(row.filter(), other));
			assertThat(where.filterOf(row)).as(row.filter()).isSameAs(other);
		}
	}

	/**
	 * An {@code OrganizationWhere} with the named fields set, as GraphQL would bind it.
	 */
	static OrganizationWhere organizationWhere(Map<String, Object> fields) {
		return record(OrganizationWhere.class, fields);
	}

	static DealWhere dealWhere(Map<String, Object> fields) {
		return record(DealWhere.class, fields);
	}

	private static <R extends Record> R record(Class<R> type, Map<String, Object> fields) {
		RecordComponent[] components = type.getRecordComponents();
		assertThat(Arrays.stream(components).map(RecordComponent::getName)).containsAll(fields.keySet());
		try {
			return type
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
				.newInstance(Arrays.stream(components).map((c) -> fields.get(c.getName())).toArray());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

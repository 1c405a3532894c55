package io.dealgraph.filter;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

	@Test
	void aiCustomersOfMinersFinancedByPrivateEquity() {
		var filter = new CypherFilter();
		String predicate = filter.organization(
				organizationWhere(
						Map.of("kind", OrganizationKind.AI_FIRM, "customerOf",
								organizationWhere(Map.of("kind", OrganizationKind.MINER, "financedBy",
										organizationWhere(Map.of("investorType", InvestorType.PRIVATE_EQUITY)))))),
				"o");
		assertThat(predicate)
			.isEqualTo("(o:AIFirm AND EXISTS { MATCH (o)<-[:TO]-(d2:Partnership|Supply)-[:FROM]->(o1:Organization) "
					+ "WHERE (d2.retractedAt IS NULL AND (o1:Miner AND EXISTS { MATCH (o1)<-[:TO]-(d4:Financing)-[:FROM]->(o3:Organization) "
					+ "WHERE (d4.retractedAt IS NULL AND NOT coalesce(d4.role, '') IN ['ARRANGER', 'UNDERWRITER'] AND $p5 IN o3.investorTypes) })) })");
		assertThat(filter.parameters()).isEqualTo(Map.of("p5", "PRIVATE_EQUITY"));
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

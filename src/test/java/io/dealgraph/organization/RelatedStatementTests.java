package io.dealgraph.organization;

import org.junit.jupiter.api.Test;

import io.dealgraph.cypher.OrganizationStatements;
import io.dealgraph.cypher.CypherFilter;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the relationship fields, built from the graph model and pinned as
 * text: no database. {@code RelationshipFieldTests} checks their answers on the seed
 * graph.
 */
class RelatedStatementTests {

	@Test
	void customersAreTheOtherPartiesOfAProvidersDealsEachOnceByName() {
		assertThat(OrganizationStatements.relatedOfOrganizations(Relationship.CUSTOMERS, new CypherFilter()))
			.isEqualTo("""
					MATCH (o:Organization) WHERE o.id IN $ids
					CALL (o) {
					  MATCH (o)<-[:FROM]-(r:Partnership|Supply)-[:TO]->(x:Organization) WHERE r.retractedAt IS NULL
					  WITH DISTINCT x ORDER BY x.name, x.id LIMIT $p1
					  RETURN collect(x {.*}) AS related
					}
					RETURN o.id AS id, related""");
	}

	@Test
	void theAcquirerIsThePartyOfTheLatestCompletedAcquisition() {
		assertThat(OrganizationStatements.relatedOfOrganizations(Relationship.ACQUIRER, new CypherFilter())).isEqualTo(
				"""
						MATCH (o:Organization) WHERE o.id IN $ids
						CALL (o) {
						  MATCH (o)<-[:TO]-(r:Acquisition)-[:FROM]->(x:Organization) WHERE r.retractedAt IS NULL AND r.scope = 'COMPANY' AND r.status = 'COMPLETED'
						  WITH x ORDER BY coalesce(r.announcedKey, '') DESC, r.id DESC LIMIT 1
						  RETURN collect(x {.*}) AS related
						}
						RETURN o.id AS id, related""");
	}

	@Test
	void underAnAsOfViewTheParentIsTheControlThatHadNotEndedByThen() {
		assertThat(
				OrganizationStatements.relatedOfOrganizations(Relationship.PARENT, new CypherFilter(View.asOf("2024"))))
			.isEqualTo(
					"""
							MATCH (o:Organization) WHERE o.id IN $ids
							CALL (o) {
							  MATCH (o)<-[:TO]-(r:Control)-[:FROM]->(x:Organization) WHERE (r.retractedAt IS NULL AND r.announcedKey <= $p1 AND (r.endedKey IS NULL OR r.endedKey > $p1)) AND (r.endedKey IS NULL OR r.endedKey > $p1)
							  WITH x ORDER BY coalesce(r.announcedKey, '') DESC, r.id DESC LIMIT 1
							  RETURN collect(x {.*}) AS related
							}
							RETURN o.id AS id, related""");
	}

}

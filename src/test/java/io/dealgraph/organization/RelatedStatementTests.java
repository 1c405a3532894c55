package io.dealgraph.organization;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.Relationship;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the relationship fields, built from the graph model and pinned as
 * text: no database. {@code RelationshipFieldTests} checks their answers on the seed
 * graph.
 */
class RelatedStatementTests {

	@Test
	void customersAreTheOtherPartiesOfAProvidersDealsEachOnceByName() {
		assertThat(OrganizationQueries.relatedStatement(Relationship.CUSTOMERS)).isEqualTo("""
				MATCH (o:Organization) WHERE o.id IN $ids
				CALL (o) {
				  MATCH (o)-[r:PARTNERSHIP|SUPPLY]->(x:Organization) WHERE r.retractedAt IS NULL
				  WITH DISTINCT x ORDER BY x.name, x.id LIMIT $limit
				  RETURN collect(x {.*}) AS related
				}
				RETURN o.id AS id, related""");
	}

	@Test
	void theAcquirerIsThePartyOfTheLatestCompletedAcquisition() {
		assertThat(OrganizationQueries.relatedStatement(Relationship.ACQUIRER)).isEqualTo("""
				MATCH (o:Organization) WHERE o.id IN $ids
				CALL (o) {
				  MATCH (o)<-[r:ACQUISITION]-(x:Organization) WHERE r.retractedAt IS NULL AND r.status = 'COMPLETED'
				  WITH x ORDER BY coalesce(r.announcedKey, '') DESC, r.id DESC LIMIT 1
				  RETURN collect(x {.*}) AS related
				}
				RETURN o.id AS id, related""");
	}

}

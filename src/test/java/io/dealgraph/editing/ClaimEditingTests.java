package io.dealgraph.editing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.support.Editors;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor classifies an organization with sourced claims (issue 18, item 4): an
 * investor type or a kind comes with the sources that claim it, and the deprecated bare
 * {@code investorTypes} still works, as LOW claims that say no source was given.
 */
@RunsDealgraph
@RemovesItsWrites
class ClaimEditingTests {

	private static final String UPSERT = """
			mutation($input: OrganizationInput!) {
			  upsertOrganization(input: $input) {
			    key investorTypes kinds
			    investorTypeClaims { type confidence sources { url title quote confidence } }
			    kindClaims { kind primary confidence }
			  }
			}
			""";

	private static final Map<String, Object> BLOOMBERG = Map.of("url", "https://example.com/bloomberg", "publisher",
			"Bloomberg", "publishedOn", "2024-06-24", "quote", "the hedge fund and private equity firm", "confidence",
			"HIGH");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CypherExecutor cypher;

	@Test
	void anInvestorTypeClaimedWithItsSourceIsListedWithThatSourceAndCountsAtItsConfidence() {
		var answer = upsert(Map.of("id", "test-fund", "name", "Test Fund", "kind", "INVESTOR", "investorTypeClaims",
				List.of(Map.of("type", "PRIVATE_EQUITY", "sources", List.of(BLOOMBERG)), Map.of("type", "HEDGE_FUND",
						"sources", List.of(Map.of("title", "A trade directory", "confidence", "LOW"))))));
		answer.path("upsertOrganization.investorTypes")
			.entityList(String.class)
			.containsExactly("HEDGE_FUND", "PRIVATE_EQUITY");
		answer.path("upsertOrganization.investorTypeClaims[0].type").entity(String.class).isEqualTo("PRIVATE_EQUITY");
		answer.path("upsertOrganization.investorTypeClaims[0].sources[0].quote")
			.entity(String.class)
			.isEqualTo("the hedge fund and private equity firm");
		this.graphQl.document("""
				{ organization(id: "test-fund", minConfidence: MEDIUM) { investorTypes investorTypeClaims { type } } }
				""")
			.execute()
			.path("organization.investorTypes")
			.entityList(String.class)
			.containsExactly("PRIVATE_EQUITY")
			.path("organization.investorTypeClaims[*].type")
			.entityList(String.class)
			.containsExactly("PRIVATE_EQUITY");
	}

	@Test
	void theDeprecatedBareListMakesLowClaimsAndKeepsTheSourcedOnesOfTypesItStillNames() {
		upsert(Map.of("id", "test-fund", "name", "Test Fund", "kind", "INVESTOR", "investorTypeClaims",
				List.of(Map.of("type", "PRIVATE_EQUITY", "sources", List.of(BLOOMBERG)))));
		var answer = upsert(Map.of("id", "test-fund", "name", "Test Fund", "kind", "INVESTOR", "investorTypes",
				List.of("PRIVATE_EQUITY", "BANK")));
		answer.path("upsertOrganization.investorTypes")
			.entityList(String.class)
			.containsExactly("BANK", "PRIVATE_EQUITY");
		answer.path("upsertOrganization.investorTypeClaims[*].confidence")
			.entityList(String.class)
			.containsExactly("HIGH", "LOW");
		answer.path("upsertOrganization.investorTypeClaims[1].sources[0].title")
			.entity(String.class)
			.isEqualTo("Stated by an editor without a source");
		answer = upsert(Map.of("id", "test-fund", "name", "Test Fund", "kind", "INVESTOR", "investorTypes", List.of()));
		answer.path("upsertOrganization.investorTypes").entityList(String.class).hasSize(0);
	}

	@Test
	void aSecondKindClaimedMakesTheOrganizationMatchThatKindWithoutChangingItsType() {
		upsert(Map.of("id", "test-host", "name", "Test Host", "kind", "OTHER", "kindClaims",
				List.of(Map.of("kind", "MINER", "sources", List.of(BLOOMBERG)))))
			.path("upsertOrganization.kinds")
			.entityList(String.class)
			.containsExactly("OTHER", "MINER")
			.path("upsertOrganization.kindClaims[*].primary")
			.entityList(Boolean.class)
			.containsExactly(false);
		this.graphQl.document("""
				{ organizations(where: {hasKind: MINER, idIn: ["test-host"]}) { edges { node { __typename key } } } }
				""")
			.execute()
			.path("organizations.edges[*].node.__typename")
			.entityList(String.class)
			.containsExactly("OtherOrganization");
	}

	@Test
	void aClaimWithoutASourceIsRefusedAndNothingIsWritten() {
		Editors.editor(this.graphQl)
			.document(UPSERT)
			.variable("input",
					Map.of("id", "test-fund", "name", "Test Fund", "kind", "INVESTOR", "investorTypeClaims",
							List.of(Map.of("type", "PRIVATE_EQUITY", "sources", List.of()))))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
				assertThat(error.getMessage()).contains("investorTypeClaims[0]");
			}));
		assertThat(this.cypher.read("MATCH (o:Organization {id: 'test-fund'}) RETURN o", Map.of())).isEmpty();
	}

	private HttpGraphQlTester.Response upsert(Map<String, Object> input) {
		return Editors.editor(this.graphQl).document(UPSERT).variable("input", input).execute();
	}

}

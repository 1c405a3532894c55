package io.dealgraph.citable;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Editors;
import io.dealgraph.support.Http;
import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalist cites a deal, an organization or a site by its page, and the page keeps
 * showing what was cited after a correction: over HTTP, on the seed graph, with edits
 * made through the API.
 */
@RunsDealgraph
@RemovesItsWrites
class CitablePagesTests {

	private static final String UPDATE = """
			mutation($id: ID!, $input: DealInput!, $version: Int!) {
			  updateDeal(id: $id, input: $input, expectedVersion: $version) { key version }
			}
			""";

	private static final String LATEST_CHANGES = "{ changes(first: 5) { edges { node { sequence } } } }";

	private static final Pattern CORRECTION = Pattern.compile("<li[^>]*>Change (\\d+), [^<]*: (\\w+) \\(([^)]*)\\)");

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void aDealPageShowsACorrectionAndItsVersionedAddressTheStateBeforeIt() {
		String key = recordADeal(5_000_000);
		long recorded = latestChange();
		Map<String, Object> corrected = new HashMap<>(Editors.supplyDeal("hut-8", "coreweave"));
		corrected.put("amount", Map.of("amount", 7_500_000, "currency", "USD"));
		Editors.editor(this.graphQl)
			.document(UPDATE)
			.variable("id", key)
			.variable("input", corrected)
			.variable("version", 1)
			.execute()
			.path("updateDeal.version")
			.entity(Integer.class)
			.isEqualTo(2);
		long correction = latestChange();
		assertThat(correction).isGreaterThan(recorded);

		String now = page("/deal/" + key);
		assertThat(now).contains("USD 7,500,000").doesNotContain("USD 5,000,000").contains("CoreWeave");
		assertThat(corrections(now)).containsExactly(List.of(Long.toString(recorded), "recordDeal", "created"),
				List.of(Long.toString(correction), "updateDeal", "to, amount"));
		assertThat(now).contains("href=\"/deal/" + key + "?version=" + correction + "\"")
			.contains("href=\"/deal/" + key + "?version=" + (correction - 1) + "\"");

		String cited = page("/deal/" + key + "?version=" + recorded);
		assertThat(cited).contains("USD 5,000,000")
			.doesNotContain("USD 7,500,000")
			.contains("as it stood after change " + recorded + " of the audit log")
			.contains("href=\"/org/anthropic?version=" + recorded + "\"");
		assertThat(page("/deal/" + key + "?version=" + correction)).contains("USD 7,500,000");

		HttpResponse<String> beforeItExisted = get("/deal/" + key + "?version=" + (recorded - 1));
		assertThat(beforeItExisted.statusCode()).isEqualTo(404);
		assertThat(beforeItExisted.body()).contains("NOT_FOUND").contains("at version " + (recorded - 1));
	}

	@Test
	void anOrganizationsPageAtAVersionListsTheDealsACorrectionMovedAway() {
		String key = recordADeal(1_000_000);
		long recorded = latestChange();
		Editors.editor(this.graphQl)
			.document(UPDATE)
			.variable("id", key)
			.variable("input", Editors.supplyDeal("hut-8", "coreweave"))
			.variable("version", 1)
			.execute()
			.path("updateDeal.version")
			.entity(Integer.class)
			.isEqualTo(2);

		assertThat(page("/org/anthropic")).doesNotContain("/deal/" + key + "\"");
		assertThat(page("/org/coreweave")).contains("href=\"/deal/" + key + "\"");
		assertThat(page("/org/anthropic?version=" + recorded)).contains("href=\"/deal/" + key + "?version=" + recorded)
			.contains("leaves them out");
		assertThat(page("/org/coreweave?version=" + recorded)).doesNotContain("/deal/" + key + "?");
	}

	@Test
	void aRetractedDealKeepsItsPageWithTheRetractionAndItsVersionBefore() {
		String key = recordADeal(2_000_000);
		long recorded = latestChange();
		Editors.admin(this.graphQl)
			.document("mutation($id: ID!) { retractDeal(id: $id, reason: \"duplicate of E011\") { key } }")
			.variable("id", key)
			.execute()
			.path("retractDeal.key")
			.entity(String.class)
			.isEqualTo(key);

		assertThat(page("/deal/" + key)).contains("Retracted on").contains("duplicate of E011");
		assertThat(page("/deal/" + key + "?version=" + recorded)).doesNotContain("Retracted on");
		assertThat(page("/org/anthropic")).containsPattern("<tr class=\"retracted\">.*/deal/" + key);
	}

	@Test
	void anOrganizationsPageHasItsFactsWithSourcesItsDealsAndAnExplorerLink() {
		HttpResponse<String> response = get("/org/hut-8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(response.headers().firstValue("Link"))
			.hasValue("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
		String page = HtmlUtils.htmlUnescape(response.body());
		assertThat(page).contains("<h1>Hut 8</h1>")
			.contains("NASDAQ:HUT")
			.contains("Ai revenue share: 6 percent")
			.contains("Bitcoin Miners Are Cashing in on the AI Boom")
			.contains("href=\"/#around=hut-8\"")
			.contains("rel=\"canonical\" href=\"/org/hut-8?version=")
			.doesNotContain("<script");
		List<String> deals = this.graphQl
			.document("{ organization(id: \"hut-8\") { deals(first: 100) { edges { node { key } } } } }")
			.execute()
			.path("organization.deals.edges[*].node.key")
			.entityList(String.class)
			.get();
		assertThat(deals).isNotEmpty().allSatisfy((deal) -> assertThat(page).contains("href=\"/deal/" + deal + "\""));
	}

	@Test
	void aSitesPageHasItsOperatorSourcesAndDeals() {
		String page = page("/site/lake-mariner");
		assertThat(page).contains("<h1>Lake Mariner</h1>")
			.contains("href=\"/org/terawulf\"")
			.contains("245 MW")
			.contains("id=\"sources\"")
			.contains("href=\"/#around=terawulf\"");
		List<String> deals = this.graphQl
			.document("{ site(id: \"lake-mariner\") { deals(first: 100) { edges { node { key } } } } }")
			.execute()
			.path("site.deals.edges[*].node.key")
			.entityList(String.class)
			.get();
		assertThat(deals).isNotEmpty().allSatisfy((deal) -> assertThat(page).contains("href=\"/deal/" + deal + "\""));
	}

	@Test
	void aMergedOrganizationsAddressLeadsToTheOneThatKeptIt() {
		Editors.admin(this.graphQl)
			.document(
					"mutation { upsertOrganization(input: {id: \"test-twin\", name: \"Test Twin\", kind: MINER}) { key } }")
			.execute();
		Editors.admin(this.graphQl)
			.document("mutation { mergeOrganizations(keep: \"hut-8\", merge: \"test-twin\") { key } }")
			.execute();
		HttpResponse<String> moved = get("/org/test-twin");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/org/hut-8"));
	}

	@Test
	void aBadVersionOrAnUnknownKeyIsARefusalPageWithItsCode() {
		assertRefused("/deal/E011?version=latest", 400, "BAD_REQUEST", "whole number");
		assertRefused("/deal/E011?version=-1", 400, "BAD_REQUEST", "0 or more");
		assertRefused("/deal/E011?version=999999999", 404, "NOT_FOUND", "no version 999999999");
		assertRefused("/org/no-such-organization", 404, "NOT_FOUND", "no-such-organization");
		assertRefused("/deal/no-such-deal", 404, "NOT_FOUND", "no-such-deal");
		assertRefused("/site/no-such-site", 404, "NOT_FOUND", "no-such-site");
		assertRefused("/org/%3Cscript%3E", 404, "NOT_FOUND", "&lt;script&gt;");
	}

	private void assertRefused(String path, int status, String code, String message) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).as(path).contains(code).containsIgnoringCase(message).doesNotContain("<script>");
	}

	private String recordADeal(long amount) {
		Map<String, Object> input = new HashMap<>(Editors.supplyDeal("hut-8", "anthropic"));
		input.put("amount", Map.of("amount", amount, "currency", "USD"));
		return Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", input)
			.execute()
			.path("recordDeal.key")
			.entity(String.class)
			.get();
	}

	private long latestChange() {
		return this.graphQl.document(LATEST_CHANGES)
			.execute()
			.path("changes.edges[*].node.sequence")
			.entityList(Long.class)
			.get()
			.stream()
			.mapToLong(Long::longValue)
			.max()
			.orElseThrow();
	}

	/** The corrections a page lists: number, operation and what changed, in its order. */
	private static List<List<String>> corrections(String page) {
		Matcher matcher = CORRECTION.matcher(page);
		var found = new java.util.ArrayList<List<String>>();
		while (matcher.find()) {
			found.add(List.of(matcher.group(1), matcher.group(2), matcher.group(3)));
		}
		return found;
	}

	/**
	 * The page's HTML with its character references read, as a browser shows its text and
	 * follows its links (the template writes {@code =} in an address as {@code &#x3D;}).
	 */
	private String page(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return HtmlUtils.htmlUnescape(response.body());
	}

	private HttpResponse<String> get(String path) {
		return new Http(this.port).page(path);
	}

}

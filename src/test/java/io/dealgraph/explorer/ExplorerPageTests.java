package io.dealgraph.explorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.dealgraph.csv.CsvTable;
import io.dealgraph.support.HeadlessChromium;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalist at the explorer page, in a real headless Chromium: searching, expanding,
 * opening a deal's sources, finding paths, filtering and exporting. What the page shows
 * is checked against what the API answers. After each test, the browser must have asked
 * no host but this one.
 */
@Tag("browser")
@RunsDealgraph
@ExtendWith(HeadlessChromium.PerTestClass.class)
class ExplorerPageTests {

	private final HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	ExplorerPageTests(HeadlessChromium chromium) {
		this.chromium = chromium;
	}

	@BeforeEach
	void openTheExplorer() {
		this.chromium.driver().get(origin() + "/");
		this.chromium.waitUpTo(Duration.ofSeconds(10))
			.until((driver) -> Boolean.TRUE.equals(this.chromium.script("return !!window.dealgraphExplorer")));
	}

	@AfterEach
	void keepAScreenshotAndCheckThePageStayedHome(TestInfo test) {
		this.chromium.screenshot("explorer-" + test.getTestMethod().orElseThrow().getName());
		this.chromium.assertStayedOn(origin());
	}

	@Test
	void searchHut8AndSeeCoatueAndItsDeals() {
		search("Hut 8");
		assertThat(organizationsListed()).contains("Coatue");
		assertThat(graphNodeIds()).contains("hut-8", "coatue");

		clickOnTheGraph("coatue");
		waitForStatus("Expanded Coatue");
		assertThat(this.chromium.driver().findElement(By.cssSelector("#detail a.citable")).getDomAttribute("href"))
			.as("the organization's citable page")
			.isEqualTo("/org/coatue");

		assertThat(dealsListed()).containsAll(networkDeals("coatue"));
		assertThat(dealsListed()).containsAll(networkDeals("hut-8"));
	}

	@Test
	void clickAnEdgeAndSeeTheDealWithItsSourcesAsLinks() {
		search("Hut 8");
		String dealId = (String) this.chromium.script(
				"return window.dealgraphExplorer.cy.edges('[source = \"coatue\"][target = \"hut-8\"]').first().id()");
		assertThat(dealId).as("a Coatue → Hut 8 deal in the graph").isNotNull();

		clickOnTheGraph(dealId);

		WebElement detail = this.chromium.driver().findElement(By.id("detail"));
		this.chromium.waitUpTo(Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-heading"), "Coatue → Hut 8"));
		List<String> links = detail.findElements(By.cssSelector(".sources a"))
			.stream()
			.map((link) -> link.getDomAttribute("href"))
			.toList();
		List<String> sourceUrls = this.graphQl.document("query($id: ID!) { deal(id: $id) { sources { url } } }")
			.variable("id", dealId)
			.execute()
			.path("deal.sources[*].url")
			.entityList(String.class)
			.get();
		assertThat(detail.findElements(By.cssSelector(".sources li"))).hasSameSizeAs(sourceUrls);
		assertThat(links).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(sourceUrls.stream().filter(java.util.Objects::nonNull).toList());
		assertThat(detail.findElements(By.cssSelector(".sources a")))
			.allSatisfy((link) -> assertThat(link.getDomAttribute("rel")).contains("noopener"));
	}

	@Test
	void findThePathsFromCoatueToAnthropic() {
		this.chromium.driver().findElement(By.id("path-from")).sendKeys("Coatue");
		this.chromium.driver().findElement(By.id("path-to")).sendKeys("Anthropic", Keys.ENTER);
		waitForStatus("from Coatue to Anthropic");

		List<WebElement> paths = this.chromium.driver().findElements(By.cssSelector("#path-list > li"));
		List<Map<String, Object>> expected = this.graphQl.document(
				"{ connections(from: \"coatue\", to: \"anthropic\", maxHops: 4, first: 5) { organizations { name } } }")
			.execute()
			.path("connections")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(paths).hasSize(expected.size()).isNotEmpty();
		List<String> stops = paths.getFirst()
			.findElements(By.cssSelector(".hops > span"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(stops).first().isEqualTo("Coatue");
		assertThat(stops).last().isEqualTo("Anthropic");
		assertThat(stops).hasSize(paths.getFirst().findElements(By.cssSelector(".hops > button")).size() + 1);
		assertThat((List<?>) this.chromium
			.script("return window.dealgraphExplorer.cy.$('edge.on-path').map((e) => e.id())")).isNotEmpty();
	}

	@Test
	void filtersNarrowTheViewAndAsOfShowsTheGraphOfThatDay() {
		search("Core Scientific");
		int everything = dealsListed().size();

		this.chromium.driver().findElement(By.id("as-of")).sendKeys("2021-06-30");
		this.chromium.driver().findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		waitForStatus("The view");

		TreeSet<String> asOf = new TreeSet<>(this.graphQl
			.document("{ network(around: \"core-scientific\", asOf: \"2021-06-30\") { deals { key } } }")
			.execute()
			.path("network.deals[*].key")
			.entityList(String.class)
			.get());
		assertThat(new TreeSet<>(dealsListed())).isEqualTo(asOf);
		assertThat(asOf.size()).isLessThan(everything);
	}

	@Test
	void theSitesOfTheDealsInViewAreDrawnAndListedWithTheirDeals() {
		search("TeraWulf");
		assertThat(graphNodeIds()).contains("terawulf", "Site:lake-mariner");
		this.chromium.driver().findElement(By.cssSelector("#site-list button[data-site='Site:lake-mariner']")).click();
		this.chromium.waitUpTo(Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-heading"), "Lake Mariner"));
		String detail = this.chromium.driver().findElement(By.id("detail")).getText();
		assertThat(detail).contains("New York").contains("TeraWulf").contains("Deals at this site");
	}

	@Test
	void anEvidenceThresholdNarrowsTheViewAndTheStatusSaysSo() {
		search("Core Scientific");
		int everything = dealsListed().size();
		new org.openqa.selenium.support.ui.Select(this.chromium.driver().findElement(By.id("min-confidence")))
			.selectByValue("HIGH");
		this.chromium.driver().findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		waitForStatus("on high evidence or better");

		TreeSet<String> onHigh = new TreeSet<>(
				this.graphQl.document("{ network(around: \"core-scientific\", minConfidence: HIGH) { deals { key } } }")
					.execute()
					.path("network.deals[*].key")
					.entityList(String.class)
					.get());
		assertThat(new TreeSet<>(dealsListed())).isEqualTo(onHigh);
		assertThat(onHigh.size()).isLessThan(everything);
		assertThat(this.chromium.driver().getCurrentUrl()).contains("minConfidence=HIGH");
	}

	@Test
	void aLinkReopensTheSameView() {
		search("Core Scientific");
		this.chromium.driver().findElement(By.id("as-of")).sendKeys("2024-12-31");
		this.chromium.driver().findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		waitForStatus("The view");
		organizationButton(dealsPartyOtherThan("core-scientific")).click();
		waitForStatus("Expanded");
		String link = this.chromium.driver().getCurrentUrl();
		List<String> deals = dealsListed();
		assertThat(link).contains("#around=core-scientific%2C").contains("asOf=2024-12-31");

		this.chromium.driver().get("about:blank");
		this.chromium.driver().get(link);
		waitForStatus("The linked view");

		assertThat(dealsListed()).isEqualTo(deals);
		assertThat(this.chromium.driver().findElement(By.id("as-of")).getDomProperty("value")).isEqualTo("2024-12-31");
	}

	@Test
	void aBadDateOrAnUnknownNameGivesAClearMessageAndLeavesTheViewAsItWas() {
		search("zzqxw nobody");
		assertThat(status()).contains("No organization matches 'zzqxw nobody'");

		search("Hut 8");
		List<String> before = dealsListed();
		List<String> nodesBefore = graphNodeIds();
		this.chromium.driver().findElement(By.id("since")).sendKeys("2024-13");
		this.chromium.driver().findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		this.chromium.waitUpTo(Duration.ofSeconds(5))
			.until((driver) -> driver.findElement(By.id("status")).getAttribute("class").contains("error"));
		assertThat(status()).contains("2024-13").contains("BAD_REQUEST");
		assertThat(dealsListed()).isEqualTo(before);
		assertThat(graphNodeIds()).isEqualTo(nodesBefore);
	}

	@Test
	void everythingWorksFromTheKeyboard() {
		WebElement search = this.chromium.driver().findElement(By.id("search-text"));
		search.sendKeys("Hut 8", Keys.ENTER);
		waitForStatus("Hut 8's deal network");
		// From the deals list, Enter on a deal opens it in the details.
		WebElement firstDeal = this.chromium.driver().findElement(By.cssSelector("#deal-list button"));
		new Actions(this.chromium.driver()).scrollToElement(firstDeal).perform();
		firstDeal.sendKeys(Keys.ENTER);
		this.chromium.waitUpTo(Duration.ofSeconds(5))
			.until((driver) -> !driver.findElements(By.cssSelector("#detail .sources li")).isEmpty());
		assertThat(firstDeal.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(this.chromium.driver().switchTo().activeElement()).isEqualTo(firstDeal);

		// Enter on an organization expands it, and the focus stays on that organization.
		WebElement coatue = organizationButton("coatue");
		coatue.sendKeys(Keys.ENTER);
		waitForStatus("Expanded Coatue");
		assertThat(this.chromium.driver().switchTo().activeElement().getDomAttribute("data-organization"))
			.isEqualTo("coatue");
	}

	@Test
	void thePageMeetsWcag2AaAsAxeChecksIt() {
		assertThat(this.chromium.accessibilityViolations()).as("the empty page").isEmpty();
		search("Hut 8");
		clickOnTheGraph("coatue");
		waitForStatus("Expanded Coatue");
		this.chromium.driver().findElement(By.cssSelector("#deal-list button")).click();
		assertThat(this.chromium.accessibilityViolations()).as("a network with a deal open").isEmpty();
	}

	@Test
	void exportTheViewAsCsvGraphMlAndPng() throws Exception {
		search("Hut 8");
		TreeSet<String> shown = new TreeSet<>(dealsListed());

		Path csv = download("export-csv", ".csv");
		TreeSet<String> exported = new TreeSet<>();
		try (var reader = Files.newBufferedReader(csv)) {
			CsvTable.parse("export.csv", reader, List.of("id")).rows().forEach((row) -> exported.add(row.text("id")));
		}
		assertThat(exported).isEqualTo(shown);

		Path graphml = download("export-graphml", ".graphml");
		assertThat(Files.readString(graphml)).contains("<graphml").contains("hut-8");

		Path png = download("export-png", ".png");
		byte[] header = new byte[8];
		System.arraycopy(Files.readAllBytes(png), 0, header, 0, 8);
		assertThat(header).startsWith(0x89, 'P', 'N', 'G');
	}

	private void search(String text) {
		WebElement box = this.chromium.driver().findElement(By.id("search-text"));
		box.clear();
		box.sendKeys(text, Keys.ENTER);
		this.chromium.waitUpTo(Duration.ofSeconds(10))
			.until((driver) -> !status().startsWith("Searching") && !status().startsWith("Loading"));
	}

	private void waitForStatus(String text) {
		this.chromium.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
	}

	private String status() {
		return this.chromium.driver().findElement(By.id("status")).getText();
	}

	private WebElement organizationButton(String id) {
		return this.chromium.driver()
			.findElement(By.cssSelector("#organization-list button[data-organization='" + id + "']"));
	}

	private List<String> organizationsListed() {
		return this.chromium.driver()
			.findElements(By.cssSelector("#organization-list button"))
			.stream()
			.map((button) -> button.getText().split(" · ")[0])
			.toList();
	}

	private List<String> dealsListed() {
		return this.chromium.driver()
			.findElements(By.cssSelector("#deal-list button"))
			.stream()
			.map((button) -> button.getDomAttribute("data-deal"))
			.toList();
	}

	/** An organization in the view, other than the one given: the first in the list. */
	private String dealsPartyOtherThan(String id) {
		return this.chromium.driver()
			.findElements(By.cssSelector("#organization-list button"))
			.stream()
			.map((button) -> button.getDomAttribute("data-organization"))
			.filter((other) -> !other.equals(id))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private List<String> graphNodeIds() {
		return (List<String>) this.chromium.script("return window.dealgraphExplorer.cy.nodes().map((n) => n.id())");
	}

	private List<String> networkDeals(String around) {
		return this.graphQl.document("query($id: ID!) { network(around: $id) { deals { key } } }")
			.variable("id", around)
			.execute()
			.path("network.deals[*].key")
			.entityList(String.class)
			.get();
	}

	/** Clicks a node or the middle of an edge on the canvas, where Cytoscape drew it. */
	private void clickOnTheGraph(String id) {
		@SuppressWarnings("unchecked")
		Map<String, Number> point = (Map<String, Number>) this.chromium.script("""
				const cy = window.dealgraphExplorer.cy;
				const element = cy.getElementById(arguments[0]);
				cy.zoom(1.5); cy.center(element);
				const p = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
				return { x: p.x, y: p.y };
				""", id);
		WebElement graph = this.chromium.driver().findElement(By.id("graph"));
		int x = point.get("x").intValue() - graph.getSize().getWidth() / 2;
		int y = point.get("y").intValue() - graph.getSize().getHeight() / 2;
		new Actions(this.chromium.driver()).moveToElement(graph, x, y).click().perform();
	}

	private Path download(String button, String suffix) throws Exception {
		Path folder = this.chromium.downloads();
		try (var old = Files.list(folder)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		this.chromium.driver().findElement(By.id(button)).click();
		this.chromium.waitUpTo(Duration.ofSeconds(10)).until((driver) -> {
			try (var files = Files.list(folder)) {
				return files.anyMatch((file) -> file.toString().endsWith(suffix));
			}
			catch (java.io.IOException ex) {
				return false;
			}
		});
		try (var files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).findFirst().orElseThrow();
		}
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}

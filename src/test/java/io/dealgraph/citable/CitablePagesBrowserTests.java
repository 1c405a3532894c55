package io.dealgraph.citable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

import io.dealgraph.support.HeadlessChromium;
import io.dealgraph.support.RunsDealgraph;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader of an article follows its links to the citable pages, in a real headless
 * Chromium: with the pages' scripts switched off they read and link as well, and every
 * kind of page meets WCAG 2 AA as axe-core checks it.
 */
@Tag("browser")
@RunsDealgraph
@ExtendWith(HeadlessChromium.PerTestClass.class)
class CitablePagesBrowserTests {

	private final HeadlessChromium chromium;

	@LocalServerPort
	int port;

	CitablePagesBrowserTests(HeadlessChromium chromium) {
		this.chromium = chromium;
	}

	@AfterEach
	void keepAScreenshotAndCheckThePageStayedHome(TestInfo test) {
		this.chromium.screenshot("citable-" + test.getTestMethod().orElseThrow().getName());
		this.chromium.javaScript(true);
		this.chromium.assertStayedOn(origin());
	}

	@Test
	void withoutJavaScriptAReaderGoesFromAnOrganizationToADealItsSourcesAndTheOtherParty() {
		this.chromium.javaScript(false);
		open("/org/hut-8");
		assertThat(heading()).isEqualTo("Hut 8");
		assertThat(text("#facts")).contains("NASDAQ:HUT");

		this.chromium.driver().findElement(By.cssSelector("#deals a[href='/deal/E011']")).click();
		assertThat(heading()).isEqualTo("Financing: Coatue → Hut 8");
		assertThat(text("#facts")).contains("USD 150,000,000");
		assertThat(this.chromium.driver().findElements(By.cssSelector("#sources li.source a"))).isNotEmpty();

		this.chromium.driver().findElement(By.linkText("Coatue")).click();
		assertThat(heading()).isEqualTo("Coatue");
		assertThat(this.chromium.driver().getCurrentUrl()).isEqualTo(origin() + "/org/coatue");
	}

	@Test
	void everyKindOfPageMeetsWcag2AaAsAxeChecksIt() {
		for (String path : new String[] { "/org/hut-8", "/deal/E011", "/site/lake-mariner", "/org/hut-8?version=0" }) {
			open(path);
			assertThat(this.chromium.accessibilityViolations()).as(path).isEmpty();
		}
	}

	@Test
	void aRefusalIsAPageThatMeetsWcag2AaToo() {
		open("/deal/no-such-deal");
		assertThat(heading()).isEqualTo("404 NOT_FOUND");
		assertThat(this.chromium.accessibilityViolations()).isEmpty();
		assertThat(this.chromium.takeConsoleErrors()).singleElement()
			.satisfies((error) -> assertThat(error).contains("/deal/no-such-deal").contains("404"));
	}

	private void open(String path) {
		this.chromium.driver().get(origin() + path);
	}

	private String heading() {
		return text("h1");
	}

	private String text(String selector) {
		return this.chromium.driver().findElement(By.cssSelector(selector)).getText();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}

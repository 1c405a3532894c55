package io.dealgraph.explorer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.dealgraph.support.Examples;
import io.dealgraph.support.HeadlessChromium;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst opens GraphiQL, served by the app itself, finds the example documents open
 * in tabs and runs one, in a real headless Chromium that reaches no other host.
 */
@Tag("browser")
@RunsDealgraph
@ExtendWith(HeadlessChromium.Installed.class)
class GraphiQlPageTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() {
		chromium = HeadlessChromium.start();
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void runAnExampleInGraphiQL() {
		String origin = "http://localhost:" + this.port;
		chromium.driver().get(origin + "/graphiql");
		var wait = chromium.waitUpTo(Duration.ofSeconds(20));
		wait.until((driver) -> !driver.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());

		List<WebElement> tabs = chromium.driver().findElements(By.cssSelector(".graphiql-tab"));
		assertThat(tabs).hasSize(Examples.names().size());
		assertThat(tabs.getFirst().getText()).contains(Examples.names().getFirst());

		chromium.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
		wait.until((driver) -> driver.findElement(By.cssSelector(".result-window")).getText().contains("totalCount"));
		String result = chromium.driver().findElement(By.cssSelector(".result-window")).getText();
		assertThat(result).contains("\"data\"").doesNotContain("\"errors\"").contains("\"kind\": \"MINER\"");
		chromium.screenshot("graphiql-runAnExample");

		chromium.assertStayedOn(origin);
	}

}

package io.dealgraph.explorer;

import java.time.Duration;
import java.util.List;

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
@ExtendWith(HeadlessChromium.PerTestClass.class)
class GraphiQlPageTests {

	private final HeadlessChromium chromium;

	@LocalServerPort
	int port;

	GraphiQlPageTests(HeadlessChromium chromium) {
		this.chromium = chromium;
	}

	@Test
	void runAnExampleInGraphiQL() {
		String origin = "http://localhost:" + this.port;
		this.chromium.driver().get(origin + "/graphiql");
		var wait = this.chromium.waitUpTo(Duration.ofSeconds(20));
		wait.until((driver) -> !driver.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());

		List<WebElement> tabs = this.chromium.driver().findElements(By.cssSelector(".graphiql-tab"));
		assertThat(tabs).hasSize(Examples.names().size());
		assertThat(tabs.getFirst().getText()).contains(Examples.names().getFirst());

		this.chromium.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
		wait.until((driver) -> driver.findElement(By.cssSelector(".result-window")).getText().contains("totalCount"));
		String result = this.chromium.driver().findElement(By.cssSelector(".result-window")).getText();
		assertThat(result).contains("\"data\"").doesNotContain("\"errors\"").contains("\"kind\": \"MINER\"");
		this.chromium.screenshot("graphiql-runAnExample");

		this.chromium.assertStayedOn(origin);
	}

}

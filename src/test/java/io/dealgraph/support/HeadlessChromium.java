package io.dealgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: no browser is
 * downloaded. Every request the browser makes is recorded from its performance log, so a
 * test can check that a page talks to no host but its own.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	/** Where screenshots and downloads go; kept after the build as test artifacts. */
	public static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

	private final ChromeDriver driver;

	private final Path downloads;

	private final List<String> requests = new ArrayList<>();

	private final List<String> consoleErrors = new ArrayList<>();

	private HeadlessChromium(ChromeDriver driver, Path downloads) {
		this.driver = driver;
		this.downloads = downloads;
	}

	public static HeadlessChromium start() {
		Path downloads = ARTIFACTS.resolve("downloads").toAbsolutePath();
		try {
			Files.createDirectories(downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The flags the issue names: no first-run, update or background traffic, which
		// this machine's closed network would refuse.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
				"--window-size=1366,900");
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		var logging = new LoggingPreferences();
		logging.enable(LogType.PERFORMANCE, Level.ALL);
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), downloads);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout);
	}

	public Path downloads() {
		return this.downloads;
	}

	/**
	 * Switches the pages' own scripts off or on, as a reader who blocks JavaScript
	 * browses; the test's scripts, such as axe, need them on.
	 */
	public void javaScript(boolean enabled) {
		this.driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
	}

	/** Runs a script in the page and returns what it returns. */
	public Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/**
	 * The WCAG 2 A and AA rules the open page breaks, as axe-core finds them: one line
	 * per rule with the elements that break it. The script is put into the page by the
	 * driver, not fetched, so the page still asks no other host.
	 */
	public List<String> accessibilityViolations() {
		String axe;
		try (var script = HeadlessChromium.class.getResourceAsStream(AXE)) {
			axe = new String(Objects.requireNonNull(script, AXE).readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.driver.executeScript(axe);
		Object result = this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
				  .then((r) => done(r.violations.map((v) => v.id + ': ' + v.help + ' at '
				    + v.nodes.map((n) => n.target.join(' ')).join(', '))))
				  .catch((e) => done(['axe failed: ' + e]));
				""");
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) result;
		return violations;
	}

	/**
	 * Asserts that the browser asked nothing of any host but {@code origin} (data and
	 * blob URLs aside) and that no page logged an error, such as a refused request or a
	 * Content-Security-Policy violation.
	 */
	public void assertStayedOn(String origin) {
		assertThat(requestedUrls()).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).satisfiesAnyOf((u) -> assertThat(u).startsWith(origin + "/"),
					(u) -> assertThat(u).startsWith("data:"), (u) -> assertThat(u).startsWith("blob:")));
		assertThat(consoleErrors()).isEmpty();
	}

	/** Every URL the browser has requested since it started. */
	public List<String> requestedUrls() {
		drainLogs();
		return List.copyOf(this.requests);
	}

	/**
	 * Errors the pages wrote to the console, including refused requests and CSP
	 * violations.
	 */
	public List<String> consoleErrors() {
		drainLogs();
		return List.copyOf(this.consoleErrors);
	}

	/**
	 * The console errors so far, forgotten after: for a test that opens a page whose
	 * status is an error on purpose, which Chromium logs.
	 */
	public List<String> takeConsoleErrors() {
		List<String> errors = consoleErrors();
		this.consoleErrors.clear();
		return errors;
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(ARTIFACTS);
			Files.write(ARTIFACTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void drainLogs() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = JsonMapper.shared().readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				this.requests.add(message.path("params").path("request").path("url").asString());
			}
		}
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				this.consoleErrors.add(entry.getMessage());
			}
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	/**
	 * One headless Chromium per test class, handed to the test's constructor. Skips the
	 * class when chromium is not installed, unless the environment says
	 * {@code DEALGRAPH_BROWSER_TESTS=required} (as {@code .ci/run} does): then the tests
	 * run and fail.
	 */
	public static final class PerTestClass
			implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(HeadlessChromium.class);

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
			}
			if ("required".equals(System.getenv("DEALGRAPH_BROWSER_TESTS"))) {
				return ConditionEvaluationResult.enabled("browser tests are required: they will fail without chromium");
			}
			return ConditionEvaluationResult.disabled(
					"Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
		}

		@Override
		public void beforeAll(ExtensionContext context) {
			context.getStore(NAMESPACE).put(HeadlessChromium.class, HeadlessChromium.start());
		}

		@Override
		public void afterAll(ExtensionContext context) {
			HeadlessChromium chromium = context.getStore(NAMESPACE)
				.remove(HeadlessChromium.class, HeadlessChromium.class);
			if (chromium != null) {
				chromium.close();
			}
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == HeadlessChromium.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getStore(NAMESPACE).get(HeadlessChromium.class, HeadlessChromium.class);
		}

	}

}

package io.dealgraph.clients;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients front-end teams bring, from npm, against the running server: the
 * {@code node --test} files in {@code src/test/clients/} (Apollo Client's persisted
 * queries, cache and pagination; the Relay compiler and runtime with Relay's nodes; the
 * FollowTheMoney model that Aleph reads the FtM export with), run from a copy in
 * {@code target/clients/}. Their packages are installed there from the committed lock
 * file on first use. Skipped when Node is not installed, unless the environment says
 * {@code DEALGRAPH_CLIENT_TESTS=required} (as {@code .ci/run} does).
 */
@RunsDealgraph
@ExtendWith(FrontEndClientTests.NodeInstalled.class)
class FrontEndClientTests {

	private static final Path SOURCES = Path.of("src", "test", "clients");

	/** The committed contract, which the Relay compiler compiles against. */
	private static final Path CONTRACT = Path.of("graphql", "schema.graphql");

	/**
	 * Where the tests run, with their packages: under target/, so that the source tree
	 * holds no installed package and a clean build installs them afresh.
	 */
	private static final Path HOME = Path.of("target", "clients");

	@LocalServerPort
	int port;

	@BeforeAll
	static void installTheClients() throws Exception {
		Files.createDirectories(HOME);
		try (var files = Files.list(SOURCES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, HOME.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// Installed again whenever the lock file changed since the last install.
		Path lock = HOME.resolve("package-lock.json");
		Path installedLock = HOME.resolve("node_modules").resolve("installed-from-package-lock.json");
		if (!Files.exists(installedLock) || Files.mismatch(lock, installedLock) != -1) {
			Run install = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), Map.of(), 300);
			assertThat(install.exit()).as("npm ci in target/clients:%n%s", install.output()).isZero();
			Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	void apolloClientPersistsQueriesMatchesFragmentsOnInterfacesAndPagesAConnection() throws Exception {
		Run tests = run(List.of("node", "--test", "apollo.test.mjs"),
				Map.of("DEALGRAPH_URL", "http://localhost:" + this.port), 180);
		assertThat(tests.exit()).as("node --test apollo.test.mjs:%n%s", tests.output()).isZero();
		assertThat(tests.output()).contains("# pass 4").contains("# fail 0");
	}

	@Test
	void theRelayCompilerCompilesARefetchableFragmentAndTheRuntimeRefetchesItThroughNode() throws Exception {
		Run tests = run(List.of("node", "--test", "relay.test.mjs"), Map.of("DEALGRAPH_URL",
				"http://localhost:" + this.port, "DEALGRAPH_SCHEMA", CONTRACT.toAbsolutePath().toString()), 180);
		assertThat(tests.exit()).as("node --test relay.test.mjs:%n%s", tests.output()).isZero();
		assertThat(tests.output()).contains("# pass 1").contains("# fail 0");
	}

	@Test
	void theFollowTheMoneyExportFitsTheFollowTheMoneyModel() throws Exception {
		Run tests = run(List.of("node", "--test", "ftm.test.mjs"),
				Map.of("DEALGRAPH_URL", "http://localhost:" + this.port), 180);
		assertThat(tests.exit()).as("node --test ftm.test.mjs:%n%s", tests.output()).isZero();
		assertThat(tests.output()).contains("# pass 2").contains("# fail 0");
	}

	private record Run(int exit, String output) {
	}

	/**
	 * Runs {@code command} in {@code src/test/clients} with its output in a file, never
	 * on this process's own streams: under Maven's test runner those carry the runner's
	 * protocol.
	 */
	private static Run run(List<String> command, Map<String, String> environment, long timeoutSeconds)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("dealgraph-clients-", ".log");
		try {
			var builder = new ProcessBuilder(command).directory(HOME.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Run(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
			}
			return new Run(process.exitValue(), Files.readString(log));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	/** Runs the class where Node and npm are installed, or where CI requires it. */
	static final class NodeInstalled implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if ("required".equals(System.getenv("DEALGRAPH_CLIENT_TESTS"))) {
				return ConditionEvaluationResult.enabled("client tests are required: they fail without Node");
			}
			try {
				Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0) {
					return ConditionEvaluationResult.enabled("Node is installed");
				}
			}
			catch (IOException ex) {
				// No node on the PATH.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ConditionEvaluationResult.disabled("Node.js and npm are not installed; the client tests need them");
		}

	}

}

package io.dealgraph.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Path (c) of the benchmark: the Neo4j GraphQL Library 7 ({@code bench/ngl/server.mjs})
 * on the machine's Node, against the same Neo4j as Dealgraph. Installs its npm packages
 * on first use ({@code npm ci}, from the committed lock file). When Node or npm is
 * missing, the benchmark reports this path as not run rather than failing.
 */
final class NeoGraphQl implements AutoCloseable {

	private static final Path HOME = Path.of("bench", "ngl");

	private final Process server;

	final int port;

	/** Where the server answers with the number of Cypher statements it has run. */
	private final int statementsPort;

	private NeoGraphQl(Process server, int port, int statementsPort) {
		this.server = server;
		this.port = port;
		this.statementsPort = statementsPort;
	}

	/** The Cypher statements the library has run so far. */
	long statements() {
		try {
			return Long.parseLong(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.statementsPort + "/")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body()
				.strip());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether this machine has a Node to run the library on. */
	static boolean nodeAvailable() {
		try {
			return new ProcessBuilder("node", "--version").start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Starts the server against {@code boltUri}, or returns null with the reason printed.
	 */
	static @Nullable NeoGraphQl start(String boltUri) throws IOException, InterruptedException {
		if (!Files.isDirectory(HOME.resolve("node_modules"))) {
			int installed = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
			if (installed != 0) {
				System.out.println("NGL path not run: 'npm ci' in bench/ngl failed (exit " + installed + ")");
				return null;
			}
		}
		var builder = new ProcessBuilder("node", "server.mjs").directory(HOME.toFile()).redirectErrorStream(true);
		builder.environment().put("NEO4J_URI", boltUri);
		Process server;
		try {
			server = builder.start();
		}
		catch (IOException ex) {
			System.out.println("NGL path not run: cannot start node (" + ex.getMessage() + ")");
			return null;
		}
		var output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		int[] statementsPort = { -1 };
		CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					if (line.startsWith("statements ")) {
						statementsPort[0] = Integer.parseInt(line.substring("statements ".length()).strip());
						continue;
					}
					if (line.startsWith("ready ")) {
						return line.substring("ready ".length()).strip();
					}
					System.out.println("ngl: " + line);
				}
				return null;
			}
			catch (IOException ex) {
				return null;
			}
		});
		try {
			String port = ready.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
			if (port == null) {
				throw new IllegalStateException("the NGL server stopped before it was ready");
			}
			// Keep draining its output so that it never blocks on a full pipe.
			Thread.ofVirtual().start(() -> output.lines().forEach((line) -> System.out.println("ngl: " + line)));
			return new NeoGraphQl(server, Integer.parseInt(port), statementsPort[0]);
		}
		catch (Exception ex) {
			server.destroyForcibly();
			throw new IllegalStateException("The NGL server did not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs {@code command} in bench/ngl with its output in a log file, never on this
	 * process's own streams: under Maven's test runner those carry the runner's protocol,
	 * and npm writing to (or reading) them breaks the build.
	 */
	private static int run(List<String> command) throws InterruptedException {
		try {
			Path log = Files.createTempFile("dealgraph-npm-", ".log");
			int exit = new ProcessBuilder(command).directory(HOME.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start()
				.waitFor();
			if (exit != 0) {
				System.out.println(Files.readString(log));
			}
			Files.deleteIfExists(log);
			return exit;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		this.server.destroy();
		try {
			if (!this.server.waitFor(10, TimeUnit.SECONDS)) {
				this.server.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.server.destroyForcibly();
		}
	}

}

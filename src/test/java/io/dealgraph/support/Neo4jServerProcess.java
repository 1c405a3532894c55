package io.dealgraph.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j release started as a server in a JVM of its own, reached only over Bolt: the
 * path production takes with {@code NEO4J_URI}, tested here without Docker. The release's
 * classpath comes from Maven Central through {@code src/test/neo4j-server/pom.xml}; the
 * server is {@code src/test/neo4j-server/Neo4jServer.java}, run with Java's source
 * launcher on a JDK the release supports (Neo4j 5 on 17 or 21, 2025 and later on 21 or
 * newer). It stops when this JVM does.
 */
final class Neo4jServerProcess {

	private static final Path FOLDER = Path.of("target", "neo4j-server");

	private final String version;

	private final String boltUri;

	private Neo4jServerProcess(String version, String boltUri) {
		this.version = version;
		this.boltUri = boltUri;
	}

	String boltUri() {
		return this.boltUri;
	}

	@Override
	public String toString() {
		return "Neo4j " + this.version + " at " + this.boltUri;
	}

	static Neo4jServerProcess start(String version) {
		try {
			Files.createDirectories(FOLDER);
			String classpath = classpath(version);
			Path home = Files.createTempDirectory(FOLDER.toAbsolutePath(), version + "-home-");
			Path log = FOLDER.resolve(version + ".log");
			Process server = new ProcessBuilder(java(version), "-cp", classpath,
					Path.of("src/test/neo4j-server/Neo4jServer.java").toString(), home.toString())
				.redirectErrorStream(true)
				.start();
			// Closing its standard input stops the server: it never outlives the tests.
			OutputStream lifeline = server.getOutputStream();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					lifeline.close();
					server.waitFor(60, TimeUnit.SECONDS);
				}
				catch (IOException | InterruptedException ex) {
					server.destroy();
				}
			}));
			CompletableFuture<String> bolt = new CompletableFuture<>();
			Thread reader = new Thread(() -> copyUntilEnd(server, log, bolt), "neo4j-" + version + "-output");
			reader.setDaemon(true);
			reader.start();
			String uri = bolt.get(5, TimeUnit.MINUTES);
			return new Neo4jServerProcess(version, uri);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start Neo4j " + version + " as a server; see "
					+ FOLDER.resolve(version + ".log").toAbsolutePath(), ex);
		}
	}

	/** Copies the server's output to its log and hands over its Bolt address. */
	private static void copyUntilEnd(Process server, Path log, CompletableFuture<String> bolt) {
		try (var output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
				var file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
			String line;
			while ((line = output.readLine()) != null) {
				file.println(line);
				if (line.startsWith("BOLT ")) {
					bolt.complete(line.substring(5).strip());
				}
			}
			bolt.completeExceptionally(new IllegalStateException("the server exited with " + server.waitFor()));
		}
		catch (IOException | InterruptedException ex) {
			bolt.completeExceptionally(ex);
		}
	}

	/**
	 * The release's jars, resolved once by Maven from Maven Central and remembered in
	 * {@code target/}.
	 */
	private static String classpath(String version) throws IOException, InterruptedException {
		Path file = FOLDER.resolve(version + ".classpath").toAbsolutePath();
		if (!Files.exists(file)) {
			String maven = Files.exists(Path.of("mvnw")) ? Path.of("mvnw").toAbsolutePath().toString() : "mvn";
			Path log = FOLDER.resolve(version + "-resolve.log");
			Process resolve = new ProcessBuilder(maven, "-B", "-q", "-f", "src/test/neo4j-server/pom.xml",
					"-Dneo4j.version=" + version, "dependency:build-classpath", "-Dmdep.outputFile=" + file)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!resolve.waitFor(10, TimeUnit.MINUTES) || resolve.exitValue() != 0 || !Files.exists(file)) {
				throw new IllegalStateException(
						"Maven could not resolve Neo4j " + version + "; see " + log.toAbsolutePath());
			}
		}
		return Files.readString(file).strip();
	}

	/**
	 * A JDK that the release runs on: Neo4j 5 needs 17 or 21; later releases run on the
	 * JDK of the tests.
	 */
	private static String java(String version) throws IOException, InterruptedException {
		if (!version.startsWith("5.")) {
			return ProcessHandle.current().info().command().orElse("java");
		}
		List<Path> candidates = new ArrayList<>();
		String javaHome = System.getenv("JAVA_HOME");
		if (javaHome != null) {
			candidates.add(Path.of(javaHome, "bin", "java"));
		}
		try (var jvms = Files.list(Path.of("/usr/lib/jvm"))) {
			jvms.sorted().forEach((jvm) -> candidates.add(jvm.resolve("bin").resolve("java")));
		}
		catch (IOException ex) {
			// No JDKs there: only JAVA_HOME is tried.
		}
		for (Path java : candidates) {
			if (Files.isExecutable(java)) {
				int major = majorVersion(java);
				if (major == 17 || major == 21) {
					return java.toString();
				}
			}
		}
		throw new IllegalStateException("Neo4j " + version + " needs a JDK 17 or 21 (in /usr/lib/jvm or JAVA_HOME)");
	}

	private static int majorVersion(Path java) throws IOException, InterruptedException {
		Process probe = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
			.redirectErrorStream(true)
			.start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		probe.waitFor();
		for (String line : output.lines().toList()) {
			if (line.strip().startsWith("java.specification.version = ")) {
				String value = line.strip().substring("java.specification.version = ".length());
				return Integer.parseInt(value.contains(".") ? value.substring(0, value.indexOf('.')) : value);
			}
		}
		return -1;
	}

}

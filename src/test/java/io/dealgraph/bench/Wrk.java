package io.dealgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a GraphQL endpoint with {@code wrk}, an HTTP load tool in its own process, so
 * that the client's work never shares the server's JVM and both GraphQL servers are
 * driven by the same client. {@code wrk} comes from Debian's packages; {@code bench/run}
 * installs it when missing.
 */
final class Wrk {

	private static final Pattern THROUGHPUT = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern COMPLETED = Pattern.compile("(\\d+) requests in");

	private static final Pattern REFUSED = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private final int connections;

	private final int seconds;

	private final int warmUpSeconds;

	/**
	 * @param seconds how long each timed run lasts
	 * @param warmUpSeconds how long {@link #warm} drives an operation before anything is
	 * timed
	 */
	Wrk(int connections, int seconds, int warmUpSeconds) {
		this.connections = connections;
		this.seconds = seconds;
		this.warmUpSeconds = warmUpSeconds;
	}

	int warmUpSeconds() {
		return this.warmUpSeconds;
	}

	/** Whether {@code wrk} is installed here. */
	static boolean available() {
		try {
			return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
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
	 * POSTs {@code query} to {@code url} for the warm-up time and forgets the figures. A
	 * server's JIT needs a minute or more of load on two busy cores to reach its steady
	 * state (on the seed, a cheap lookup went from 122 to 614 req/s over its first 60 s
	 * of load), which the short warm-up of {@link #post} does not give.
	 */
	void warm(String url, String query) throws IOException, InterruptedException {
		if (this.warmUpSeconds > 0) {
			Path script = script(query);
			try {
				run(script, url, this.warmUpSeconds);
			}
			finally {
				Files.deleteIfExists(script);
			}
		}
	}

	/**
	 * POSTs {@code query} to {@code url} for the configured time after a short warm-up,
	 * and returns throughput and latency as {@code wrk} measured them.
	 */
	Benchmark.Figures post(String url, String query) throws IOException, InterruptedException {
		Path script = script(query);
		try {
			run(script, url, Math.max(2, this.seconds / 5));
			String output = run(script, url, this.seconds);
			if (completed(output) == 0) {
				// Slower than the run itself: give it four times as long, once.
				output = run(script, url, this.seconds * 4);
			}
			return figures(output);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	private static Path script(String query) throws IOException {
		Path script = Files.createTempFile("dealgraph-wrk-", ".lua");
		String body = JsonMapper.shared().writeValueAsString(java.util.Map.of("query", query));
		Files.writeString(script, """
				wrk.method = "POST"
				wrk.headers["Content-Type"] = "application/json"
				wrk.body = [==[%s]==]
				""".formatted(body));
		return script;
	}

	private String run(Path script, String url, int duration) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, this.connections)),
				"-c", Integer.toString(this.connections), "-d", duration + "s", "--timeout", "120s", "--latency", "-s",
				script.toString(), url));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes());
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		Matcher refused = REFUSED.matcher(output);
		if (refused.find()) {
			throw new IllegalStateException(refused.group(1) + " requests were refused: " + output);
		}
		return output;
	}

	private static long completed(String output) {
		Matcher completed = COMPLETED.matcher(output);
		return completed.find() ? Long.parseLong(completed.group(1)) : 0;
	}

	/** The figures of a run; a run that completed no request has none (NaN). */
	static Benchmark.Figures figures(String output) {
		Matcher throughput = THROUGHPUT.matcher(output);
		if (!throughput.find()) {
			throw new IllegalStateException("wrk printed no throughput: " + output);
		}
		double p50 = Double.NaN;
		double p99 = Double.NaN;
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
				case "us" -> 0.001;
				case "s" -> 1000;
				default -> 1;
			};
			if (percentile.group(1).equals("50")) {
				p50 = millis;
			}
			else {
				p99 = millis;
			}
		}
		if (completed(output) == 0) {
			return new Benchmark.Figures(0, Double.NaN, Double.NaN);
		}
		return new Benchmark.Figures(Double.parseDouble(throughput.group(1)), p50, p99);
	}

}

package io.dealgraph.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.dealgraph.csv.CsvTable;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the application ships, counted from its own files, so that a test states "every
 * organization of the seed" rather than a number that the next correction of the seed
 * breaks.
 */
public final class BundledSeed {

	private BundledSeed() {
	}

	/** The organizations in {@code seed-data/organizations.csv}. */
	public static int organizations() {
		return rows("organizations.csv");
	}

	/** The deals in {@code seed-data/deals.csv}. */
	public static int deals() {
		return rows("deals.csv");
	}

	/** The versions of the schema migrations, in order: 1 to the latest. */
	public static List<Integer> migrations() {
		try {
			return Arrays
				.stream(new PathMatchingResourcePatternResolver()
					.getResources("classpath*:neo4j/migrations/V*__*.cypher"))
				.map((resource) -> Integer.parseInt(resource.getFilename().replaceFirst("^V(\\d+)__.*$", "$1")))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The latest schema version. */
	public static int schemaVersion() {
		return migrations().getLast();
	}

	private static int rows(String file) {
		try (Reader reader = Files.newBufferedReader(Path.of("seed-data", file), StandardCharsets.UTF_8)) {
			return CsvTable.parse(file, reader, List.of()).rows().size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

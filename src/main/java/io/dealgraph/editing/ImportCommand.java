package io.dealgraph.editing;

import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;

import io.dealgraph.csv.DataFileException;
import io.dealgraph.errors.ApiException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar dealgraph.jar import <file.csv|file.json>}: the bulk import, without a
 * web server, against the same Neo4j the server uses (stop the server first when that is
 * the embedded one, which one process holds at a time).
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	/**
	 * Runs the import and returns the exit code: 0 all written, 2 some rows rejected, 1
	 * failed.
	 */
	public static int run(Class<?> application, String[] args) {
		if (args.length < 2) {
			System.err.println("Usage: import <file.csv|file.json> [--spring.property=value ...]");
			return 1;
		}
		Path file = Path.of(args[1]);
		if (!Files.isReadable(file)) {
			System.err.println("Cannot read " + file.toAbsolutePath());
			return 1;
		}
		String[] settings = Arrays.copyOfRange(args, 2, args.length);
		try (var context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(settings)) {
			var summary = context.getBean(DealFileImport.class)
				.run(file, "cli:" + System.getProperty("user.name", "unknown"), System.err);
			System.out.println(summary);
			summary.rejected().forEach((r) -> System.out.println("  rejected line " + r.line() + ": " + r.reason()));
			return summary.rejected().isEmpty() ? 0 : 2;
		}
		catch (DataFileException | ApiException ex) {
			System.err.println("Import failed, nothing of the failed batch was written: " + ex.getMessage());
			return 1;
		}
		catch (Exception ex) {
			System.err.println("Import failed: " + ex.getMessage());
			return 1;
		}
	}

}

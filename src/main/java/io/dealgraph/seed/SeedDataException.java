package io.dealgraph.seed;

/** A seed file that cannot be loaded, with the file, the line and the reason. */
public class SeedDataException extends RuntimeException {

	public SeedDataException(String fileName, int line, String reason) {
		super(fileName + " line " + line + ": " + reason);
	}

	public SeedDataException(String message) {
		super(message);
	}

}

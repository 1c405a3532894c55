package io.dealgraph.csv;

/**
 * A data file (seed or import) that cannot be read, with the file, the line and the
 * reason.
 */
public class DataFileException extends RuntimeException {

	public DataFileException(String fileName, int line, String reason) {
		super(fileName + " line " + line + ": " + reason);
	}

	public DataFileException(String message) {
		super(message);
	}

}

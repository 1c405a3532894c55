package io.dealgraph.source;

/**
 * The licence of the compiled data, stated once for the README, every export and every
 * page that serves the data: CC BY 4.0, which covers the compilation (the choice and
 * arrangement of facts, and the database right where one exists) and asks only for
 * attribution. What a source links to keeps its own terms, and a source's quote is the
 * source's words, quoted.
 */
public final class DataLicence {

	public static final String NAME = "CC BY 4.0";

	public static final String URL = "https://creativecommons.org/licenses/by/4.0/";

	/** Whom to credit. */
	public static final String ATTRIBUTION = "Dealgraph contributors";

	/** The notice a file carries. */
	public static final String NOTICE = "Compiled data: " + NAME + " (" + URL + "), credit \"" + ATTRIBUTION
			+ "\". Each source keeps its own terms for what it links to; a source's quote is its own words.";

	/**
	 * The HTTP header that names the licence of a response, RFC 8288's {@code license}.
	 */
	public static final String LINK_HEADER = "<" + URL + ">; rel=\"license\"";

	private DataLicence() {
	}

}

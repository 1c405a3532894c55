package io.dealgraph.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.dealgraph.errors.ApiException;

/**
 * An opaque keyset cursor: the sort values of the last row seen and its id, under the
 * name of the ordering they belong to. A page continues strictly after those values, so
 * inserts between pages neither repeat nor skip rows, and deep pages cost no offset scan.
 *
 * <p>
 * The wire form is URL-safe Base64 of {@code v1␟ordering␟value…}; clients must treat it
 * as opaque.
 */
public record Cursor(String ordering, List<String> values) {

	private static final String VERSION = "v1";

	private static final String SEPARATOR = "\u001F";

	public static Cursor of(String ordering, String... values) {
		return new Cursor(ordering, List.of(values));
	}

	public String encode() {
		String plain = VERSION + SEPARATOR + this.ordering + SEPARATOR + String.join(SEPARATOR, this.values);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor that must have been made for {@code ordering} with
	 * {@code valueCount} values.
	 * @throws ApiException BAD_REQUEST when it was not
	 */
	public static Cursor decode(String encoded, String ordering, int valueCount) {
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(SEPARATOR, -1);
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
		if (parts.length != valueCount + 2 || !VERSION.equals(parts[0])) {
			throw malformed();
		}
		if (!ordering.equals(parts[1])) {
			throw ApiException.badRequest("The cursor belongs to another ordering; start again without 'after'.");
		}
		return new Cursor(ordering, Arrays.asList(parts).subList(2, parts.length));
	}

	private static ApiException malformed() {
		return ApiException.badRequest("Malformed cursor: pass back an 'endCursor' exactly as received.");
	}

}

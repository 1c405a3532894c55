package io.dealgraph.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source, read as the compiler reads them
 * (comments and character literals skipped), so a check can look at what a class writes
 * rather than at its code.
 */
final class JavaStrings {

	private JavaStrings() {
	}

	static List<String> of(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = lineEnd(source, i);
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = closing(source, i + 3, "\"\"\"");
				literals.add(source.substring(i + 3, Math.min(end, n)));
				i = end + 3;
			}
			else if (c == '"') {
				int end = closing(source, i + 1, "\"");
				literals.add(source.substring(i + 1, Math.min(end, n)));
				i = end + 1;
			}
			else if (c == '\'') {
				i = closing(source, i + 1, "'") + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/**
	 * Where {@code quote} closes the literal that starts at {@code from}, past escapes.
	 */
	private static int closing(String source, int from, String quote) {
		int i = from;
		while (i < source.length() && !source.startsWith(quote, i)) {
			i += (source.charAt(i) == '\\') ? 2 : 1;
		}
		return i;
	}

	private static int lineEnd(String source, int from) {
		int end = source.indexOf('\n', from);
		return (end < 0) ? source.length() : end;
	}

}

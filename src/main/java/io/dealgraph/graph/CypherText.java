package io.dealgraph.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cypher statement written out in full, with named slots such as {@code {{visible}}}
 * where a part built from this model goes. A reader sees the statement's shape and the
 * name of each part; {@link #with} fills a slot and {@link #build} refuses a statement
 * with a slot left empty or a part no slot asked for. Parts are Cypher built here from
 * fixed names, never user input: every value is a parameter.
 */
public final class CypherText {

	private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

	private final String text;

	private CypherText(String text) {
		this.text = text;
	}

	public static CypherText of(String text) {
		return new CypherText(text);
	}

	/** The statement with every {@code {{slot}}} replaced by {@code part}. */
	public CypherText with(String slot, String part) {
		String marker = "{{" + slot + "}}";
		if (!this.text.contains(marker)) {
			throw new IllegalArgumentException("The statement has no slot " + marker + ":\n" + this.text);
		}
		return new CypherText(this.text.replace(marker, part));
	}

	/** The finished statement. */
	public String build() {
		Matcher unfilled = SLOT.matcher(this.text);
		if (unfilled.find()) {
			throw new IllegalStateException("Slot " + unfilled.group() + " was not filled:\n" + this.text);
		}
		return this.text;
	}

	@Override
	public String toString() {
		return this.text;
	}

}

package io.dealgraph.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cypher statement written out in full, with named slots such as {@code {{visible}}}
 * where a part built from this model goes. A reader sees the statement's shape and the
 * name of each part; {@link #with} fills a slot and {@link #build} refuses a statement
 * with a slot left empty or a part no slot asked for. Parts are Cypher built here from
 * fixed names, never user input: every value is a parameter.
 *
 * <p>
 * The text is cut at its slots once, when the statement is declared; filling and building
 * then join the pieces in one pass. Every read request builds its statement from dozens
 * of these, nested, so replacing and rescanning the whole text at each slot showed in the
 * request's profile. A part goes in as it is: a slot written inside a part is not a slot
 * of the statement it goes into.
 */
public final class CypherText {

	private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

	private final Template template;

	/** The part in each of the template's distinct slots, null while unfilled. */
	private final String[] parts;

	private CypherText(Template template, String[] parts) {
		this.template = template;
		this.parts = parts;
	}

	public static CypherText of(String text) {
		Template template = Template.of(text);
		return new CypherText(template, new String[template.names().size()]);
	}

	/** The statement with every {@code {{slot}}} replaced by {@code part}. */
	public CypherText with(String slot, String part) {
		Integer index = this.template.indexes().get(slot);
		if (index == null || this.parts[index] != null) {
			throw new IllegalArgumentException("The statement has no slot {{" + slot + "}}:\n" + this);
		}
		String[] filled = Arrays.copyOf(this.parts, this.parts.length);
		filled[index] = part;
		return new CypherText(this.template, filled);
	}

	/** The finished statement. */
	public String build() {
		for (int i = 0; i < this.parts.length; i++) {
			if (this.parts[i] == null) {
				throw new IllegalStateException(
						"Slot {{" + this.template.names().get(i) + "}} was not filled:\n" + this);
			}
		}
		return this.toString();
	}

	/** The text, with its unfilled slots as written. */
	@Override
	public String toString() {
		Template template = this.template;
		int length = template.literalLength();
		for (int slot : template.slots()) {
			length += (this.parts[slot] != null) ? this.parts[slot].length() : 0;
		}
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < template.slots().length; i++) {
			text.append(template.literals()[i]);
			String part = this.parts[template.slots()[i]];
			if (part != null) {
				text.append(part);
			}
			else {
				text.append("{{").append(template.names().get(template.slots()[i])).append("}}");
			}
		}
		return text.append(template.literals()[template.slots().length]).toString();
	}

	/**
	 * A statement's text cut at its slots: {@code literals[i]} comes before the slot
	 * {@code slots[i]} (an index into {@code names}, as a slot may be used many times),
	 * and the last literal ends the text.
	 */
	private record Template(String[] literals, int[] slots, List<String> names, Map<String, Integer> indexes,
			int literalLength) {

		static Template of(String text) {
			List<String> literals = new ArrayList<>();
			List<Integer> slots = new ArrayList<>();
			List<String> names = new ArrayList<>();
			Map<String, Integer> indexes = new HashMap<>();
			Matcher slot = SLOT.matcher(text);
			int end = 0;
			while (slot.find()) {
				literals.add(text.substring(end, slot.start()));
				slots.add(indexes.computeIfAbsent(slot.group(1), (name) -> {
					names.add(name);
					return names.size() - 1;
				}));
				end = slot.end();
			}
			literals.add(text.substring(end));
			return new Template(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray(),
					List.copyOf(names), Map.copyOf(indexes), literals.stream().mapToInt(String::length).sum());
		}

	}

}

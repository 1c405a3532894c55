package io.dealgraph.source;

/** How far a source's claim can be trusted. The research files write H, M and L. */
public enum Confidence {

	HIGH, MEDIUM, LOW;

	/** Reads {@code HIGH} as well as the research files' {@code H}. */
	public static Confidence parse(String text) {
		return switch (text) {
			case "H" -> HIGH;
			case "M" -> MEDIUM;
			case "L" -> LOW;
			default -> valueOf(text);
		};
	}

}

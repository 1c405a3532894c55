package io.dealgraph.source;

import java.util.Arrays;
import java.util.List;

/** How far a source's claim can be trusted. */
public enum Confidence {

	HIGH, MEDIUM, LOW;

	/**
	 * The confidences that meet this one as a threshold: HIGH alone, HIGH and MEDIUM, or
	 * all three.
	 */
	public List<Confidence> andAbove() {
		return Arrays.stream(values()).filter((other) -> other.ordinal() <= ordinal()).toList();
	}

}

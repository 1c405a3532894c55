package io.dealgraph.rules;

/**
 * A broken rule: the field, what is wrong with it, and which kind of wrong, so that
 * whoever reports it (an API error, an import's rejected rows, a seed file's line) works
 * from the kind and the field rather than from the wording.
 *
 * @param field the path of the field, such as {@code input.amount.currency}
 * @param message what is wrong, for a person
 * @param kind which kind of wrong
 */
public record Violation(String field, String message, Kind kind) {

	/** A value that breaks a rule. */
	public Violation(String field, String message) {
		this(field, message, Kind.INVALID);
	}

	/** An id that names no organization. */
	public static Violation unknownOrganization(String field, String id) {
		return new Violation(field, "no organization has the id '" + id + "'", Kind.UNKNOWN_REFERENCE);
	}

	/** The same violation, its field placed under {@code parent}. */
	public Violation under(String parent) {
		return new Violation(parent.isEmpty() ? this.field : parent + "." + this.field, this.message, this.kind);
	}

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

	/** What kind of wrong a violation is. */
	public enum Kind {

		/** The value breaks a rule. */
		INVALID,
		/** The value names something that does not exist. */
		UNKNOWN_REFERENCE

	}

}

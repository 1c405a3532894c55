package io.dealgraph.editing;

import java.util.List;
import java.util.Map;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;

/**
 * One or more input rules broken, each naming its field ({@code input.amount.currency},
 * {@code input[3].sources}), so a form can show every message next to its field at once.
 */
public class InvalidInput extends ApiException {

	private final List<Violation> violations;

	public InvalidInput(ErrorCode code, List<Violation> violations) {
		super(code, violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid"));
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * The first field, and every violation, for a front-end to place next to its fields.
	 */
	@Override
	public Map<String, Object> extensions() {
		return Map.of("field", this.violations.getFirst().field(), "violations",
				this.violations.stream().map((v) -> Map.of("field", v.field(), "message", v.message())).toList());
	}

	/**
	 * A broken rule: the field, what is wrong with it, and which kind of wrong, so that
	 * the error's code follows from the kinds rather than from the messages.
	 */
	public record Violation(String field, String message, Kind kind) {

		/** A value that breaks a rule. */
		public Violation(String field, String message) {
			this(field, message, Kind.INVALID);
		}

		/** An id that names no organization. */
		static Violation unknownOrganization(String field, String id) {
			return new Violation(field, "no organization has the id '" + id + "'", Kind.UNKNOWN_REFERENCE);
		}

		@Override
		public String toString() {
			return this.field + ": " + this.message;
		}

	}

	/** What kind of wrong a violation is. */
	public enum Kind {

		/** The value breaks a rule: BAD_REQUEST. */
		INVALID,
		/**
		 * The value names something that does not exist: NOT_FOUND when it is the only
		 * kind of wrong.
		 */
		UNKNOWN_REFERENCE

	}

}

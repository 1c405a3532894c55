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

	/** A broken rule: the field and what is wrong with it. */
	public record Violation(String field, String message) {

		@Override
		public String toString() {
			return this.field + ": " + this.message;
		}

	}

}

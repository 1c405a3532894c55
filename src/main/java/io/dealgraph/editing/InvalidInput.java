package io.dealgraph.editing;

import java.util.List;
import java.util.Map;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.rules.Violation;

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

	/**
	 * Throws when {@code violations} is not empty: NOT_FOUND when every violation names
	 * something that does not exist, BAD_REQUEST otherwise. The code follows from the
	 * kinds, not from the wording.
	 */
	static void throwIfAny(List<Violation> violations) {
		if (!violations.isEmpty()) {
			boolean missing = violations.stream()
				.allMatch((violation) -> violation.kind() == Violation.Kind.UNKNOWN_REFERENCE);
			throw new InvalidInput(missing ? ErrorCode.NOT_FOUND : ErrorCode.BAD_REQUEST, violations);
		}
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

}

package io.dealgraph.events;

import java.util.Map;

import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;

/**
 * A subscription closed because its client fell more than its buffer behind: every event
 * up to {@code resumeAfter} reached it, and {@code after: resumeAfter} resumes it.
 */
class SubscriberBehind extends ApiException {

	private final long resumeAfter;

	SubscriberBehind(int buffer, long resumeAfter) {
		super(ErrorCode.SUBSCRIBER_BEHIND,
				"This subscription fell more than " + buffer + " events behind and is closed. Every event up to change "
						+ resumeAfter + " reached it: subscribe again with after: " + resumeAfter + " to go on.");
		this.resumeAfter = resumeAfter;
	}

	@Override
	public Map<String, Object> extensions() {
		return Map.of("resumeAfter", this.resumeAfter);
	}

}

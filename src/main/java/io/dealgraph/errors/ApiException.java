package io.dealgraph.errors;

import java.util.Map;

/**
 * An error whose message is meant for the API's user: it says what was wrong with the
 * request and reaches the response as is, with its code.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	public ApiException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public static ApiException badRequest(String message) {
		return new ApiException(ErrorCode.BAD_REQUEST, message);
	}

	public ErrorCode code() {
		return this.code;
	}

	/** More for {@code extensions} beside the code, e.g. which fields were wrong. */
	public Map<String, Object> extensions() {
		return Map.of();
	}

}

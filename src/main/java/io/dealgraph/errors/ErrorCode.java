package io.dealgraph.errors;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.http.HttpStatus;

/**
 * The stable codes every error carries in {@code extensions.code}, over GraphQL and plain
 * HTTP alike. Front-ends branch on these, never on message text, so the set is small and
 * only grows. Each code knows the HTTP status it stands for; a refusal at the HTTP level
 * may name a more precise one (405, 411, 413, 415) under the same code.
 */
public enum ErrorCode {

	/** The request is malformed or an argument is invalid. */
	BAD_REQUEST(HttpStatus.BAD_REQUEST),
	/** A referenced object or an address does not exist. */
	NOT_FOUND(HttpStatus.NOT_FOUND),
	/** The request needs a credential and has none, or a wrong one. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
	/** The credential is valid but lacks the role. */
	FORBIDDEN(HttpStatus.FORBIDDEN),
	/** The write lost a race, e.g. a stale version. */
	CONFLICT(HttpStatus.CONFLICT),
	/** The request exceeds a stated limit. */
	LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST),
	/** The database did not answer within the transaction timeout. */
	TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),
	/** The database cannot be reached. */
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
	/**
	 * A request names a document by its {@code sha256Hash} alone (Apollo's automatic
	 * persisted queries) and none is known under it: send the text with the hash once.
	 */
	PERSISTED_QUERY_NOT_FOUND(HttpStatus.NOT_FOUND),
	/**
	 * The server runs registered documents only (its allow-list mode), and this one is
	 * not registered; sending its text does not help.
	 */
	PERSISTED_QUERY_NOT_IN_LIST(HttpStatus.FORBIDDEN),
	/** Too many requests from this client. */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
	/**
	 * A subscription fell further behind than its buffer and was closed; its error's
	 * {@code resumeAfter} is the {@code after:} that resumes it without a gap.
	 */
	SUBSCRIBER_BEHIND(HttpStatus.TOO_MANY_REQUESTS),
	/** Anything else; the response carries an error id that also appears in the log. */
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	/** The HTTP status of a plain HTTP response that carries this code. */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The code for an HTTP status that the servlet container or a framework filter set,
	 * when no exception of ours says more.
	 */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 409 -> CONFLICT;
			case 413 -> LIMIT_EXCEEDED;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			case 504 -> TIMEOUT;
			default -> (status >= 400 && status < 500) ? BAD_REQUEST : INTERNAL;
		};
	}

	/**
	 * The code of a failure that is not an {@link ApiException}: what the database said,
	 * or INTERNAL.
	 */
	public static ErrorCode of(Throwable failure) {
		if (failure instanceof ApiException api) {
			return api.code();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j && neo4j.code() != null
					&& neo4j.code().contains("TransactionTimedOut")) {
				return TIMEOUT;
			}
			// Transient errors, e.g. "database not currently available" while it stops or
			// starts, are worth a retry shortly: to the client, the same as an
			// unreachable
			// server.
			if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException
					|| cause instanceof TransientException) {
				return UNAVAILABLE;
			}
		}
		return INTERNAL;
	}

}

package io.dealgraph.system;

/**
 * The stable codes every GraphQL error carries in {@code extensions.code}. Front-ends
 * branch on these, never on message text, so the set is small and only grows.
 */
public enum ErrorCode {

	/** The request is malformed or an argument is invalid. */
	BAD_REQUEST,
	/** A referenced object does not exist. */
	NOT_FOUND,
	/** The request needs a credential and has none, or a wrong one. */
	UNAUTHORIZED,
	/** The credential is valid but lacks the role. */
	FORBIDDEN,
	/** The write lost a race, e.g. a stale version. */
	CONFLICT,
	/** The request exceeds a stated limit. */
	LIMIT_EXCEEDED,
	/** The database did not answer within the transaction timeout. */
	TIMEOUT,
	/** The database cannot be reached. */
	UNAVAILABLE,
	/** Too many requests from this client. */
	RATE_LIMITED,
	/** Anything else; the response carries an error id that also appears in the log. */
	INTERNAL

}

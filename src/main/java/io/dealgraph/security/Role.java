package io.dealgraph.security;

/** What a credential may do. Reads need none. */
public enum Role {

	/** Records and updates organizations, deals and sources. */
	EDITOR,
	/** Also merges organizations and retracts deals. */
	ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}

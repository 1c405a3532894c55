package io.dealgraph.graph;

import org.jspecify.annotations.Nullable;

/**
 * The global id of a thing with an identity: the interface it belongs to, a colon, and
 * its readable key, such as {@code Organization:hut-8} or {@code Deal:E011}. No readable
 * key can hold a colon (slugs are {@code [a-z0-9-]}, deal ids {@code [A-Za-z0-9_-]}), so
 * a value with a colon is always a global id and one without is always a key. The
 * interface, never the kind or the deal type, is named, because those can change while
 * the thing stays the same.
 */
public final class GlobalId {

	/** The interfaces whose members have an identity. */
	public enum Interface {

		Organization, Deal, Site, Change

	}

	private static final char SEPARATOR = ':';

	private GlobalId() {
	}

	/** The global id of the thing with this key. */
	public static String of(Interface of, String key) {
		return of.name() + SEPARATOR + key;
	}

	/**
	 * What an id given where any node may stand ({@code node(id:)}) names: the interface
	 * and key of a global id, or, for a readable key, no interface (the caller must find
	 * which thing holds it); null when the id has a colon but is no global id: an unknown
	 * interface, an empty key, or a second colon.
	 */
	public static @Nullable Named read(String id) {
		int separator = id.indexOf(SEPARATOR);
		if (separator < 0) {
			return id.isEmpty() ? null : new Named(null, id);
		}
		String name = id.substring(0, separator);
		String key = id.substring(separator + 1);
		for (Interface of : Interface.values()) {
			if (of.name().equals(name) && !key.isEmpty() && key.indexOf(SEPARATOR) < 0) {
				return new Named(of, key);
			}
		}
		return null;
	}

	/**
	 * The thing an id names: its interface, or null for a readable key that does not say,
	 * and its key.
	 */
	public record Named(@Nullable Interface of, String key) {

	}

	/**
	 * The readable key named by an id in either form, or null when the id is global and
	 * names another interface, or names none, or names no key.
	 */
	public static @Nullable String keyOf(Interface expected, String id) {
		int separator = id.indexOf(SEPARATOR);
		if (separator < 0) {
			return id;
		}
		String key = id.substring(separator + 1);
		boolean sameInterface = id.substring(0, separator).equals(expected.name());
		return (sameInterface && !key.isEmpty() && key.indexOf(SEPARATOR) < 0) ? key : null;
	}

}

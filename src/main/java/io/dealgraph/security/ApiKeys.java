package io.dealgraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The editor and admin API keys from configuration ({@code DEALGRAPH_EDITOR_KEYS},
 * {@code DEALGRAPH_ADMIN_KEYS}, comma-separated). Only SHA-256 digests are kept, compared
 * in constant time; a key is known to the logs and the audit trail only by a label made
 * from its digest, never by itself.
 */
@Component
class ApiKeys {

	private final List<Entry> entries = new ArrayList<>();

	ApiKeys(ApiKeySettings settings) {
		add(settings.editorKeys(), Role.EDITOR);
		add(settings.adminKeys(), Role.ADMIN);
	}

	/** A key's holder: its label and its role. */
	record Holder(String label, Role role) {
	}

	private record Entry(byte[] digest, Holder holder) {
	}

	/**
	 * The holder of {@code presented}, checking every key in constant time so timing
	 * reveals nothing.
	 */
	Optional<Holder> holderOf(String presented) {
		byte[] digest = digest(presented);
		Holder found = null;
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
				found = entry.holder();
			}
		}
		return Optional.ofNullable(found);
	}

	private void add(String keys, Role role) {
		Arrays.stream(keys.split(",")).map(String::strip).filter((k) -> !k.isEmpty()).forEach((key) -> {
			byte[] digest = digest(key);
			String label = role.name().toLowerCase() + "-key-" + HexFormat.of().formatHex(digest, 0, 4);
			this.entries.add(new Entry(digest, new Holder(label, role)));
		});
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}

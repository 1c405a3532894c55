package io.dealgraph.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A fact to write about an organization.
 *
 * @param recordedBy the editor who recorded it; null for the seed's facts, which the seed
 * alone changes
 */
public record FactDraft(String organizationId, Fact fact, @Nullable String recordedBy) {

	/** A fact the seed states. */
	public FactDraft(String organizationId, Fact fact) {
		this(organizationId, fact, null);
	}

	Map<String, Object> row() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("key", key());
		properties.put("attribute", this.fact.attribute());
		properties.put("value", this.fact.value());
		properties.put("unit", this.fact.unit());
		properties.put("asOf", this.fact.asOf());
		properties.put("note", this.fact.note());
		properties.put("sourceUrl", this.fact.source().url());
		properties.put("sourceTitle", this.fact.source().title());
		properties.put("sourcePublisher", this.fact.source().publisher());
		properties.put("sourcePublishedOn", this.fact.source().publishedOn());
		properties.put("sourceRetrievedOn", this.fact.source().retrievedOn());
		properties.put("sourceArchiveUrl", this.fact.source().archiveUrl());
		properties.put("sourceQuote", this.fact.source().quote());
		properties.put("sourceNote", this.fact.source().note());
		properties.put("confidence", this.fact.source().confidence().name());
		properties.put("recordedBy", this.recordedBy);
		return Map.of("organizationId", this.organizationId, "key", key(), "properties", properties);
	}

	/**
	 * The same claim from the same source about the same organization is the same fact.
	 */
	public String key() {
		String identity = String.join("\u001F", this.organizationId, this.fact.attribute(), this.fact.value(),
				String.valueOf(this.fact.asOf()), String.valueOf(this.fact.source().url()),
				String.valueOf(this.fact.source().title()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}

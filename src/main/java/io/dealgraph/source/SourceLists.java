package io.dealgraph.source;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * How a node stores its sources: one list per field, in the order of the sources, so a
 * filter can test the confidences without reading the rest. Deals and sites store theirs
 * alike. Lists cannot hold nulls, so an unknown value is stored as the empty string and
 * read back as null; a list a node was written without reads as all null.
 */
public final class SourceLists {

	/** One confidence per source: what the evidence threshold reads. */
	public static final String CONFIDENCES = "sourceConfidences";

	/** Every list, in the order of {@link Source}'s fields. */
	public static final List<String> PROPERTIES = List.of("sourceUrls", "sourceTitles", "sourcePublishers",
			"sourcePublishedOn", "sourceRetrievedOn", "sourceArchiveUrls", "sourceQuotes", CONFIDENCES, "sourceNotes");

	private static final String UNKNOWN = "";

	private SourceLists() {
	}

	/** Puts the lists of {@code sources} into a node's {@code properties}. */
	public static void put(Map<String, Object> properties, List<Source> sources) {
		properties.put("sourceUrls", list(sources, Source::url));
		properties.put("sourceTitles", list(sources, Source::title));
		properties.put("sourcePublishers", list(sources, Source::publisher));
		properties.put("sourcePublishedOn", list(sources, Source::publishedOn));
		properties.put("sourceRetrievedOn", list(sources, Source::retrievedOn));
		properties.put("sourceArchiveUrls", list(sources, Source::archiveUrl));
		properties.put("sourceQuotes", list(sources, Source::quote));
		properties.put(CONFIDENCES, list(sources, (s) -> s.confidence().name()));
		properties.put("sourceNotes", list(sources, Source::note));
	}

	/** The sources a projected node holds in its lists. */
	public static List<Source> read(Value node) {
		Value urls = node.get(PROPERTIES.getFirst());
		if (urls.isNull() || urls.isEmpty()) {
			// Not selected, or none: most deals of a network or path are read without
			// them.
			return List.of();
		}
		List<List<String>> lists = PROPERTIES.stream()
			.map((property) -> node.get(property).asList(Value::asString, List.<String>of()))
			.toList();
		return IntStream.range(0, lists.get(0).size())
			.mapToObj((i) -> new Source(at(lists.get(0), i), at(lists.get(1), i), at(lists.get(2), i),
					at(lists.get(3), i), at(lists.get(4), i), at(lists.get(5), i), at(lists.get(6), i),
					Confidence.valueOf(lists.get(7).get(i)), at(lists.get(8), i)))
			.toList();
	}

	/** The best confidence among sources; null when there are none. */
	public static @Nullable Confidence best(List<Source> sources) {
		return sources.stream().map(Source::confidence).min(Enum::compareTo).orElse(null);
	}

	private static List<String> list(List<Source> sources, Function<Source, @Nullable String> value) {
		return sources.stream().map((source) -> {
			String v = value.apply(source);
			return (v != null) ? v : UNKNOWN;
		}).toList();
	}

	private static @Nullable String at(List<String> stored, int i) {
		return (i < stored.size() && !UNKNOWN.equals(stored.get(i))) ? stored.get(i) : null;
	}

}

package io.dealgraph.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Where every request's document comes from: the one {@link PreparsedDocumentProvider} of
 * the schema, so that three concerns share one cache.
 * <ul>
 * <li><b>Reuse.</b> Front-ends send the same few documents again and again: each is
 * parsed and validated once, then kept. Profiling showed parsing and validation at about
 * a quarter of the server's own work on a cheap request. Only valid documents are kept,
 * so a bad one is reported afresh every time. What depends on a request's variables, such
 * as the query limits, runs on every execution regardless.</li>
 * <li><b>Apollo's automatic persisted queries.</b> A request may carry
 * {@code extensions.persistedQuery: {version: 1, sha256Hash}}, the SHA-256 of its
 * document's text in hex. With the text, the hash must match it, and the document is kept
 * under it; with the hash alone, the kept document runs, or the answer is
 * {@code PERSISTED_QUERY_NOT_FOUND} and the client sends the text once more (Apollo
 * Client does this by itself).</li>
 * <li><b>Registered documents</b> ({@link DocumentSettings#registered()}: the explorer's
 * operations and the examples) can always be named by their hash alone, and in allow-list
 * mode they are the only documents that run, whether sent by text or by hash; any other
 * answers {@code PERSISTED_QUERY_NOT_IN_LIST}.</li>
 * </ul>
 * The cache holds documents by the hash of their text, up to a weight of
 * {@link DocumentSettings#cacheSize()}; past it, Caffeine's eviction keeps the documents
 * used most often and most recently. A document weighs {@link #HEAP_PER_CHARACTER} bytes
 * per character of its text: its parsed form was measured at 7 to 12 times its text on
 * the heap, plus the text itself.
 */
@Configuration(proxyBeanMethods = false)
class Documents implements PreparsedDocumentProvider {

	/** Estimated heap of a kept document, per character of its text. */
	static final int HEAP_PER_CHARACTER = 16;

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	/** A document kept for reuse: its text and its parsed, validated form. */
	private record Kept(String text, PreparsedDocumentEntry entry) {
	}

	private final Cache<String, Kept> byHash;

	/** The registered documents' texts by hash, fixed at start. */
	private final Map<String, String> registered;

	private final boolean allowListOnly;

	Documents(DocumentSettings settings, ResourcePatternResolver resources) {
		this.byHash = Caffeine.newBuilder()
			.maximumWeight(settings.cacheSize().toBytes())
			.weigher((String hash, Kept kept) -> weight(kept.text()))
			// Eviction is a few map operations: done by the request that adds, not on
			// a pool thread, so the bound holds as soon as a document is kept.
			.executor(Runnable::run)
			.build();
		this.registered = read(settings.registered(), resources);
		this.allowListOnly = settings.allowList();
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentsCustomizer() {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(document(input, parseAndValidate));
	}

	private PreparsedDocumentEntry document(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Object persistedQuery = input.getExtensions().get("persistedQuery");
		String query = input.getQuery();
		boolean textSent = !query.isBlank() && !query.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		if (persistedQuery == null) {
			return textSent ? byText(input, query, sha256(query), parseAndValidate)
					: refusal(ErrorCode.BAD_REQUEST, "The request has no document: send `query`.");
		}
		String hash = persistedQueryHash(persistedQuery);
		if (hash == null) {
			return refusal(ErrorCode.BAD_REQUEST, "extensions.persistedQuery must be {version: 1, sha256Hash}, "
					+ "the SHA-256 of the document's text as 64 hexadecimal digits.");
		}
		if (textSent) {
			if (!sha256(query).equals(hash)) {
				return refusal(ErrorCode.BAD_REQUEST,
						"extensions.persistedQuery.sha256Hash is not the SHA-256 of the document sent with it.");
			}
			return byText(input, query, hash, parseAndValidate);
		}
		Kept kept = this.byHash.getIfPresent(hash);
		if (kept != null) {
			return kept.entry();
		}
		String text = this.registered.get(hash);
		if (text != null) {
			return byText(input.transform((builder) -> builder.query(text)), text, hash, parseAndValidate);
		}
		return this.allowListOnly ? notInList()
				: refusal(ErrorCode.PERSISTED_QUERY_NOT_FOUND,
						"PersistedQueryNotFound: no document is known under this sha256Hash; "
								+ "send the query with it once.");
	}

	/**
	 * The document of {@code text}, whose SHA-256 is {@code hash}: kept, or parsed now.
	 */
	private PreparsedDocumentEntry byText(ExecutionInput input, String text, String hash,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (this.allowListOnly && !this.registered.containsKey(hash)) {
			return notInList();
		}
		Kept kept = this.byHash.getIfPresent(hash);
		if (kept != null && kept.text().equals(text)) {
			return kept.entry();
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.byHash.put(hash, new Kept(text, entry));
		}
		return entry;
	}

	/** Whether the document of {@code text} is kept, parsed. */
	boolean holds(String text) {
		Kept kept = this.byHash.getIfPresent(sha256(text));
		return kept != null && kept.text().equals(text);
	}

	/**
	 * The weight of the kept documents, never over the cache's size once a put returns.
	 */
	long keptWeight() {
		return this.byHash.policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

	/** The registered documents' hashes, each with the text it names. */
	Map<String, String> registered() {
		return this.registered;
	}

	static int weight(String text) {
		return (int) Math.min(Integer.MAX_VALUE, (long) text.length() * HEAP_PER_CHARACTER);
	}

	/**
	 * The SHA-256 of {@code text} in UTF-8, as lower-case hex: what Apollo Client sends.
	 */
	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** The hash of a well-formed {@code persistedQuery} extension, in lower case. */
	private static @Nullable String persistedQueryHash(Object persistedQuery) {
		if (!(persistedQuery instanceof Map<?, ?> fields)
				|| !(fields.get("version") instanceof Number version && version.doubleValue() == 1)
				|| !(fields.get("sha256Hash") instanceof String hash) || !SHA_256_HEX.matcher(hash).matches()) {
			return null;
		}
		return hash.toLowerCase(Locale.ROOT);
	}

	private static PreparsedDocumentEntry notInList() {
		return refusal(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
				"This server runs registered documents only, and this document is not one of them.");
	}

	private static PreparsedDocumentEntry refusal(ErrorCode code, String message) {
		GraphQLError error = ErrorResponses.graphQlError(code, message, Map.of(), null);
		return new PreparsedDocumentEntry(List.of(error));
	}

	private static Map<String, String> read(List<String> locations, ResourcePatternResolver resources) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String location : locations) {
			if (location == null || location.isBlank()) {
				continue;
			}
			try {
				for (Resource resource : resources.getResources(location.strip())) {
					String text = resource.getContentAsString(StandardCharsets.UTF_8);
					texts.put(sha256(text), text);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the registered documents at " + location, ex);
			}
		}
		return Map.copyOf(texts);
	}

}

package io.dealgraph.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Front-ends send the same few documents again and again: each is parsed and validated
 * once, then kept (the most recently used {@link #CAPACITY}). Profiling showed parsing
 * and validation at about a quarter of the server's own work on a cheap request. Only
 * valid documents are kept, so a bad one is reported afresh every time. What depends on a
 * request's variables, such as the query limits, runs on every execution regardless.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

	static final int CAPACITY = 1000;

	private final Map<String, PreparsedDocumentEntry> documents = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
				return size() > CAPACITY;
			}
		});

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String key = key(input.getOperationName(), input.getQuery());
		PreparsedDocumentEntry cached = this.documents.get(key);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.documents.put(key, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	boolean holds(@Nullable String operationName, String query) {
		return this.documents.containsKey(key(operationName, query));
	}

	private static String key(@Nullable String operationName, String query) {
		return Objects.requireNonNullElse(operationName, "") + '\n' + query;
	}

}

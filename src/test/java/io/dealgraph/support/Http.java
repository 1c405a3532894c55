package io.dealgraph.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint as any HTTP client sees it: status, headers and body, nothing assumed.
 * Every call has a timeout, so a hang fails the test instead of stalling the suite.
 */
public final class Http {

	public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	/** POSTs a GraphQL request as JSON, asking for application/graphql-response+json. */
	public HttpResponse<String> graphQl(String query, String... headers) {
		return post("/graphql", JsonMapper.shared().writeValueAsString(Map.of("query", query)), "application/json",
				headers);
	}

	public HttpResponse<String> post(String path, String body, String contentType, String... headers) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("Accept", GRAPHQL_RESPONSE)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	public HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", GRAPHQL_RESPONSE)
			.GET()
			.build());
	}

	/**
	 * A GET as a browser sends it for a page, asking for HTML; redirects are answered,
	 * not followed.
	 */
	public HttpResponse<String> page(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build());
	}

	/**
	 * The status of a plain GET that accepts any representation, as a probe or a browser
	 * sends it.
	 */
	public int status(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build()).statusCode();
	}

	/**
	 * Any method on any path, with a body for the methods that carry one, as a client
	 * that got something wrong might send it.
	 */
	public HttpResponse<String> send(String method, String path, String accept, String... headers) {
		boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", accept)
			.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")
					: HttpRequest.BodyPublishers.noBody());
		if (withBody) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** The {@code extensions.code} of the first error in a response body, or null. */
	public static String code(HttpResponse<String> response) {
		Map<?, ?> body = JsonMapper.shared().readValue(response.body(), Map.class);
		if (!(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
			return null;
		}
		return (String) ((Map<?, ?>) ((Map<?, ?>) errors.getFirst()).get("extensions")).get("code");
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

package io.dealgraph.explorer;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dealgraph.support.Examples;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages and everything they load come from the app itself, without a browser: the
 * browser tests ({@link ExplorerPageTests}, {@link GraphiQlPageTests}) need chromium,
 * these run everywhere.
 */
@RunsDealgraph
class PagesTests {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void theExplorerAndGraphiQlLoadEveryFileFromThisHost() {
		for (String page : List.of("/", "/graphiql")) {
			var response = client().get().uri(page).retrieve().toEntity(String.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
				.contains("connect-src 'self'");
			Matcher assets = ASSET.matcher(response.getBody());
			int count = 0;
			while (assets.find()) {
				String url = assets.group(1);
				if (url.startsWith("#") || url.startsWith("data:")) {
					continue;
				}
				assertThat(url).as("%s loads %s", page, url).startsWith("/").doesNotStartWith("//");
				assertThat(client().get().uri(url).retrieve().toBodilessEntity().getStatusCode())
					.as("%s serves %s", page, url)
					.isEqualTo(HttpStatus.OK);
				count++;
			}
			assertThat(count).as("files %s loads", page).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void graphiQlGetsEveryExampleDocument() {
		List<Map<String, String>> examples = client().get()
			.uri("/graphiql/examples")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(examples).extracting((example) -> example.get("name")).isEqualTo(Examples.names());
		assertThat(examples).allSatisfy((example) -> assertThat(example.get("document")).contains("query"));
	}

	@Test
	void thePagesFilesAreRevalidatedRatherThanCachedStale() {
		var response = client().get().uri("/explorer/explorer.js").retrieve().toBodilessEntity();
		assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
		assertThat(response.getHeaders().getLastModified()).isPositive();
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}

package io.dealgraph.explorer;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.Examples;
import io.dealgraph.support.Http;
import io.dealgraph.support.RunsDealgraph;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
			var response = http().send("GET", page, "text/html");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy")).get(InstanceOfAssertFactories.STRING)
				.contains("default-src 'self'")
				.contains("connect-src 'self'");
			Matcher assets = ASSET.matcher(response.body());
			int count = 0;
			while (assets.find()) {
				String url = assets.group(1);
				if (url.startsWith("#") || url.startsWith("data:")) {
					continue;
				}
				assertThat(url).as("%s loads %s", page, url).startsWith("/").doesNotStartWith("//");
				assertThat(http().status(url)).as("%s serves %s", page, url).isEqualTo(200);
				count++;
			}
			assertThat(count).as("files %s loads", page).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void graphiQlGetsEveryExampleDocument() {
		List<Map<String, String>> examples = JsonMapper.shared()
			.readValue(http().send("GET", "/graphiql/examples", "application/json").body(), new TypeReference<>() {
			});
		assertThat(examples).extracting((example) -> example.get("name")).isEqualTo(Examples.names());
		assertThat(examples).allSatisfy((example) -> assertThat(example.get("document")).contains("query"));
	}

	@Test
	void thePagesFilesAreRevalidatedRatherThanCachedStale() {
		var response = http().send("GET", "/explorer/explorer.js", "*/*");
		assertThat(response.headers().firstValue("Cache-Control")).get(InstanceOfAssertFactories.STRING)
			.contains("no-cache");
		assertThat(response.headers().firstValue("Last-Modified")).isPresent();
	}

	private Http http() {
		return new Http(this.port);
	}

}

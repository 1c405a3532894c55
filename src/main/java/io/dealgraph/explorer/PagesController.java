package io.dealgraph.explorer;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Pages for people: the pages are static files under {@code static/}, and their browser
 * libraries come from WebJars, so nothing loads from a CDN. Routes for the pages:
 * {@code /graphiql} is the self-hosted GraphiQL (Spring's own page is switched off
 * because it loads from a CDN), and {@code /graphiql/examples} gives it the example
 * documents. The explorer is {@code static/index.html}, served at {@code /}.
 */
@RestController
@Configuration(proxyBeanMethods = false)
class PagesController implements WebMvcConfigurer {

	private final ExampleDocuments examples;

	PagesController(ExampleDocuments examples) {
		this.examples = examples;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
		// The explorer whatever the client accepts: Spring's welcome page answers a
		// client
		// that does not name text/html with a bare 406.
		registry.addViewController("/").setViewName("forward:/index.html");
	}

	@GetMapping("/graphiql/examples")
	List<ExampleDocuments.Example> examples() {
		return this.examples.all();
	}

}

package io.dealgraph;

import io.dealgraph.editing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Spring's GraphQL observations (a timer per request and one per data fetcher) repeat
// dealgraph_graphql_requests, and their instrumentation sat in every field's chain; with
// Spring Security's, Micrometer was about 8% of a request's server time.
// RequestObservation measures requests instead.
@SpringBootApplication(
		excludeName = "org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class DealgraphApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			System.exit(ImportCommand.run(DealgraphApplication.class, args));
		}
		SpringApplication.run(DealgraphApplication.class, args);
	}

}

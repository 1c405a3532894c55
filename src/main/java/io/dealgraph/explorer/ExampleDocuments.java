package io.dealgraph.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The documents in {@code graphql/examples/}, read once at start: GraphiQL opens each as
 * a tab ready to run.
 */
@Component
class ExampleDocuments {

	/**
	 * One example: the file name without {@code .graphql}, and the document as written.
	 */
	record Example(String name, String document) {
	}

	private static final String LOCATION = "classpath*:graphql/examples/*.graphql";

	private final List<Example> examples;

	ExampleDocuments(ResourcePatternResolver resources) throws IOException {
		this.examples = Arrays.stream(resources.getResources(LOCATION))
			.map(ExampleDocuments::read)
			.sorted(Comparator.comparing(Example::name))
			.toList();
	}

	List<Example> all() {
		return this.examples;
	}

	private static Example read(Resource resource) {
		String fileName = Objects.requireNonNull(resource.getFilename());
		try {
			return new Example(fileName.substring(0, fileName.length() - ".graphql".length()),
					resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the example " + fileName, ex);
		}
	}

}

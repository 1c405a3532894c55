package io.dealgraph.bench;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How a deal is stored, measured: {@code ./mvnw -Pbench verify -Dtest=StorageChoiceTests}
 * (sizes with {@code -Dbench.storage.sizes=100000,1000000}). It prints figures; it fails
 * only when two encodings answer a question differently.
 */
@Tag("bench")
class StorageChoiceTests {

	@Test
	void relationshipsAgainstDealNodes() throws Exception {
		String sizes = System.getProperty("bench.storage.sizes", "10000,100000");
		Duration perQuestion = Duration.ofSeconds(Integer.getInteger("bench.storage.seconds", 5));
		for (String size : sizes.split(",")) {
			new StorageChoice(Integer.parseInt(size.strip()), System.out, perQuestion).run();
		}
	}

}

package io.dealgraph.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test class of {@link RunsDealgraph} that writes: after each test, what it wrote is
 * removed from the shared seed graph ({@link TestWrites}), so the next test class finds
 * the seed as it was.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RemovesItsWrites.Cleanup.class)
public @interface RemovesItsWrites {

	/** Removes the writes through the application's own executor. */
	final class Cleanup implements AfterEachCallback {

		@Override
		public void afterEach(ExtensionContext context) {
			TestWrites.remove(SpringExtension.getApplicationContext(context).getBean(CypherExecutor.class));
		}

	}

}

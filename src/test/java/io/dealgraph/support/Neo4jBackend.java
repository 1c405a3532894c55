package io.dealgraph.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips, rather than fails, a container run on a machine without Docker. */
final class Neo4jBackend implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (TestNeo4j.serverRequested()) {
			return ConditionEvaluationResult
				.enabled("Neo4j " + System.getProperty(TestNeo4j.VERSION_PROPERTY) + " as a server in its own JVM");
		}
		if (!TestNeo4j.containerRequested()) {
			return ConditionEvaluationResult.enabled("embedded Neo4j");
		}
		return TestNeo4j.dockerAvailable() ? ConditionEvaluationResult.enabled("Neo4j in a Testcontainers container")
				: ConditionEvaluationResult.disabled("Docker is not available, so the container run is skipped");
	}

}

package io.dealgraph.cypher;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A read statement ready to send: its text and its parameters. The parameters are a copy
 * no one can change, as one statement may be kept and sent by many requests (see
 * {@code PerOperation}); a value may be null, as Cypher's may.
 */
public record Statement(String query, Map<String, Object> parameters) {

	public Statement {
		parameters = Collections.unmodifiableMap(new HashMap<>(parameters));
	}

	/** The statement built with {@code filter}, with the parameters it handed out. */
	public static Statement of(String query, CypherFilter filter) {
		return new Statement(query, filter.parameters());
	}

	/** The same statement with one more parameter. */
	public Statement with(String name, Object value) {
		Map<String, Object> more = new HashMap<>(this.parameters);
		more.put(name, value);
		return new Statement(this.query, more);
	}

}

package io.dealgraph.organization;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.graph.Classification;
import io.dealgraph.source.Confidence;

/**
 * The values of one classification that an organization's claims support, at each
 * evidence threshold, as the node stores them ({@link Classification}).
 *
 * @param any every value claimed
 * @param atMedium the values with a claim of MEDIUM confidence or better
 * @param atHigh the values with a HIGH claim
 */
public record Claimed<E extends Enum<E>>(List<E> any, List<E> atMedium, List<E> atHigh) {

	public static <E extends Enum<E>> Claimed<E> none() {
		return new Claimed<E>(List.<E>of(), List.<E>of(), List.<E>of());
	}

	/** The values claimed at {@code minimum} or better; every value when null. */
	public List<E> within(@Nullable Confidence minimum) {
		if (minimum == null || minimum == Confidence.LOW) {
			return this.any;
		}
		return (minimum == Confidence.HIGH) ? this.atHigh : this.atMedium;
	}

	/** Reads the lists of {@code classification} from a projected organization node. */
	static <E extends Enum<E>> Claimed<E> from(Value node, Classification classification, Function<String, E> valueOf) {
		List<String> properties = classification.properties();
		return new Claimed<>(list(node, properties.get(0), valueOf), list(node, properties.get(1), valueOf),
				list(node, properties.get(2), valueOf));
	}

	/** The values of one list; none when the statement did not project it. */
	private static <E extends Enum<E>> List<E> list(Value node, String property, Function<String, E> valueOf) {
		Value stored = node.get(property);
		return stored.isNull() ? List.of() : stored.asList((v) -> valueOf.apply(v.asString()));
	}

}

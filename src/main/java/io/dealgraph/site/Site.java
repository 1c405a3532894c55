package io.dealgraph.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import io.dealgraph.deal.Deal.Capacity;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.source.SourceLists;

/**
 * A campus or data centre where deals happen: leases and hosting, the guarantees and
 * project debt behind them, and purchases of the site. Its operator and deals are read
 * with their own Cypher.
 *
 * @param capacity the site's power as a source gives it, with its basis; null when none
 * does
 */
public record Site(String id, String name, List<String> aliases, @Nullable String country, @Nullable String region,
		@Nullable Capacity capacity, List<Source> sources) implements Identified {

	/** The readable id, the GraphQL field {@code key}; {@code id} is global. */
	@Override
	public String key() {
		return this.id;
	}

	@Override
	public Interface identifiedAs() {
		return Interface.Site;
	}

	@Override
	public String typeName() {
		return "Site";
	}

	/** The best confidence among the site's sources. */
	public @Nullable Confidence confidence() {
		return SourceLists.best(this.sources);
	}

	/** Reads the map that {@code s {.*}} projects from a site node. */
	public static Site from(Value s) {
		Capacity capacity = s.get("capacityMw").isNull() ? null
				: new Capacity(s.get("capacityMw").asDouble(),
						s.get("capacityBasis").isNull() ? null
								: CapacityBasis.valueOf(s.get("capacityBasis").asString()),
						s.get("capacityQualifier").isNull() ? CapacityQualifier.EXACT
								: CapacityQualifier.valueOf(s.get("capacityQualifier").asString()));
		return new Site(s.get("id").asString(), s.get("name").asString(),
				s.get("aliases").asList(Value::asString, List.of()), s.get("country").asString(null),
				s.get("region").asString(null), capacity, SourceLists.read(s));
	}

	/** The node properties, as the seed writes them. */
	public Map<String, Object> properties() {
		Map<String, Object> p = new HashMap<>();
		p.put("id", this.id);
		p.put("name", this.name);
		p.put("aliases", this.aliases);
		p.put("country", this.country);
		p.put("region", this.region);
		p.put("capacityMw", (this.capacity != null) ? this.capacity.mw() : null);
		p.put("capacityBasis",
				(this.capacity != null && this.capacity.basis() != null) ? this.capacity.basis().name() : null);
		p.put("capacityQualifier", (this.capacity != null) ? this.capacity.qualifier().name() : null);
		SourceLists.put(p, this.sources);
		return p;
	}

}

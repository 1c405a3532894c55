package io.dealgraph.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import io.dealgraph.graph.Classification;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.graph.InvestorType;
import io.dealgraph.graph.OrganizationKind;

/**
 * A company or institution, with the investor types and kinds its claims support. Its
 * deals and facts are not fields here: they are read with their own Cypher, batched per
 * request, because organizations linked by deals form cycles.
 */
public record Organization(String id, String name, OrganizationKind kind, @Nullable String category,
		List<String> aliases, @Nullable String country, @Nullable String ticker, Claimed<InvestorType> investorTypes,
		Claimed<OrganizationKind> kinds, boolean undisclosed) implements Identified {

	/** Reads the map that {@code o {.*}} projects from an organization node. */
	public static Organization from(Value node) {
		return new Organization(node.get("id").asString(), node.get("name").asString(),
				OrganizationKind.valueOf(node.get("kind").asString()), node.get("category").asString(null),
				node.get("aliases").asList(Value::asString, List.of()), node.get("country").asString(null),
				node.get("ticker").asString(null),
				Claimed.from(node, Classification.INVESTOR_TYPE, InvestorType::valueOf),
				Claimed.from(node, Classification.KIND, OrganizationKind::valueOf),
				node.get("undisclosed").asBoolean(false));
	}

	/**
	 * The node properties, as the seed loader and editors write them. Investor types and
	 * kinds claimed are not among them: they follow from the organization's facts
	 * ({@link Classification}).
	 */
	public Map<String, Object> properties() {
		var properties = new HashMap<String, Object>();
		properties.put("id", this.id);
		properties.put("name", this.name);
		properties.put("kind", this.kind.name());
		properties.put("category", this.category);
		properties.put("aliases", this.aliases);
		properties.put("country", this.country);
		properties.put("ticker", this.ticker);
		properties.put("undisclosed", this.undisclosed);
		return properties;
	}

	/** The readable id, the GraphQL field {@code key}; {@code id} is global. */
	@Override
	public String key() {
		return this.id;
	}

	@Override
	public List<String> organizationsConcerned() {
		return List.of(this.id);
	}

	@Override
	public Interface identifiedAs() {
		return Interface.Organization;
	}

	@Override
	public String typeName() {
		return this.kind.typeName();
	}

}

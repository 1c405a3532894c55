package io.dealgraph.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;

import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Repository;

/** Every Cypher statement that reads organizations and their facts. */
@Repository
class OrganizationQueries {

	private static final String BY_ID = """
			MATCH (o:Organization {id: $id})
			RETURN o {.*} AS organization
			""";

	private static final String FACTS_OF = """
			MATCH (o:Organization)-[:HAS_FACT]->(f:Fact)
			WHERE o.id IN $ids
			RETURN o.id AS organizationId, f {.*} AS fact
			ORDER BY f.attribute, f.asOf, f.value
			""";

	private final CypherExecutor cypher;

	OrganizationQueries(CypherExecutor cypher) {
		this.cypher = cypher;
	}

	Optional<Organization> byId(String id) {
		return this.cypher.read(BY_ID, Map.of("id", id), (r) -> Organization.from(r.get("organization")))
			.stream()
			.findFirst();
	}

	/** The facts of many organizations in one statement, keyed by organization id. */
	Map<String, List<Fact>> factsOf(Collection<String> ids) {
		Map<String, List<Fact>> facts = new LinkedHashMap<>();
		ids.forEach((id) -> facts.put(id, new java.util.ArrayList<>()));
		for (Record row : this.cypher.read(FACTS_OF, Map.of("ids", List.copyOf(ids)))) {
			facts.get(row.get("organizationId").asString()).add(fact(row.get("fact")));
		}
		return facts;
	}

	private static Fact fact(org.neo4j.driver.Value f) {
		var source = new Source(f.get("sourceUrl").asString(null), f.get("sourceTitle").asString(null),
				f.get("sourcePublisher").asString(null), Confidence.valueOf(f.get("confidence").asString()),
				f.get("sourceNote").asString(null));
		return new Fact(f.get("attribute").asString(), f.get("value").asString(), f.get("unit").asString(null),
				f.get("asOf").asString(null), source, f.get("note").asString(null));
	}

}

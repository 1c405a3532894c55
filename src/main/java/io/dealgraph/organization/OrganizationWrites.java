package io.dealgraph.organization;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement that writes organizations and their facts. They run inside a caller's write
 * transaction, so a batch commits whole or not at all. Writes are MERGEs on ids: running them twice
 * changes nothing.
 */
@Component
public class OrganizationWrites {

	/** The kind label is filled from {@link OrganizationKind}; all other labels of kinds are removed. */
	private static final String UPSERT = """
			UNWIND $rows AS row
			MERGE (o:Organization {id: row.id})
			SET o = row
			REMOVE o:%s
			SET o:%s
			""";

	private static final String UPSERT_FACTS = """
			UNWIND $rows AS row
			MATCH (o:Organization {id: row.organizationId})
			MERGE (f:Fact {key: row.key})
			SET f = row.properties
			MERGE (o)-[:HAS_FACT]->(f)
			""";

	/** Upserts organizations, one statement per kind present. */
	public void upsert(CypherExecutor.Writer tx, List<Organization> organizations) {
		organizations.stream().collect(Collectors.groupingBy(Organization::kind)).forEach((kind, group) -> {
			String otherLabels = java.util.Arrays.stream(OrganizationKind.values())
				.filter((k) -> k != kind)
				.map(OrganizationKind::typeName)
				.collect(Collectors.joining(":"));
			tx.run(UPSERT.formatted(otherLabels, kind.typeName()),
					Map.of("rows", group.stream().map(Organization::properties).toList()));
		});
	}

	/** Upserts facts; {@code key} identifies a fact so that loading the same claim twice keeps one. */
	public void upsertFacts(CypherExecutor.Writer tx, List<FactDraft> facts) {
		tx.run(UPSERT_FACTS, Map.of("rows", facts.stream().map(FactDraft::row).toList()));
	}

}

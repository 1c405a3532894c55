package io.dealgraph.deal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dealgraph.system.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement that writes deals. They run inside a caller's write transaction, so a batch
 * commits whole or not at all; they MERGE on the deal id, so running them twice changes nothing.
 */
@Component
public class DealWrites {

	/** The relationship type is filled from {@link DealType}. */
	private static final String UPSERT = """
			UNWIND $rows AS row
			MATCH (from:Organization {id: row.fromId}), (to:Organization {id: row.toId})
			MERGE (from)-[r:%s {id: row.properties.id}]->(to)
			SET r = row.properties
			RETURN count(r) AS written
			""";

	/** Upserts deals, one statement per deal type present; both parties must exist. */
	public void upsert(CypherExecutor.Writer tx, List<DealDraft> deals) {
		deals.stream().collect(Collectors.groupingBy(DealDraft::type)).forEach((type, group) -> {
			List<Map<String, Object>> rows = group.stream()
				.map((d) -> Map.of("fromId", d.fromId(), "toId", d.toId(), "properties", DealProperties.encode(d)))
				.toList();
			tx.run(UPSERT.formatted(type.name()), Map.of("rows", rows));
		});
	}

}

package io.dealgraph.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;
import io.dealgraph.graph.OrganizationKind;

/**
 * Every Cypher statement that writes organizations and their facts. They run inside a
 * caller's write transaction, so a batch commits whole or not at all. Writes are MERGEs
 * on ids: running them twice changes nothing.
 */
@Component
public class OrganizationWrites {

	/**
	 * The kind label is filled from {@link OrganizationKind}; all other labels of kinds
	 * are removed. Properties the row does not name (ids merged into this one) are kept.
	 */
	/** An organization is labelled with its kind alone: the other kinds' labels go. */
	private static final CypherText UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MERGE (o:Organization {id: row.id})
			SET o += row
			REMOVE o:{{otherKinds}}
			SET o:{{kind}}
			""");

	private static final String UPSERT_FACTS = """
			UNWIND $rows AS row
			MATCH (o:Organization {id: row.organizationId})
			MERGE (f:Fact {key: row.key})
			SET f = row.properties
			MERGE (o)-[:HAS_FACT]->(f)
			""";

	private static final String FIND = "MATCH (o:Organization {id: $id}) RETURN o {.*} AS organization";

	/**
	 * Moves one end of every deal of {@code merge} to {@code keep}: the deal node stays,
	 * with its id and figures, and its party relationship now points at {@code keep}. A
	 * deal between the two becomes one of {@code keep} with itself, so nothing is lost.
	 * One statement per end, {@code FROM} and {@code TO}.
	 */
	private static final CypherText MOVE_DEALS = CypherText.of("""
			MATCH (m:Organization {id: $merge})<-[old:{{end}}]-(d:{{deal}})
			MATCH (k:Organization {id: $keep})
			CREATE (d)-[:{{end}}]->(k)
			DELETE old
			""").with("deal", DealStorage.DEAL);

	/**
	 * Facts move, names become aliases, blanks are filled, and the old id keeps
	 * resolving.
	 */
	private static final String ABSORB = """
			MATCH (m:Organization {id: $merge}), (k:Organization {id: $keep})
			OPTIONAL MATCH (m)-[h:HAS_FACT]->(f:Fact)
			FOREACH (fact IN CASE WHEN f IS NULL THEN [] ELSE [f] END | MERGE (k)-[:HAS_FACT]->(fact))
			DELETE h
			WITH DISTINCT m, k
			SET k.aliases = [a IN reduce(acc = [], a IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) | CASE WHEN a IN acc THEN acc ELSE acc + a END) WHERE a <> k.name],
			    k.investorTypes = reduce(acc = [], t IN coalesce(k.investorTypes, []) + coalesce(m.investorTypes, []) | CASE WHEN t IN acc THEN acc ELSE acc + t END),
			    k.category = coalesce(k.category, m.category),
			    k.country = coalesce(k.country, m.country),
			    k.ticker = coalesce(k.ticker, m.ticker)
			WITH m, k
			OPTIONAL MATCH (former:MergedId)-[link:MERGED_INTO]->(m)
			FOREACH (x IN CASE WHEN former IS NULL THEN [] ELSE [former] END | MERGE (x)-[:MERGED_INTO]->(k))
			DELETE link
			WITH DISTINCT m, k
			MERGE (merged:MergedId {id: m.id})
			MERGE (merged)-[:MERGED_INTO]->(k)
			WITH m
			DETACH DELETE m
			""";

	/** The organization as it stands, inside the caller's transaction. */
	public Optional<Organization> find(CypherExecutor.Writer tx, String id) {
		return tx.run(FIND, Map.of("id", id)).stream().findFirst().map((r) -> Organization.from(r.get("organization")));
	}

	/**
	 * Merges {@code merge} into {@code keep}: every deal, fact, name and id of it ends up
	 * on {@code keep}.
	 */
	public void merge(CypherExecutor.Writer tx, String keep, String merge) {
		Map<String, Object> ids = Map.of("keep", keep, "merge", merge);
		for (String end : List.of(DealStorage.FROM, DealStorage.TO)) {
			tx.run(MOVE_DEALS.with("end", end).build(), ids);
		}
		tx.run(ABSORB, ids);
	}

	/** Upserts organizations, one statement per kind present. */
	public void upsert(CypherExecutor.Writer tx, List<Organization> organizations) {
		organizations.stream().collect(Collectors.groupingBy(Organization::kind)).forEach((kind, group) -> {
			String otherLabels = Arrays.stream(OrganizationKind.values())
				.filter((k) -> k != kind)
				.map(OrganizationKind::typeName)
				.collect(Collectors.joining(":"));
			tx.run(UPSERT.with("otherKinds", otherLabels).with("kind", kind.typeName()).build(),
					Map.of("rows", group.stream().map(Organization::properties).toList()));
		});
	}

	/**
	 * Upserts facts; {@code key} identifies a fact so that loading the same claim twice
	 * keeps one.
	 */
	public void upsertFacts(CypherExecutor.Writer tx, List<FactDraft> facts) {
		tx.run(UPSERT_FACTS, Map.of("rows", facts.stream().map(FactDraft::row).toList()));
	}

}

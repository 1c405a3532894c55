package io.dealgraph.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealgraph.graph.Classification;
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

	/**
	 * Recomputes what an organization's classification claims support
	 * ({@link Classification}): for each, the values claimed at any confidence, at MEDIUM
	 * or better, and at HIGH, from the best confidence among each value's facts.
	 */
	private static final CypherText REFRESH_CLASSIFICATIONS = CypherText.of("""
			UNWIND $ids AS id
			MATCH (o:Organization {id: id})
			CALL (o) {
			  OPTIONAL MATCH (o)-[:HAS_FACT]->(f:Fact) WHERE f.attribute IN $attributes
			  WITH f.attribute AS attribute, f.value AS value,
			       max(CASE f.confidence WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) AS best
			  ORDER BY attribute, value
			  RETURN [claim IN collect({attribute: attribute, value: value, best: best})
			          WHERE claim.attribute IS NOT NULL] AS claims
			}
			SET {{lists}}
			""");

	/**
	 * Removes the facts of the seed's organizations that the seed no longer states. Facts
	 * an editor recorded ({@code recordedBy}) stay.
	 */
	private static final String REMOVE_UNSTATED_FACTS = """
			MATCH (o:Organization)-[:HAS_FACT]->(f:Fact)
			WHERE o.id IN $organizationIds AND f.recordedBy IS NULL AND NOT f.key IN $keys
			DETACH DELETE f
			""";

	/**
	 * An organization's facts of one attribute become {@code rows}, and those of the
	 * values in {@code $keep}: the others go, whoever recorded them. With
	 * {@code $onlyNewValues}, a row is written only for a value that has no fact left.
	 */
	private static final String REPLACE_FACTS = """
			MATCH (o:Organization {id: $organizationId})
			OPTIONAL MATCH (o)-[:HAS_FACT]->(old:Fact {attribute: $attribute})
			WHERE NOT old.key IN [row IN $rows | row.key] AND NOT old.value IN $keep
			DETACH DELETE old
			WITH DISTINCT o
			UNWIND $rows AS row
			WITH o, row
			WHERE NOT $onlyNewValues
			   OR NOT EXISTS { (o)-[:HAS_FACT]->(:Fact {attribute: $attribute, value: row.properties.value}) }
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
		refreshClassifications(tx, List.of(keep));
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
	 * Recomputes the investor types and kinds that the claims of organizations
	 * {@code ids} support; every write that changes facts calls it before it commits.
	 */
	public void refreshClassifications(CypherExecutor.Writer tx, Collection<String> ids) {
		List<String> lists = new ArrayList<>();
		for (Classification classification : Classification.values()) {
			List<String> properties = classification.properties();
			for (int i = 0; i < properties.size(); i++) {
				// properties() runs from any confidence (best >= 1) to HIGH (best >= 3).
				lists.add("o." + properties.get(i) + " = [claim IN claims WHERE claim.attribute = '"
						+ classification.attribute() + "' AND claim.best >= " + (i + 1) + " | claim.value]");
			}
		}
		tx.run(REFRESH_CLASSIFICATIONS.with("lists", String.join(",\n    ", lists)).build(),
				Map.of("ids", List.copyOf(ids), "attributes",
						Arrays.stream(Classification.values()).map(Classification::attribute).toList()));
	}

	/**
	 * Removes the facts of organizations {@code organizationIds} that the seed wrote
	 * earlier and no longer states: only those with keys in {@code keys} stay.
	 */
	public void removeUnstatedFacts(CypherExecutor.Writer tx, Collection<String> organizationIds,
			Collection<String> keys) {
		tx.run(REMOVE_UNSTATED_FACTS,
				Map.of("organizationIds", List.copyOf(organizationIds), "keys", List.copyOf(keys)));
	}

	/**
	 * Replaces organization {@code organizationId}'s facts of {@code attribute} with
	 * {@code facts}, and refreshes what its claims support.
	 */
	public void replaceFacts(CypherExecutor.Writer tx, String organizationId, String attribute, List<FactDraft> facts) {
		replaceFacts(tx, organizationId, attribute, facts, List.of(), false);
	}

	/**
	 * Keeps organization {@code organizationId}'s facts of {@code attribute} for the
	 * values {@code facts} claim, adds {@code facts} only for values that have none, and
	 * removes the facts of every other value.
	 */
	public void keepOnlyValues(CypherExecutor.Writer tx, String organizationId, String attribute,
			List<FactDraft> facts) {
		replaceFacts(tx, organizationId, attribute, facts, facts.stream().map((f) -> f.fact().value()).toList(), true);
	}

	private void replaceFacts(CypherExecutor.Writer tx, String organizationId, String attribute, List<FactDraft> facts,
			List<String> keep, boolean onlyNewValues) {
		tx.run(REPLACE_FACTS, Map.of("organizationId", organizationId, "attribute", attribute, "rows",
				facts.stream().map(FactDraft::row).toList(), "keep", keep, "onlyNewValues", onlyNewValues));
		refreshClassifications(tx, List.of(organizationId));
	}

	/**
	 * Upserts facts; {@code key} identifies a fact so that loading the same claim twice
	 * keeps one.
	 */
	public void upsertFacts(CypherExecutor.Writer tx, List<FactDraft> facts) {
		tx.run(UPSERT_FACTS, Map.of("rows", facts.stream().map(FactDraft::row).toList()));
	}

}

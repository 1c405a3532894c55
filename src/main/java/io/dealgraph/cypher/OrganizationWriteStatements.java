package io.dealgraph.cypher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.dealgraph.graph.Classification;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.graph.OrganizationStorage;

/**
 * The statements that write organizations and their facts, run by
 * {@code OrganizationWrites} inside a caller's write transaction. They MERGE on ids:
 * running them twice changes nothing.
 */
public final class OrganizationWriteStatements {

	/**
	 * The kind label is filled from {@link OrganizationKind}; all other labels of kinds
	 * are removed, so an organization is labelled with its kind alone. Properties the row
	 * does not name (ids merged into this one) are kept.
	 */
	private static final CypherText UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MERGE (o:{{organization}} {id: row.id})
			SET o += row
			REMOVE o:{{otherKinds}}
			SET o:{{kind}}
			""").with("organization", DealStorage.ORGANIZATION);

	/**
	 * Upserts facts and links them to their organizations; {@code key} identifies a fact.
	 * Reads {@code $rows} (each {@code {organizationId, key, properties}}); returns
	 * nothing.
	 */
	public static final String UPSERT_FACTS = CypherText.of("""
			UNWIND $rows AS row
			MATCH (o:{{organization}} {id: row.organizationId})
			MERGE (f:{{fact}} {key: row.key})
			SET f = row.properties
			MERGE (o)-[:{{hasFact}}]->(f)
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("fact", OrganizationStorage.FACT)
		.with("hasFact", OrganizationStorage.HAS_FACT)
		.build();

	/**
	 * Recomputes what an organization's classification claims support
	 * ({@link Classification}): for each, the values claimed at any confidence, at MEDIUM
	 * or better, and at HIGH, from the best confidence among each value's facts. Reads
	 * {@code $ids} and {@code $attributes} (the classifications' fact attributes);
	 * returns nothing.
	 */
	public static final String REFRESH_CLASSIFICATIONS = CypherText.of("""
			UNWIND $ids AS id
			MATCH (o:{{organization}} {id: id})
			CALL (o) {
			  OPTIONAL MATCH (o)-[:{{hasFact}}]->(f:{{fact}}) WHERE f.attribute IN $attributes
			  WITH f.attribute AS attribute, f.value AS value,
			       max(CASE f.confidence WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) AS best
			  ORDER BY attribute, value
			  RETURN [claim IN collect({attribute: attribute, value: value, best: best})
			          WHERE claim.attribute IS NOT NULL] AS claims
			}
			SET {{lists}}
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("hasFact", OrganizationStorage.HAS_FACT)
		.with("fact", OrganizationStorage.FACT)
		.with("lists", classificationLists())
		.build();

	/**
	 * Removes the facts of the seed's organizations that the seed no longer states. Facts
	 * an editor recorded ({@code recordedBy}) stay. Reads {@code $organizationIds} and
	 * {@code $keys} (the facts' keys that stay); returns nothing.
	 */
	public static final String REMOVE_UNSTATED_FACTS = CypherText.of("""
			MATCH (o:{{organization}})-[:{{hasFact}}]->(f:{{fact}})
			WHERE o.id IN $organizationIds AND f.recordedBy IS NULL AND NOT f.key IN $keys
			DETACH DELETE f
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("hasFact", OrganizationStorage.HAS_FACT)
		.with("fact", OrganizationStorage.FACT)
		.build();

	/**
	 * An organization's facts of one attribute become {@code rows}, and those of the
	 * values in {@code $keep}: the others go, whoever recorded them. With
	 * {@code $onlyNewValues}, a row is written only for a value that has no fact left.
	 * Reads {@code $organizationId}, {@code $attribute}, {@code $rows} (each {@code {key,
	 * properties}}), {@code $keep} and {@code $onlyNewValues}; returns nothing.
	 */
	public static final String REPLACE_FACTS = CypherText.of("""
			MATCH (o:{{organization}} {id: $organizationId})
			OPTIONAL MATCH (o)-[:{{hasFact}}]->(old:{{fact}} {attribute: $attribute})
			WHERE NOT old.key IN [row IN $rows | row.key] AND NOT old.value IN $keep
			DETACH DELETE old
			WITH DISTINCT o
			UNWIND $rows AS row
			WITH o, row
			WHERE NOT $onlyNewValues
			   OR NOT EXISTS { (o)-[:{{hasFact}}]->(:{{fact}} {attribute: $attribute, value: row.properties.value}) }
			MERGE (f:{{fact}} {key: row.key})
			SET f = row.properties
			MERGE (o)-[:{{hasFact}}]->(f)
			""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("hasFact", OrganizationStorage.HAS_FACT)
		.with("fact", OrganizationStorage.FACT)
		.build();

	/**
	 * The organization as it stands. Reads {@code $id}; returns {@code organization} (its
	 * stored properties).
	 */
	public static final String FIND = CypherText
		.of("MATCH (o:{{organization}} {id: $id}) RETURN o {.*} AS organization")
		.with("organization", DealStorage.ORGANIZATION)
		.build();

	/**
	 * Moves one end of every deal of {@code merge} to {@code keep}: the deal node stays,
	 * with its id and figures, and its party relationship now points at {@code keep}. A
	 * deal between the two becomes one of {@code keep} with itself, so nothing is lost.
	 * One statement per end, {@code FROM} and {@code TO}.
	 */
	private static final CypherText MOVE_DEALS = CypherText.of("""
			MATCH (m:{{organization}} {id: $merge})<-[old:{{end}}]-(d:{{deal}})
			MATCH (k:{{organization}} {id: $keep})
			CREATE (d)-[:{{end}}]->(k)
			DELETE old
			""").with("organization", DealStorage.ORGANIZATION).with("deal", DealStorage.DEAL);

	/**
	 * The statements that move the deals of {@code $merge} to {@code $keep}, one per end
	 * of a deal, to run in order; each reads {@code $merge} and {@code $keep} and returns
	 * nothing.
	 */
	public static final List<String> MOVE_DEALS_BY_END = List.of(MOVE_DEALS.with("end", DealStorage.FROM).build(),
			MOVE_DEALS.with("end", DealStorage.TO).build());

	/**
	 * Facts move, names become aliases, blanks are filled, and the old id keeps
	 * resolving. Reads {@code $merge} and {@code $keep}; returns nothing.
	 */
	public static final String ABSORB = CypherText
		.of("""
				MATCH (m:{{organization}} {id: $merge}), (k:{{organization}} {id: $keep})
				OPTIONAL MATCH (m)-[h:{{hasFact}}]->(f:{{fact}})
				FOREACH (fact IN CASE WHEN f IS NULL THEN [] ELSE [f] END | MERGE (k)-[:{{hasFact}}]->(fact))
				DELETE h
				WITH DISTINCT m, k
				SET k.aliases = [a IN reduce(acc = [], a IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) | CASE WHEN a IN acc THEN acc ELSE acc + a END) WHERE a <> k.name],
				    k.category = coalesce(k.category, m.category),
				    k.country = coalesce(k.country, m.country),
				    k.ticker = coalesce(k.ticker, m.ticker)
				WITH m, k
				OPTIONAL MATCH (former:{{mergedId}})-[link:{{mergedInto}}]->(m)
				FOREACH (x IN CASE WHEN former IS NULL THEN [] ELSE [former] END | MERGE (x)-[:{{mergedInto}}]->(k))
				DELETE link
				WITH DISTINCT m, k
				MERGE (merged:{{mergedId}} {id: m.id})
				MERGE (merged)-[:{{mergedInto}}]->(k)
				WITH m
				DETACH DELETE m
				""")
		.with("organization", DealStorage.ORGANIZATION)
		.with("hasFact", OrganizationStorage.HAS_FACT)
		.with("fact", OrganizationStorage.FACT)
		.with("mergedId", OrganizationStorage.MERGED_ID)
		.with("mergedInto", OrganizationStorage.MERGED_INTO)
		.build();

	private OrganizationWriteStatements() {
	}

	/**
	 * Upserts organizations of one kind, labelled with it alone. Reads {@code $rows}
	 * (each the organization's properties); returns nothing.
	 */
	public static String upsert(OrganizationKind kind) {
		String otherLabels = Arrays.stream(OrganizationKind.values())
			.filter((k) -> k != kind)
			.map(OrganizationKind::typeName)
			.collect(Collectors.joining(":"));
		return UPSERT.with("otherKinds", otherLabels).with("kind", kind.typeName()).build();
	}

	/** The SET items of {@link #REFRESH_CLASSIFICATIONS}, one per stored list. */
	private static String classificationLists() {
		List<String> lists = new ArrayList<>();
		for (Classification classification : Classification.values()) {
			List<String> properties = classification.properties();
			for (int i = 0; i < properties.size(); i++) {
				// properties() runs from any confidence (best >= 1) to HIGH (best >= 3).
				lists.add("o." + properties.get(i) + " = [claim IN claims WHERE claim.attribute = '"
						+ classification.attribute() + "' AND claim.best >= " + (i + 1) + " | claim.value]");
			}
		}
		return String.join(",\n    ", lists);
	}

}

package io.dealgraph.organization;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealgraph.cypher.OrganizationWriteStatements;
import io.dealgraph.graph.Classification;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Writes organizations and their facts, with the statements of
 * {@link OrganizationWriteStatements}. They run inside a caller's write transaction, so a
 * batch commits whole or not at all. Writes are MERGEs on ids: running them twice changes
 * nothing.
 */
@Component
public class OrganizationWrites {

	/** The organization as it stands, inside the caller's transaction. */
	public Optional<Organization> find(CypherExecutor.Writer tx, String id) {
		return tx.run(OrganizationWriteStatements.FIND, Map.of("id", id))
			.stream()
			.findFirst()
			.map((r) -> Organization.from(r.get("organization")));
	}

	/**
	 * Merges {@code merge} into {@code keep}: every deal, fact, name and id of it ends up
	 * on {@code keep}.
	 */
	public void merge(CypherExecutor.Writer tx, String keep, String merge) {
		Map<String, Object> ids = Map.of("keep", keep, "merge", merge);
		for (String moveDeals : OrganizationWriteStatements.MOVE_DEALS_BY_END) {
			tx.run(moveDeals, ids);
		}
		tx.run(OrganizationWriteStatements.ABSORB, ids);
		refreshClassifications(tx, List.of(keep));
	}

	/** Upserts organizations, one statement per kind present. */
	public void upsert(CypherExecutor.Writer tx, List<Organization> organizations) {
		organizations.stream()
			.collect(Collectors.groupingBy(Organization::kind))
			.forEach((kind, group) -> tx.run(OrganizationWriteStatements.upsert(kind),
					Map.of("rows", group.stream().map(Organization::properties).toList())));
	}

	/**
	 * Recomputes the investor types and kinds that the claims of organizations
	 * {@code ids} support; every write that changes facts calls it before it commits.
	 */
	public void refreshClassifications(CypherExecutor.Writer tx, Collection<String> ids) {
		tx.run(OrganizationWriteStatements.REFRESH_CLASSIFICATIONS, Map.of("ids", List.copyOf(ids), "attributes",
				Arrays.stream(Classification.values()).map(Classification::attribute).toList()));
	}

	/**
	 * Removes the facts of organizations {@code organizationIds} that the seed wrote
	 * earlier and no longer states: only those with keys in {@code keys} stay.
	 */
	public void removeUnstatedFacts(CypherExecutor.Writer tx, Collection<String> organizationIds,
			Collection<String> keys) {
		tx.run(OrganizationWriteStatements.REMOVE_UNSTATED_FACTS,
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
		tx.run(OrganizationWriteStatements.REPLACE_FACTS,
				Map.of("organizationId", organizationId, "attribute", attribute, "rows",
						facts.stream().map(FactDraft::row).toList(), "keep", keep, "onlyNewValues", onlyNewValues));
		refreshClassifications(tx, List.of(organizationId));
	}

	/**
	 * Upserts facts; {@code key} identifies a fact so that loading the same claim twice
	 * keeps one.
	 */
	public void upsertFacts(CypherExecutor.Writer tx, List<FactDraft> facts) {
		tx.run(OrganizationWriteStatements.UPSERT_FACTS, Map.of("rows", facts.stream().map(FactDraft::row).toList()));
	}

}

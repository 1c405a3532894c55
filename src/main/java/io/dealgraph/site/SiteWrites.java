package io.dealgraph.site;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.graph.RelationReason;
import io.dealgraph.graph.SiteStorage;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement that writes sites and the links of deals to sites and to each
 * other. They run inside a caller's write transaction; running them twice changes
 * nothing.
 */
@Component
public class SiteWrites {

	/** A site and its operator, which replaces any earlier one. */
	private static final String UPSERT = CypherText.of("""
			UNWIND $rows AS row
			MERGE (s:{{site}} {id: row.properties.id})
			SET s = row.properties
			WITH s, row
			OPTIONAL MATCH (s)-[old:{{operatedBy}}]->()
			DELETE old
			WITH DISTINCT s, row
			MATCH (o:{{organization}} {id: row.operatorId})
			MERGE (s)-[:{{operatedBy}}]->(o)
			""")
		.with("site", SiteStorage.SITE)
		.with("operatedBy", SiteStorage.OPERATED_BY)
		.with("organization", DealStorage.ORGANIZATION)
		.build();

	/** Removes the site and deal links of these deals, before they are written anew. */
	private static final String UNLINK = CypherText.of("""
			UNWIND $ids AS id
			MATCH (r:{{deal}} {id: id})-[old:{{at}}|{{related}}]->()
			DELETE old
			""")
		.with("deal", DealStorage.DEAL)
		.with("at", SiteStorage.AT)
		.with("related", SiteStorage.RELATED_TO)
		.build();

	private static final String LINK_SITES = CypherText.of("""
			UNWIND $rows AS row
			MATCH (r:{{deal}} {id: row.dealId}), (s:{{site}} {id: row.siteId})
			MERGE (r)-[:{{at}}]->(s)
			""").with("deal", DealStorage.DEAL).with("site", SiteStorage.SITE).with("at", SiteStorage.AT).build();

	private static final String RELATE = CypherText.of("""
			UNWIND $rows AS row
			MATCH (r:{{deal}} {id: row.dealId}), (x:{{deal}} {id: row.relatedId})
			MERGE (r)-[:{{related}} {reason: row.reason}]->(x)
			""").with("deal", DealStorage.DEAL).with("related", SiteStorage.RELATED_TO).build();

	/** A site with its operator's id, or null. */
	public record SiteRow(Site site, @Nullable String operatorId) {
	}

	/** A deal at a site. */
	public record DealSite(String dealId, String siteId) {
	}

	/** A deal that exists because of another, with the reason read from the first. */
	public record DealRelation(String dealId, String relatedId, RelationReason reason) {
	}

	public void upsert(CypherExecutor.Writer tx, List<SiteRow> sites) {
		tx.run(UPSERT,
				Map.of("rows",
						sites.stream()
							.map((row) -> Map.of("properties", row.site().properties(), "operatorId",
									(row.operatorId() != null) ? row.operatorId() : ""))
							.toList()));
	}

	/**
	 * Makes the site links and deal relations of deals {@code dealIds} exactly these:
	 * what the seed says of its deals replaces what an earlier seed said.
	 */
	public void link(CypherExecutor.Writer tx, Collection<String> dealIds, List<DealSite> sites,
			List<DealRelation> relations) {
		tx.run(UNLINK, Map.of("ids", List.copyOf(dealIds)));
		tx.run(LINK_SITES, Map.of("rows",
				sites.stream().map((link) -> Map.of("dealId", link.dealId(), "siteId", link.siteId())).toList()));
		tx.run(RELATE,
				Map.of("rows",
						relations.stream()
							.map((relation) -> Map.of("dealId", relation.dealId(), "relatedId", relation.relatedId(),
									"reason", relation.reason().name()))
							.toList()));
	}

}

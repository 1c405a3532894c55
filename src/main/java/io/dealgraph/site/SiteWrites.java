package io.dealgraph.site;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dealgraph.cypher.SiteStatements;
import io.dealgraph.graph.RelationReason;
import io.dealgraph.neo4j.CypherExecutor;
import org.springframework.stereotype.Component;

/**
 * Writes sites and the links of deals to sites and to each other, with the statements of
 * {@link SiteStatements}. They run inside a caller's write transaction; running them
 * twice changes nothing.
 */
@Component
public class SiteWrites {

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
		tx.run(SiteStatements.UPSERT,
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
		tx.run(SiteStatements.UNLINK, Map.of("ids", List.copyOf(dealIds)));
		tx.run(SiteStatements.LINK_SITES, Map.of("rows",
				sites.stream().map((link) -> Map.of("dealId", link.dealId(), "siteId", link.siteId())).toList()));
		tx.run(SiteStatements.RELATE,
				Map.of("rows",
						relations.stream()
							.map((relation) -> Map.of("dealId", relation.dealId(), "relatedId", relation.relatedId(),
									"reason", relation.reason().name()))
							.toList()));
	}

}

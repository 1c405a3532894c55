package io.dealgraph.graph;

/**
 * How sites and the links between deals are stored. A site is a node {@code (:Site
 * {id})}, operated by an organization ({@code (:Site)-[:OPERATED_BY]->(:Organization)});
 * a deal that concerns a site points at it ({@code (:Deal)-[:AT]->(:Site)}), and a deal
 * that exists because of another points at that one ({@code (:Deal)-[:RELATED_TO
 * {reason}]->(:Deal)}, the reason read from the first deal: it BACKSTOPS, PAYS_FOR,
 * FINANCES or is a LATER_STEP_OF the second). A site keeps its sources in the same lists
 * as a deal ({@link DealStorage#SOURCE_CONFIDENCES}), so the evidence threshold reads
 * both alike.
 */
public final class SiteStorage {

	public static final String SITE = "Site";

	/** From a deal to a site it concerns. */
	public static final String AT = "AT";

	/** From a site to the organization that operates or owns it. */
	public static final String OPERATED_BY = "OPERATED_BY";

	/** From a deal to a deal it exists because of, with the {@code reason}. */
	public static final String RELATED_TO = "RELATED_TO";

	private SiteStorage() {
	}

	/** Site {@code site} with id {@code id} (a parameter). */
	public static String byId(String site, String id) {
		return "(" + site + ":" + SITE + " {id: " + id + "})";
	}

	/** The sites {@code site} of deal {@code deal}. */
	public static String sitesOf(String deal, String site) {
		return "(" + deal + ")-[:" + AT + "]->(" + site + ":" + SITE + ")";
	}

	/** The deals {@code deal} at site {@code site}. */
	public static String dealsAt(String site, String deal) {
		return "(" + site + ")<-[:" + AT + "]-(" + deal + ":" + DealStorage.DEAL + ")";
	}

	/** The operator {@code operator} of site {@code site}. */
	public static String operatorOf(String site, String operator) {
		return "(" + site + ")-[:" + OPERATED_BY + "]->(" + operator + ":" + DealStorage.ORGANIZATION + ")";
	}

	/**
	 * The deals {@code other} related to deal {@code deal}, either way, with the link in
	 * {@code link}: read the reason from {@code deal}'s side with
	 * {@link RelationReason#seenFrom}.
	 */
	public static String relatedTo(String deal, String link, String other) {
		return "(" + deal + ")-[" + link + ":" + RELATED_TO + "]-(" + other + ":" + DealStorage.DEAL + ")";
	}

}

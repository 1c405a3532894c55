package io.dealgraph.organization;

/**
 * The relationship fields of {@code Organization}: who is linked to organization
 * {@code o} through which deals. Lists hold each neighbour once, by name, at most
 * {@link #LIMIT}; single fields take the latest deal.
 */
enum Neighbours {

	CUSTOMERS("(o)-[r:PARTNERSHIP|SUPPLY]->(x:Organization)", false),
	PROVIDERS("(x:Organization)-[r:PARTNERSHIP|SUPPLY]->(o)", false),
	FINANCIERS("(x:Organization)-[r:FINANCING]->(o)", false), FINANCED("(o)-[r:FINANCING]->(x:Organization)", false),
	ACQUISITIONS("(o)-[r:ACQUISITION]->(x:Organization)", false),
	SUBSIDIARIES("(o)-[r:CONTROL]->(x:Organization)", false),
	/**
	 * Only a completed acquisition makes an acquirer; failed bids stay visible in
	 * {@code deals}.
	 */
	ACQUIRER("(x:Organization)-[r:ACQUISITION]->(o) WHERE r.status = 'COMPLETED'", true),
	/** Control that ended (sold, terminated) makes no parent. */
	PARENT("(x:Organization)-[r:CONTROL]->(o) WHERE r.endedKey IS NULL", true);

	static final int LIMIT = 100;

	private static final String LIST = """
			MATCH (o:Organization) WHERE o.id IN $ids
			CALL (o) {
			  MATCH %s
			  WHERE r.retractedAt IS NULL
			  WITH DISTINCT x ORDER BY x.name, x.id LIMIT $limit
			  RETURN collect(x {.*}) AS related
			}
			RETURN o.id AS id, related
			""";

	private static final String LATEST = """
			MATCH (o:Organization) WHERE o.id IN $ids
			CALL (o) {
			  MATCH %s
			  AND r.retractedAt IS NULL
			  WITH x ORDER BY coalesce(r.announcedKey, '') DESC, r.id DESC LIMIT 1
			  RETURN collect(x {.*}) AS related
			}
			RETURN o.id AS id, related
			""";

	private final String pattern;

	private final boolean single;

	Neighbours(String pattern, boolean single) {
		this.pattern = pattern;
		this.single = single;
	}

	String query() {
		return (this.single ? LATEST : LIST).formatted(this.pattern);
	}

}

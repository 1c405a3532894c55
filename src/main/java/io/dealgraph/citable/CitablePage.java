package io.dealgraph.citable;

import java.util.List;

/**
 * What a citable page shows, ready for its template ({@code templates/citable/page}).
 * Mustache has no logic, so an optional part is a list of none or one, and every text is
 * set: the template escapes them all.
 *
 * @param kind what the page is about, e.g. {@code Miner} or {@code Financing deal}
 * @param title the organization's or site's name, or the deal's parties
 * @param path the page's own address, without a version
 * @param cite the address that keeps pointing at what this page shows: the page at the
 * version it shows
 * @param explorer the explorer, opened around what the page is about
 * @param shownVersion the version asked for, when one was: the page as it stood then
 * @param notices what a reader must know first: a retraction, what a version does not
 * hold
 * @param facts the entity's fields
 * @param claims sourced facts, each with its sources (an organization's)
 * @param sources the sources of the entity itself (a deal's, a site's)
 * @param deals the deals it takes part in, or that happen at it
 * @param corrections the audit log's changes to it, oldest first
 */
public record CitablePage(String kind, String title, String path, String cite, String explorer,
		List<ShownVersion> shownVersion, List<String> notices, List<Row> facts, List<Claim> claims,
		List<SourceView> sources, List<DealRow> deals, boolean listsDeals, List<Correction> corrections, String licence,
		String licenceUrl) {

	public boolean hasClaims() {
		return !this.claims.isEmpty();
	}

	public boolean hasSources() {
		return !this.sources.isEmpty();
	}

	public boolean hasDeals() {
		return !this.deals.isEmpty();
	}

	public boolean hasCorrections() {
		return !this.corrections.isEmpty();
	}

	/**
	 * One field: its label and value, linked to another page when {@code href} is set.
	 */
	public record Row(String label, String value, String href, boolean linked) {

		static Row of(String label, String value) {
			return new Row(label, value, "", false);
		}

		static Row linked(String label, String value, String href) {
			return new Row(label, value, href, true);
		}

	}

	/** A sourced statement about an organization, e.g. an investor type. */
	public record Claim(String statement, List<SourceView> sources) {
	}

	/** A source, with what a newsroom needs to check it. */
	public record SourceView(String label, String href, boolean linked, List<String> details, String archive,
			boolean archived) {
	}

	/** One deal in a list, linked to its page. */
	public record DealRow(String href, String date, String type, String from, String fromHref, String to, String toHref,
			String amount, String status, boolean retracted) {
	}

	/**
	 * One change of the audit log, with the addresses of the page after it and before it.
	 */
	public record Correction(long sequence, String at, String by, String operation, String changed, String after,
			String before, boolean shown) {
	}

	/**
	 * The version a page shows: the state after this change of the log.
	 *
	 * @param stood when, in words: "after change 12 of the audit log"
	 * @param current the page now
	 */
	public record ShownVersion(long sequence, String stood, String current) {

		ShownVersion(long sequence, String current) {
			this(sequence, (sequence == 0) ? "before the first change of the audit log"
					: "after change " + sequence + " of the audit log", current);
		}

	}

}

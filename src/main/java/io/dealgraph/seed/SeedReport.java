package io.dealgraph.seed;

/** What one seed load read and merged. */
public record SeedReport(int organizations, int deals, int dealSources, int facts, int contextEvents) {

	@Override
	public String toString() {
		return this.organizations + " organizations, " + this.deals + " deals with " + this.dealSources + " sources, "
				+ this.facts + " organization facts, " + this.contextEvents + " context events";
	}

}

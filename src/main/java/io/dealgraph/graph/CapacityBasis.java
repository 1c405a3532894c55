package io.dealgraph.graph;

/** What a megawatt figure measures. */
public enum CapacityBasis {

	/** The power the IT load (servers, GPUs) draws: what a tenant leases. */
	CRITICAL_IT,

	/** The power a site can draw from the grid, cooling and losses included. */
	GROSS,

	/** Capacity contracted, where the source does not say whether IT or gross. */
	CONTRACTED

}

package io.dealgraph.graph;

/**
 * What an ACQUISITION buys. Only a {@code COMPANY} acquisition makes an acquirer; a unit
 * or an asset (a site, a mining fleet) is bought from its seller, the deal's {@code to}.
 */
public enum AcquisitionScope {

	COMPANY, BUSINESS_UNIT, ASSET

}

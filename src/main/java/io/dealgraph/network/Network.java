package io.dealgraph.network;

import java.util.LinkedHashMap;
import java.util.List;

import io.dealgraph.deal.Deal;
import io.dealgraph.organization.Organization;

/** An ego network: the centre first, then every organization the deals reach. */
public record Network(List<Organization> organizations, List<Deal> deals, boolean truncated) {

	/**
	 * Several networks drawn as one, as the explorer shows them after expanding nodes:
	 * each organization and deal once, the first network's centre first.
	 */
	static Network union(List<Network> networks) {
		var organizations = new LinkedHashMap<String, Organization>();
		var deals = new LinkedHashMap<String, Deal>();
		boolean truncated = false;
		for (Network network : networks) {
			network.organizations()
				.forEach((organization) -> organizations.putIfAbsent(organization.id(), organization));
			network.deals().forEach((deal) -> deals.putIfAbsent(deal.id(), deal));
			truncated |= network.truncated();
		}
		return new Network(List.copyOf(organizations.values()), List.copyOf(deals.values()), truncated);
	}

}

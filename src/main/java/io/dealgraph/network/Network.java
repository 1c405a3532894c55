package io.dealgraph.network;

import java.util.List;

import io.dealgraph.deal.Deal;
import io.dealgraph.organization.Organization;

/** An ego network: the centre first, then every organization the deals reach. */
public record Network(List<Organization> organizations, List<Deal> deals, boolean truncated) {
}

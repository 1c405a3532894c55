package io.dealgraph.network;

import java.util.List;

import io.dealgraph.deal.Deal;
import io.dealgraph.organization.Organization;

/**
 * A chain of deals from one organization to another; {@code deals[i]} links organizations
 * i and i+1.
 */
public record Path(int length, List<Organization> organizations, List<Deal> deals) {
}

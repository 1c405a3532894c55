package io.dealgraph.deal;

import java.util.Set;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.View;
import io.dealgraph.paging.Page;

/**
 * The arguments of {@code Organization.deals}, whether its {@code totalCount} is selected
 * (counting a hub's deals costs a pass over all of them), and the view set above it.
 * Organizations asked with the same selection are loaded together in one statement.
 */
record DealSelection(Set<DealType> types, DealDirection direction, Page page, boolean withTotal, View view) {
}

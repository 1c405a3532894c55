package io.dealgraph.deal;

import java.util.Set;

import io.dealgraph.paging.Page;

/**
 * The arguments of {@code Organization.deals}. Organizations asked with the same
 * selection are loaded together in one statement.
 */
record DealSelection(Set<DealType> types, DealDirection direction, Page page) {
}

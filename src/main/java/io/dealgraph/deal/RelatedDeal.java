package io.dealgraph.deal;

import io.dealgraph.graph.RelationReason;

/** A deal that exists because of another, or the other way round, and why. */
public record RelatedDeal(Deal deal, RelationReason reason) {
}

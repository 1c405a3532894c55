package io.dealgraph.deal;

import org.jspecify.annotations.Nullable;
import io.dealgraph.graph.DealStatus;

/**
 * A dated change of status; {@code on} is as precise as the source, or null when it is
 * not dated.
 */
public record StatusChange(DealStatus status, @Nullable String on, @Nullable String note) {
}

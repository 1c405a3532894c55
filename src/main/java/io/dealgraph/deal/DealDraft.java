package io.dealgraph.deal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.DealType;
import io.dealgraph.source.Source;
import io.dealgraph.graph.DealStatus;

/**
 * A deal as written: the parties by id, everything else as it will be stored. Seed rows
 * and editors' inputs both become drafts, so both go through the same encoding.
 */
public record DealDraft(String id, DealType type, String fromId, String toId, @Nullable String announcedOn,
		@Nullable Money amount, @Nullable Double capacityMw, @Nullable Double termYears,
		@Nullable FinancingInstrument instrument, @Nullable Double stakePercent, DealStatus status,
		List<StatusChange> statusHistory, @Nullable String description, List<Source> sources) {
}

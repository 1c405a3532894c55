package io.dealgraph.deal;

import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
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
		@Nullable Money amount, @Nullable Double capacityMw, @Nullable CapacityBasis capacityBasis,
		@Nullable CapacityQualifier capacityQualifier, @Nullable Double termYears,
		@Nullable FinancingInstrument instrument, @Nullable Double stakePercent, @Nullable FinancingRole role,
		@Nullable AcquisitionScope scope, @Nullable String round, DealStatus status, List<StatusChange> statusHistory,
		@Nullable String description, List<Source> sources) {

	/**
	 * What a writer may leave out and the type settles: an acquisition is of a whole
	 * company unless its scope says otherwise, and a financier that gave money through a
	 * debt instrument lent it, through shares invested it. Where the instrument does not
	 * tell, the role stays unknown.
	 */
	public DealDraft {
		if (type == DealType.ACQUISITION && scope == null) {
			scope = AcquisitionScope.COMPANY;
		}
		if (type == DealType.FINANCING && role == null && instrument != null) {
			role = instrument.roleOfAGiver();
		}
	}

}

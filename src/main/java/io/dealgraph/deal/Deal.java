package io.dealgraph.deal;

import io.dealgraph.graph.AcquisitionScope;
import io.dealgraph.graph.CapacityBasis;
import io.dealgraph.graph.CapacityQualifier;
import io.dealgraph.graph.FinancingInstrument;
import io.dealgraph.graph.FinancingRole;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dealgraph.graph.DealType;
import io.dealgraph.graph.GlobalId.Interface;
import io.dealgraph.graph.Identified;
import io.dealgraph.organization.Organization;
import io.dealgraph.source.Confidence;
import io.dealgraph.source.Source;
import io.dealgraph.graph.DealStatus;

/**
 * A deal between two organizations, as read: both parties come with it from the same
 * statement. {@code announcedOn} is a partial date (YYYY, YYYY-MM or YYYY-MM-DD).
 */
public record Deal(String id, DealType type, Organization from, Organization to, @Nullable String announcedOn,
		@Nullable Money amount, @Nullable Double capacityMw, @Nullable CapacityBasis capacityBasis,
		@Nullable CapacityQualifier capacityQualifier, @Nullable Double termYears,
		@Nullable FinancingInstrument instrument, @Nullable Double stakePercent, @Nullable FinancingRole role,
		@Nullable AcquisitionScope scope, @Nullable String round, DealStatus status, List<StatusChange> statusHistory,
		@Nullable String description, List<Source> sources, int version, @Nullable Long lastChange,
		@Nullable Retraction retraction) implements Identified {

	/** The deal as the audit log's change {@code sequence} left it: an event's deal. */
	public Deal asOfChange(long sequence) {
		return new Deal(this.id, this.type, this.from, this.to, this.announcedOn, this.amount, this.capacityMw,
				this.capacityBasis, this.capacityQualifier, this.termYears, this.instrument, this.stakePercent,
				this.role, this.scope, this.round, this.status, this.statusHistory, this.description, this.sources,
				this.version, sequence, this.retraction);
	}

	/**
	 * The capacity this deal contracts, the GraphQL field {@code capacity}: null when it
	 * contracts none. An unstated qualifier reads EXACT, an unstated basis stays null.
	 */
	public @Nullable Capacity capacity() {
		return (this.capacityMw == null) ? null : new Capacity(this.capacityMw, this.capacityBasis,
				(this.capacityQualifier != null) ? this.capacityQualifier : CapacityQualifier.EXACT);
	}

	/** A megawatt figure with what it measures and how far it is the figure itself. */
	public record Capacity(double mw, @Nullable CapacityBasis basis, CapacityQualifier qualifier) {
	}

	/** The readable id, the GraphQL field {@code key}; {@code id} is global. */
	@Override
	public String key() {
		return this.id;
	}

	@Override
	public List<String> organizationsConcerned() {
		return List.of(this.from.id(), this.to.id());
	}

	@Override
	public Interface identifiedAs() {
		return Interface.Deal;
	}

	@Override
	public String typeName() {
		return this.type.typeName();
	}

	/**
	 * How far the deal can be trusted: the highest confidence among its sources, LOW when
	 * it has none (every written deal has one).
	 */
	public Confidence confidence() {
		return this.sources.stream().map(Source::confidence).min(Comparator.naturalOrder()).orElse(Confidence.LOW);
	}

	/** Who retracted a deal, when and why. */
	public record Retraction(String at, String by, String reason) {
	}

}

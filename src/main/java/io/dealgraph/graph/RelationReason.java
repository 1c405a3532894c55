package io.dealgraph.graph;

/**
 * Why one deal exists because of another, read from the deal that has the related one:
 * each reason has its inverse, which the other deal reads.
 */
public enum RelationReason {

	/** This guarantee backs the related lease or contract. */
	BACKSTOPS,

	/** This lease or contract is backed by the related guarantee. */
	BACKSTOPPED_BY,

	/**
	 * This deal is what was given for the related one: warrants for a backstop, shares
	 * for a sale.
	 */
	PAYS_FOR,

	/** The related deal is what was given for this one. */
	PAID_FOR_BY,

	/** This financing pays for the related lease's site or build-out. */
	FINANCES,

	/** The related financing pays for this lease's site or build-out. */
	FINANCED_BY,

	/**
	 * This deal is a later step of the related one: an option exercised, an expansion.
	 */
	LATER_STEP_OF,

	/** The related deal is a later step of this one. */
	EARLIER_STEP_OF;

	/** The reason as the other deal reads it. */
	public RelationReason inverse() {
		return switch (this) {
			case BACKSTOPS -> BACKSTOPPED_BY;
			case BACKSTOPPED_BY -> BACKSTOPS;
			case PAYS_FOR -> PAID_FOR_BY;
			case PAID_FOR_BY -> PAYS_FOR;
			case FINANCES -> FINANCED_BY;
			case FINANCED_BY -> FINANCES;
			case LATER_STEP_OF -> EARLIER_STEP_OF;
			case EARLIER_STEP_OF -> LATER_STEP_OF;
		};
	}

	/**
	 * A stored reason (read from the link's start) as deal {@code fromStart} sees it:
	 * itself when the deal is the start, its inverse when it is the end.
	 */
	public RelationReason seenFrom(boolean fromStart) {
		return fromStart ? this : inverse();
	}

	/** Whether links are stored with this reason; the inverses are only read. */
	public boolean isStored() {
		return this == BACKSTOPS || this == PAYS_FOR || this == FINANCES || this == LATER_STEP_OF;
	}

}

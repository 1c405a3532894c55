package io.dealgraph.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The changes the audit log holds for one entity, in the order of the log: what a citable
 * page lists as its corrections, and what it reads its state at a version from.
 *
 * @param target the entity's key
 * @param changes its changes, oldest first
 */
public record History(String target, List<Change> changes) {

	/**
	 * The entity as it stood after change {@code version} of the log: the state after the
	 * last of its changes up to that version; else the state before the first of its
	 * changes after it; else, when no change touched it, the state it has now. Every
	 * write is logged, so between two of its changes an entity stays as the first left
	 * it.
	 */
	public StateAt at(long version) {
		Change lastBefore = null;
		for (Change change : this.changes) {
			if (change.sequence() <= version) {
				lastBefore = change;
			}
			else {
				return (lastBefore != null) ? StateAt.logged(lastBefore.after(), lastBefore)
						: StateAt.logged(change.before(), null);
			}
		}
		return (lastBefore != null) ? StateAt.logged(lastBefore.after(), lastBefore) : StateAt.AS_NOW;
	}

	/**
	 * An entity's state at a version.
	 *
	 * @param fromLog whether the log gives it; when not, it is the state the entity has
	 * now
	 * @param json the state as the log wrote it; null when the entity did not exist (or
	 * had been merged away) at that version
	 * @param by the change that made it, null when the state predates the entity's
	 * changes
	 */
	public record StateAt(boolean fromLog, @Nullable String json, @Nullable Change by) {

		static final StateAt AS_NOW = new StateAt(false, null, null);

		static StateAt logged(@Nullable String json, @Nullable Change by) {
			return new StateAt(true, json, by);
		}

		/** Whether the entity existed at the version. */
		public boolean existed() {
			return !this.fromLog || this.json != null;
		}

	}

}

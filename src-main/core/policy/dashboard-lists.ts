/**
 * Whom the dashboard's personal work lists are for (issue 13 point 2): decided here, sent to the
 * renderer as `may` booleans, so the dashboard never restates a rank or a duty.
 */
import type { Actor } from './actor';
import { allow, deny, requireDuty, type Decision } from './decision';

/** Three integrity marks are flagged to the general manager (建议辞退, a flag and never an action). */
export function canSeeFlagged(actor: Actor): Decision {
  return actor.rank === 'general-manager' ? allow() : deny('denied.notGeneralManager');
}

/** A collector's own review list: the customers assigned to them, whichever department holds them. */
export function canSeeAssignedReviews(actor: Actor): Decision {
  return requireDuty(actor, 'collector', 'denied.notCollector');
}

/**
 * Password resets that never hand one person another's powers (issue 11, point 5).
 *
 * The administrator asks; a second person approves and receives the one-time code for the owner:
 * - for a custodian, a borrower or any other staff: a department manager of the owner's
 *   department, or the general manager;
 * - for an auditor: another auditor, or the general manager;
 * - an administrator's own password is never reset this way: it stays with the recovery key.
 * Nobody approves a reset they asked for, nor one of their own password.
 */
import type { Duty, Rank } from '../../contract/people';
import type { Actor } from './actor';
import type { Decision } from './index';

/** The person whose password is reset, and who asked (when approving). */
export interface ResetFacts {
  person: { id: string; department: string; rank: Rank; duties: readonly Duty[]; disabled: boolean };
  requestedBy?: string;
}

export function canRequestReset(actor: Actor, facts: ResetFacts | undefined): Decision {
  if (!actor.duties.includes('admin')) return { allowed: false, reason: 'denied.notAdmin' };
  if (!facts) return { allowed: false, reason: 'input.invalid' };
  if (facts.person.id === actor.id) return { allowed: false, reason: 'denied.resetOwnPassword' };
  if (facts.person.duties.includes('admin')) return { allowed: false, reason: 'denied.resetAdminUsesRecovery' };
  return { allowed: true, duty: 'admin' };
}

/** Whether `approver` is a second person who may approve a reset of `facts.person`'s password. */
export function mayApproveResetOf(approver: Pick<Actor, 'id' | 'department' | 'rank' | 'duties' | 'disabled'>, facts: ResetFacts): boolean {
  if (approver.disabled || approver.id === facts.person.id || approver.id === facts.requestedBy) return false;
  if (facts.person.duties.includes('admin')) return false;
  if (approver.rank === 'general-manager') return true;
  if (facts.person.duties.includes('auditor')) return approver.duties.includes('auditor');
  return approver.rank === 'department-manager' && approver.department === facts.person.department;
}

export function canApproveReset(actor: Actor, facts: ResetFacts | undefined): Decision {
  if (!facts) return { allowed: false, reason: 'input.invalid' };
  if (actor.id === facts.requestedBy || actor.id === facts.person.id) return { allowed: false, reason: 'denied.resetSecondPerson' };
  return mayApproveResetOf(actor, facts)
    ? { allowed: true, duty: actor.duties.includes('auditor') ? 'auditor' : null }
    : { allowed: false, reason: 'denied.notResetApprover' };
}

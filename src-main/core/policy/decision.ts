/** A permission decision: allowed (by a duty, or by none in particular) or refused with the reason code. */
import type { ErrorCode } from '../../contract/errors';
import type { Duty } from '../../contract/people';
import type { Actor } from './actor';

export type Decision = { allowed: true; duty: Duty | null } | { allowed: false; reason: ErrorCode };

export const allow = (duty: Duty | null = null): Decision => ({ allowed: true, duty });
export const deny = (reason: ErrorCode): Decision => ({ allowed: false, reason });

/** Allowed when the actor holds `duty`, refused with `reason` otherwise. */
export function requireDuty(actor: Actor, duty: Duty, reason: ErrorCode): Decision {
  return actor.duties.includes(duty) ? allow(duty) : deny(reason);
}

/**
 * Refusals that happen before any core operation starts: a request from the renderer that names
 * an unknown channel, fails its schema (e.g. an extra `login` naming another person) or comes from
 * a frame that is not the app. Rule 5 says the renderer can never name another user; when someone
 * tries, the attempt belongs in the journal like every other refused attempt.
 */
import type { ErrorCode } from '../../contract/errors';
import type { Session } from '../session';

export interface Refusal {
  /** Journal event, e.g. `ipc.refused`. */
  event: string;
  reason: ErrorCode;
  details: Record<string, unknown>;
}

/** Appends one `denied` entry in the session's name; a locked session records nothing (no database). */
export function recordRefusal(session: Session, refusal: Refusal): void {
  if (session.locked || session.archive.damaged) return;
  const actor = session.actor;
  session.archive.journal.append({
    actor: { id: actor.id, name: actor.name, duty: null },
    event: refusal.event,
    outcome: 'denied',
    reason: refusal.reason,
    details: refusal.details,
  });
}

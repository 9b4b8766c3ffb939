/**
 * Password resets that need a second person (issue 11, point 5).
 *
 *   administrator: request ──▶ approver: approve (gets the one-time code) ──▶ owner: unlock with the
 *   code and set a new password (told who reset it, and when)
 *
 * Why this is safe where `person passwd` was not: the request changes no key slot. The approval
 * replaces the owner's slot with one sealed under a fresh one-time code that only the approver sees
 * (once); the administrator never holds a secret that opens it. At the owner's next unlock the code
 * opens that slot only to make a new one under the owner's own password (`completeReset`, called by
 * `unlockArchive`), so no single person other than the owner ends up able to sign in as them.
 * Request, approval and first use are one journal entry each; the code is never journaled.
 */
import { randomUUID } from 'node:crypto';
import {
  loginSchema,
  MIN_PASSWORD_LENGTH,
  type ApprovedResetView,
  type PendingResetView,
  type ResetNotice,
  type ResetRequestView,
} from '../../contract/people';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { mayApproveResetOf, type ResetFacts } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import type { OpenArchive } from '../vault/open-archive';
import { passwordBytes } from '../vault/password';
import type { Slot } from '../vault/keyring';
import type { X25519Pair } from '../vault/seal';
import { issuePersonKey, keyRecord, newPersonKey, openPersonSigner, personSigner, resealPersonKey, sealPersonKey, storePersonKey } from '../vault/signing-keys';
import { newRecoveryKey, normaliseRecoveryKey } from '../vault/slots';
import { factsOf } from './reset-facts';
import * as repo from './repository';
import { personSlot, withNewSlot } from './service';

interface ResetRow {
  id: string;
  person_id: string;
  state: 'requested' | 'approved' | 'used' | 'cancelled';
  requested_by: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  slot_id: string | null;
}

function openResetOf(db: Db, personId: string, state: ResetRow['state']): ResetRow | null {
  return (
    (db.prepare('SELECT * FROM password_resets WHERE person_id = ? AND state = ? ORDER BY requested_at DESC LIMIT 1').get(personId, state) as
      ResetRow | undefined) ?? null
  );
}

/**
 * When an approved reset's code stops opening anything: settings.resetCodeHours after the approval.
 * A code that waits for days in a drawer or an inbox is a standing way into the owner's account.
 */
export function resetCodeExpiry(db: Db, reset: Pick<ResetRow, 'approved_at'>): { expiresAt: Date; hours: number } {
  const hours = readSettings(db).resetCodeHours;
  return { expiresAt: new Date(new Date(reset.approved_at ?? 0).getTime() + hours * 3_600_000), hours };
}

/** Refuses an expired code by its expiry, in the owner's language, before it is used for anything. */
export function assertResetCodeCurrent(db: Db, reset: Pick<ResetRow, 'approved_at'>, now: Date): void {
  const { expiresAt, hours } = resetCodeExpiry(db, reset);
  if (now.getTime() >= expiresAt.getTime()) throw new ArchiveError('person.resetCodeExpired', { expiresAt: expiresAt.toISOString(), hours });
}

/** The approved, unused reset whose code seals this slot, if any: unlocking with it only sets a new password. */
export function approvedResetOfSlot(db: Db, slotId: string): ResetRow | null {
  return (db.prepare("SELECT * FROM password_resets WHERE slot_id = ? AND state = 'approved'").get(slotId) as ResetRow | undefined) ?? null;
}

function nameOf(db: Db, id: string | null): string {
  return (id && repo.findPersonById(db, id)?.name) || '?';
}

/** Who may approve a reset of this person's password right now. */
function approversOf(db: Db, facts: ResetFacts): { login: string; name: string }[] {
  return repo
    .listPeople(db)
    .filter((p) => mayApproveResetOf(p, facts))
    .map((p) => ({ login: p.login, name: p.name }));
}

/** The administrator asks for a reset. No key slot changes; an earlier unfinished reset is cancelled. */
export async function requestPasswordReset(session: Session, rawLogin: unknown): Promise<ResetRequestView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'person.resetRequest',
      details: { login: typeof rawLogin === 'string' ? rawLogin.slice(0, 64) : null },
      load: () => {
        const login = parseInput(loginSchema, rawLogin);
        const person = repo.findPersonByLogin(db, login);
        if (!person) throw new ArchiveError('person.notFound', { login });
        return person;
      },
      target: (person) => ({ reset: factsOf(person) }),
    },
    (ctx, target) => {
      ctx.setObject({ type: 'person', id: target.id });
      if (target.disabled) throw new ArchiveError('person.disabled', { login: target.login });
      const id = randomUUID();
      const at = session.archive.clock.now().toISOString();
      const approvers = approversOf(db, factsOf(target, session.actor.id));
      ctx.commit(
        () => {
          db.prepare("UPDATE password_resets SET state = 'cancelled' WHERE person_id = ? AND state IN ('requested', 'approved')").run(target.id);
          db.prepare("INSERT INTO password_resets (id, person_id, state, requested_by, requested_at) VALUES (?, ?, 'requested', ?, ?)").run(
            id,
            target.id,
            session.actor.id,
            at,
          );
        },
        { resetId: id, approvers: approvers.length },
      );
      return { id, login: target.login, name: target.name, requestedAt: at, approvers };
    },
  );
}

/** Resets waiting for the signed-in person's approval (only those they may approve). */
export async function pendingResets(session: Session): Promise<PendingResetView[]> {
  return session.perform({ action: 'person.resetPending' }, (ctx) => {
    const db = session.archive.db;
    const rows = db.prepare("SELECT * FROM password_resets WHERE state = 'requested' ORDER BY requested_at").all() as ResetRow[];
    const out: PendingResetView[] = [];
    for (const row of rows) {
      const person = repo.findPersonById(db, row.person_id);
      if (!person || !mayApproveResetOf(session.actor, factsOf(person, row.requested_by))) continue;
      out.push({
        id: row.id,
        login: person.login,
        name: person.name,
        department: person.department,
        requestedBy: nameOf(db, row.requested_by),
        requestedAt: row.requested_at,
      });
    }
    ctx.addDetails({ count: out.length });
    return out;
  });
}

/**
 * The second person approves: the owner's slot is replaced by one sealed under a new one-time code,
 * which is returned here and nowhere else (never journaled, never stored).
 */
export async function approvePasswordReset(session: Session, rawLogin: unknown): Promise<ApprovedResetView> {
  const archive = session.archive;
  const db = archive.db;
  return session.perform(
    {
      action: 'person.resetApprove',
      details: { login: typeof rawLogin === 'string' ? rawLogin.slice(0, 64) : null },
      load: () => {
        const login = parseInput(loginSchema, rawLogin);
        const person = repo.findPersonByLogin(db, login);
        if (!person) throw new ArchiveError('person.notFound', { login });
        const reset = openResetOf(db, person.id, 'requested');
        if (!reset) throw new ArchiveError('person.noResetRequested', { login: person.login });
        return { person, reset };
      },
      target: ({ person, reset }) => ({ reset: factsOf(person, reset.requested_by) }),
    },
    async (ctx, { person: target, reset: request }) => {
      ctx.setObject({ type: 'person', id: target.id });
      if (target.disabled) throw new ArchiveError('person.disabled', { login: target.login });
      const code = newRecoveryKey();
      const slot = await personSlot(archive, target.login, normaliseRecoveryKey(code));
      const at = archive.clock.now().toISOString();
      await withNewSlot(archive, slot, target.slotId, () =>
        ctx.commit(
          () => {
            db.prepare("UPDATE password_resets SET state = 'approved', approved_by = ?, approved_at = ?, slot_id = ? WHERE id = ?").run(
              session.actor.id,
              at,
              slot.id,
              request.id,
            );
            repo.setSlot(db, target.id, slot.id);
            // The owner's key was sealed to the slot this replaces, under a password they lost: a new
            // key, sealed to the code's slot and recorded here, signed by this second person (verify
            // accepts it only against an administrator's request). The owner reseals it at first use.
            ctx.addDetails({ signingKey: issuePersonKey(db, archive.archiveId, target.id, slot, archive.journal) });
          },
          { resetId: request.id, requestedBy: nameOf(db, request.requested_by) },
        ),
      );
      return { login: target.login, name: target.name, code, expiresAt: resetCodeExpiry(db, { approved_at: at }).expiresAt.toISOString() };
    },
  );
}

/** Whether a typed secret looks like a one-time code (eight groups of four), to retry it normalised. */
export function looksLikeResetCode(typed: string): boolean {
  return /^[0-9A-Za-z]{4}(?:[-\s]?[0-9A-Za-z]{4}){7}$/.test(typed.trim());
}

/**
 * First use of the code, at unlock: the owner's new password gets a fresh slot, the code's slot goes,
 * and the journal records it in the owner's name. Returns what the owner is told.
 */
export async function completeReset(
  archive: OpenArchive,
  person: repo.PersonRecord,
  reset: ResetRow,
  newPassword: string,
  code: { slot: Slot; pair: X25519Pair },
): Promise<ResetNotice> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) throw new ArchiveError('person.weakPassword', { min: MIN_PASSWORD_LENGTH });
  if (looksLikeResetCode(newPassword)) throw new ArchiveError('person.resetCodeAsPassword');
  const db = archive.db;
  const slot = await personSlot(archive, person.login, passwordBytes(newPassword));
  const notice: ResetNotice = {
    requestedBy: nameOf(db, reset.requested_by),
    requestedAt: reset.requested_at,
    approvedBy: nameOf(db, reset.approved_by),
    approvedAt: reset.approved_at ?? '',
  };
  const usedAt = archive.clock.now().toISOString();
  // The key the approver sealed to the code's slot (approvePasswordReset) goes to the new slot and
  // signs this session from here on, starting with this entry.
  const issued = openPersonSigner(db, archive.archiveId, person.id, code.slot, code.pair);
  await withNewSlot(archive, slot, person.slotId, () =>
    archive.journal.transaction(() => {
      db.prepare("UPDATE password_resets SET state = 'used', used_at = ? WHERE id = ?").run(usedAt, reset.id);
      repo.setSlot(db, person.id, slot.id);
      let signer = issued;
      let enrolled: Record<string, unknown> = {};
      if (signer) resealPersonKey(db, archive.archiveId, signer, slot);
      else {
        // Approved before approvals issued keys: a key of the owner's own, which verify cannot vouch for.
        const key = newPersonKey();
        storePersonKey(db, person.id, key.publicKey, slot.id, sealPersonKey(archive.archiveId, person.id, slot, key.privateKeyDer));
        signer = personSigner(person.id, key.publicKey, key.privateKeyDer);
        enrolled = { signingKey: keyRecord(person.id, key.publicKey) };
      }
      archive.attachSigner(signer);
      archive.journal.append({
        actor: { id: person.id, name: person.name, duty: null },
        event: 'person.resetUse',
        object: { type: 'person', id: person.id },
        outcome: 'ok',
        details: { resetId: reset.id, requestedBy: notice.requestedBy, approvedBy: notice.approvedBy, ...enrolled },
      });
    }),
  );
  return notice;
}

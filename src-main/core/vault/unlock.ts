/**
 * `unlock`: login and password → the person's slot → the database key → the open archive.
 *
 * Order matters for "a wrong password leaves every file byte-identical": nothing inside the
 * archive folder is opened for writing until the slot has accepted the password. A correct
 * password on a database that does not open is `vault.damaged`, never `wrongPassword`.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { syncFolder } from './files';
import { join } from 'node:path';
import { z } from 'zod';
import { passwordSchema } from '../../contract/people';
import { openDatabase, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { ArchiveError, toArchiveError } from '../errors';
import { findPersonByLogin, findPersonBySlot, toActor } from '../people/repository';
import { approvedResetOfSlot, assertResetCodeCurrent, completeReset } from '../people/resets';
import type { ResetNotice } from '../../contract/people';
import { can } from '../policy';
import { Session } from '../session';
import { parseInput } from '../validate';
import { acquireArchiveLock, type ArchiveLock } from './holder-lock';
import { DATABASE_FILE, KEYRING_FILE, NEXT_KEYRING_FILE, readKeyring, type Keyring, type Slot } from './keyring';
import { assertLocalFolder } from './network-folder';
import { JOURNALED_REFUSALS } from './refused-opens';
import { removeRekeyLeftovers } from './rekey-files';
import { OpenArchive, resolveOptions, type ArchiveOptions, type ResolvedOptions } from './open-archive';
import { loginLocator, type X25519Pair } from './seal';
import { unsealDatabaseKey } from './slots';
import { attachSessionSigner, checkArchivePlace } from './session-signer';
import { openLoginSlot } from './login-slot';

export const unlockInputSchema = z.object({
  folder: z.string().min(1),
  login: z.string().trim().min(1).max(64),
  password: passwordSchema,
  /** Only with a one-time reset code as the password: the owner's new password (issue 11, point 5). */
  newPassword: passwordSchema.optional(),
});
export type UnlockInput = z.input<typeof unlockInputSchema>;

export async function unlockArchive(raw: UnlockInput, options: ArchiveOptions = {}): Promise<Session> {
  const input = parseInput(unlockInputSchema, raw);
  const resolved = resolveOptions(options);
  let lock: ArchiveLock | null = null;
  try {
    lock = holdArchive(input.folder, resolved);
    return await unlockHeld(input, resolved, lock);
  } catch (error) {
    lock?.release();
    // After the answer: the note costs a login hash and an fsync, and the person waits for neither.
    setImmediate(() => noteRefusedOpen(input.folder, input.login, resolved, error));
    throw error;
  }
}

/** Keeps a refusal worth journaling on this workstation until the next unlock can write it. */
function noteRefusedOpen(folder: string, login: string, resolved: ResolvedOptions, error: unknown): void {
  const failure = toArchiveError(error);
  if (!JOURNALED_REFUSALS.has(failure.code)) return;
  try {
    const keyring = readKeyring(folder);
    const at = resolved.clock.now().toISOString();
    resolved.refusedOpens.record(keyring.archiveId, { at, code: failure.code, locator: loginLocator(login, keyring.locatorSalt), params: failure.params });
  } catch {
    // No keyring to name the archive, or no state folder: nothing to keep.
  }
}

/**
 * The checks every opener makes before anything else: an archive is there (so no lock file is
 * ever made in a stranger's folder), the folder is local, and no one else holds it.
 */
export function holdArchive(folder: string, resolved: ResolvedOptions): ArchiveLock {
  readKeyring(folder);
  assertLocalFolder(folder, resolved.fsTypeOf);
  return acquireArchiveLock(folder, { workstation: resolved.workstation, now: resolved.clock.now() });
}

async function unlockHeld(input: z.output<typeof unlockInputSchema>, resolved: ResolvedOptions, lock: ArchiveLock): Promise<Session> {
  // Read under the lock: whatever the last holder wrote is what counts.
  const keyring = readKeyring(input.folder);
  const locator = loginLocator(input.login, keyring.locatorSalt);
  const now = resolved.clock.now();
  const wait = resolved.throttle.secondsToWait(keyring.archiveId, locator, now);
  if (wait > 0) throw new ArchiveError('vault.throttled', { seconds: wait });

  // The same slot opening as a sign-in on the archive server (login-slot.ts).
  const opened = await openLoginSlot(keyring, input.login, input.password);
  const slot: Slot | undefined = opened?.slot;
  const pair: X25519Pair | null = opened?.pair ?? null;
  if (!slot || !pair) {
    resolved.throttle.recordFailure(keyring.archiveId, locator, now);
    throw new ArchiveError('vault.wrongPassword');
  }

  const { db, key, keyring: current } = openWithSlot(input.folder, keyring, slot, pair);
  try {
    migrate(db);
    const person = findPersonBySlot(db, slot.id) ?? findPersonByLogin(db, input.login);
    const archive = new OpenArchive(input.folder, db, key, current, resolved, lock);
    if (!person || person.slotId !== slot.id || person.login.toLowerCase() !== input.login.trim().toLowerCase()) {
      // A slot the database does not own (left by an interrupted change): treat as a wrong password.
      archive.close();
      resolved.throttle.recordFailure(keyring.archiveId, locator, now);
      throw new ArchiveError('vault.wrongPassword');
    }
    let passwordReset: ResetNotice | null = null;
    const reset = person.disabled ? null : approvedResetOfSlot(db, slot.id);
    if (reset) {
      try {
        assertResetCodeCurrent(db, reset, now);
      } catch (error) {
        // The right code, too late: journaled in the owner's name, and the slot stays as it is (a new
        // reset replaces it), so nothing else changes.
        archive.journal.append({
          actor: { id: person.id, name: person.name, duty: null },
          event: 'session.unlock',
          object: { type: 'person', id: person.id },
          outcome: 'denied',
          reason: 'person.resetCodeExpired',
          details: { resetId: reset.id },
        });
        archive.close();
        resolved.throttle.settle(keyring.archiveId, locator);
        throw error;
      }
      // The code opens nothing by itself: it only lets its owner set a new password, here.
      if (!input.newPassword) {
        archive.close();
        resolved.throttle.settle(keyring.archiveId, locator);
        throw new ArchiveError('vault.newPasswordRequired', { login: person.login });
      }
      try {
        passwordReset = await completeReset(archive, person, reset, input.newPassword, { slot, pair });
      } catch (error) {
        archive.close();
        throw error;
      }
    }
    const actor = toActor(person);
    journalPendingFailures(archive, resolved, db);
    const decision = can(actor, 'session.unlock');
    if (!decision.allowed) {
      archive.journal.append({
        actor: { id: actor.id, name: actor.name, duty: null },
        event: 'session.unlock',
        outcome: 'denied',
        reason: decision.reason,
      });
      archive.close();
      // A disabled account is told so by name; any other refusal by its reason.
      throw decision.reason === 'denied.disabled' ? new ArchiveError('person.disabled', { login: actor.login }) : new ArchiveError(decision.reason);
    }
    // A completed reset has already attached the owner's key, now sealed to their new slot.
    if (archive.journal.signer?.personId !== person.id) attachSessionSigner(archive, person, slot, pair);
    checkArchivePlace(archive, actor);
    archive.journal.append({
      actor: { id: actor.id, name: actor.name, duty: decision.duty },
      event: 'session.unlock',
      object: { type: 'person', id: actor.id },
      outcome: 'ok',
    });
    resolved.throttle.settle(keyring.archiveId, locator);
    const session = new Session(archive, actor);
    session.passwordReset = passwordReset;
    return session;
  } catch (error) {
    if (db.open) db.close();
    key.fill(0);
    throw error;
  } finally {
    pair.privateKey.fill(0);
  }
}

/**
 * Opens the database with the key this slot unseals. If a rekey was interrupted, the database may
 * already be under the key in `keyring.next.json`: try that, and finish the rekey by promoting it.
 */
export function openWithSlot(folder: string, keyring: Keyring, slot: Slot, pair: X25519Pair): { db: Db; key: Buffer; keyring: Keyring } {
  const dbPath = join(folder, DATABASE_FILE);
  if (!existsSync(dbPath)) throw new ArchiveError('vault.damaged');
  const attempt = (ring: Keyring): { db: Db; key: Buffer } | null => {
    const ringSlot = ring.slots.find((s) => s.id === slot.id);
    const key = ringSlot ? unsealDatabaseKey(ring.archiveId, ring.epoch, ringSlot, pair) : null;
    if (!key) return null;
    try {
      return { db: openDatabase(dbPath, key), key };
    } catch (error) {
      key.fill(0);
      if (error instanceof ArchiveError && error.code === 'vault.damaged') return null;
      throw error;
    }
  };
  const nextPath = join(folder, NEXT_KEYRING_FILE);
  const opened = attempt(keyring);
  if (opened) {
    // The rekey never reached the database: its next keyring and half-made copy are void.
    if (existsSync(nextPath)) rmSync(nextPath, { force: true });
    removeRekeyLeftovers(folder);
    return { ...opened, keyring };
  }
  if (existsSync(nextPath)) {
    let next: Keyring | null;
    try {
      next = readKeyring(folder, NEXT_KEYRING_FILE);
    } catch {
      next = null;
    }
    const reopened = next && next.archiveId === keyring.archiveId ? attempt(next) : null;
    if (reopened && next) {
      // Finish the interrupted rekey: rename makes the next keyring current in one step.
      renameSync(nextPath, join(folder, KEYRING_FILE));
      syncFolder(folder);
      removeRekeyLeftovers(folder);
      return { ...reopened, keyring: next };
    }
  }
  throw new ArchiveError('vault.damaged');
}

/** Failed attempts on this workstation since the last unlock become journal entries now. */
function journalPendingFailures(archive: OpenArchive, resolved: ResolvedOptions, db: Db): void {
  journalRefusedOpens(archive, resolved, db);
  const pending = resolved.throttle.pending(archive.archiveId);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const failure of pending) {
      const slot = archive.keyring.slots.find((s) => s.locator === failure.locator);
      const person = slot ? findPersonBySlot(db, slot.id) : null;
      archive.journal.append({
        actor: { id: person?.id ?? null, name: person?.name ?? null, duty: null },
        event: 'session.unlock',
        object: person ? { type: 'person', id: person.id } : null,
        outcome: 'denied',
        reason: 'vault.wrongPassword',
        details: { attemptedAt: failure.at, knownLogin: Boolean(person) },
      });
    }
  })();
}

/** Opens refused on this workstation (in use, read-only, disk full, I/O error, damaged) since the last unlock. */
function journalRefusedOpens(archive: OpenArchive, resolved: ResolvedOptions, db: Db): void {
  const pending = resolved.refusedOpens.pending(archive.archiveId);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const refusal of pending) {
      const slot = refusal.locator ? archive.keyring.slots.find((s) => s.locator === refusal.locator) : undefined;
      const person = slot ? findPersonBySlot(db, slot.id) : null;
      archive.journal.append({
        actor: { id: person?.id ?? null, name: person?.name ?? null, duty: null },
        event: 'session.unlock',
        object: person ? { type: 'person', id: person.id } : null,
        outcome: 'error',
        reason: refusal.code,
        details: { ...refusal.params, attemptedAt: refusal.at, knownLogin: Boolean(person) },
      });
    }
  })();
  resolved.refusedOpens.clear(archive.archiveId);
}

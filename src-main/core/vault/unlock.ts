/**
 * `unlock`: login and password → the person's slot → the database key → the open archive.
 *
 * Order matters for "a wrong password leaves every file byte-identical": nothing inside the
 * archive folder is opened for writing until the slot has accepted the password. A correct
 * password on a database that does not open is `vault.damaged`, never `wrongPassword`.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { passwordSchema } from '../../contract/people';
import { openDatabase, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { ArchiveError } from '../errors';
import { findPersonByLogin, findPersonBySlot, toActor } from '../people/repository';
import { Session } from '../session';
import { parseInput } from '../validate';
import { deriveKey, KDF_FLOOR } from './kdf';
import { DATABASE_FILE, KEYRING_FILE, NEXT_KEYRING_FILE, readKeyring, type Keyring, type Slot } from './keyring';
import { OpenArchive, resolveOptions, type ArchiveOptions, type ResolvedOptions } from './open-archive';
import { passwordBytes } from './password';
import { loginLocator, type X25519Pair } from './seal';
import { openSlotPair, unsealDatabaseKey } from './slots';
import { attachSessionSigner, checkArchivePlace } from './session-signer';

export const unlockInputSchema = z.object({
  folder: z.string().min(1),
  login: z.string().trim().min(1).max(64),
  password: passwordSchema,
});
export type UnlockInput = z.input<typeof unlockInputSchema>;

export async function unlockArchive(raw: UnlockInput, options: ArchiveOptions = {}): Promise<Session> {
  const input = parseInput(unlockInputSchema, raw);
  const resolved = resolveOptions(options);
  const keyring = readKeyring(input.folder);
  const locator = loginLocator(input.login, keyring.locatorSalt);
  const now = resolved.clock.now();
  const wait = resolved.throttle.secondsToWait(keyring.archiveId, locator, now);
  if (wait > 0) throw new ArchiveError('vault.throttled', { seconds: wait });

  const slot = keyring.slots.find((s) => s.kind === 'person' && s.locator === locator);
  const secret = passwordBytes(input.password);
  let pair: X25519Pair | null = null;
  try {
    if (slot) pair = await openSlotPair(keyring.archiveId, slot, secret);
    // An unknown login costs the same as a wrong password, so timing does not tell which it was.
    else await deriveKey(secret, { alg: 'argon2id', ...KDF_FLOOR, salt: keyring.locatorSalt.padEnd(24, '=').slice(0, 24) });
  } finally {
    secret.fill(0);
  }
  if (!slot || !pair) {
    resolved.throttle.recordFailure(keyring.archiveId, locator, now);
    throw new ArchiveError('vault.wrongPassword');
  }

  const { db, key, keyring: current } = openWithSlot(input.folder, keyring, slot, pair);
  try {
    migrate(db);
    const person = findPersonBySlot(db, slot.id) ?? findPersonByLogin(db, input.login);
    const archive = new OpenArchive(input.folder, db, key, current, resolved);
    if (!person || person.slotId !== slot.id || person.login.toLowerCase() !== input.login.trim().toLowerCase()) {
      // A slot the database does not own (left by an interrupted change): treat as a wrong password.
      archive.close();
      resolved.throttle.recordFailure(keyring.archiveId, locator, now);
      throw new ArchiveError('vault.wrongPassword');
    }
    const actor = toActor(person);
    journalPendingFailures(archive, resolved, db);
    if (actor.disabled) {
      archive.journal.append({
        actor: { id: actor.id, name: actor.name, duty: null },
        event: 'session.unlock',
        outcome: 'denied',
        reason: 'denied.disabled',
      });
      archive.close();
      throw new ArchiveError('person.disabled', { login: actor.login });
    }
    attachSessionSigner(archive, person, slot, pair);
    checkArchivePlace(archive, actor);
    archive.journal.append({
      actor: { id: actor.id, name: actor.name, duty: null },
      event: 'session.unlock',
      object: { type: 'person', id: actor.id },
      outcome: 'ok',
    });
    resolved.throttle.settle(keyring.archiveId, locator);
    return new Session(archive, actor);
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
function openWithSlot(folder: string, keyring: Keyring, slot: Slot, pair: X25519Pair): { db: Db; key: Buffer; keyring: Keyring } {
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
    // The rekey never reached the database: its half-written next keyring is void.
    if (existsSync(nextPath)) rmSync(nextPath, { force: true });
    return { ...opened, keyring };
  }
  if (existsSync(nextPath)) {
    let next: Keyring | null = null;
    try {
      next = readKeyring(folder, NEXT_KEYRING_FILE);
    } catch {
      next = null;
    }
    const reopened = next && next.archiveId === keyring.archiveId ? attempt(next) : null;
    if (reopened && next) {
      // Finish the interrupted rekey: rename makes the next keyring current in one step.
      renameSync(nextPath, join(folder, KEYRING_FILE));
      return { ...reopened, keyring: next };
    }
  }
  throw new ArchiveError('vault.damaged');
}

/** Failed attempts on this workstation since the last unlock become journal entries now. */
function journalPendingFailures(archive: OpenArchive, resolved: ResolvedOptions, db: Db): void {
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

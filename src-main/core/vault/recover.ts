/**
 * The recovery key (shown once at init, kept in a safe) sets a new password for an
 * administrator who has lost theirs. It opens the recovery slot, never a session of its own:
 * the result is an ordinary unlocked session of that administrator, and the journal says how.
 */
import { z } from 'zod';
import { loginSchema, MIN_PASSWORD_LENGTH, passwordSchema } from '../../contract/people';
import { migrate } from '../db/migrate';
import { ArchiveError } from '../errors';
import { findPersonByLogin, setSlot, toActor } from '../people/repository';
import { can } from '../policy';
import { deny } from '../policy/decision';
import { Session } from '../session';
import { parseInput } from '../validate';
import type { ArchiveLock } from './holder-lock';
import { readKeyring } from './keyring';
import { OpenArchive, resolveOptions, type ArchiveOptions, type ResolvedOptions } from './open-archive';
import { passwordBytes } from './password';
import { loginLocator } from './seal';
import { createSlot, normaliseRecoveryKey, openSlotPair } from './slots';
import { holdArchive, openWithSlot } from './unlock';
import { recoveryMessage, type PersonSigner } from '../journal/person-signatures';
import { keyRecord, newPersonKey, openRecoverySigner, personSigner, sealPersonKey, storePersonKey } from './signing-keys';

export const recoverInputSchema = z.object({
  folder: z.string().min(1),
  recoveryKey: z.string().min(1).max(200),
  login: loginSchema,
  newPassword: passwordSchema,
});

export async function recoverWithKey(raw: z.input<typeof recoverInputSchema>, options: ArchiveOptions = {}): Promise<Session> {
  const input = parseInput(recoverInputSchema, raw);
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw new ArchiveError('person.weakPassword', { min: MIN_PASSWORD_LENGTH });
  const resolved = resolveOptions(options);
  const lock = holdArchive(input.folder, resolved);
  try {
    return await recoverHeld(input, resolved, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function recoverHeld(input: z.output<typeof recoverInputSchema>, resolved: ResolvedOptions, lock: ArchiveLock): Promise<Session> {
  const keyring = readKeyring(input.folder);
  const slot = keyring.slots.find((s) => s.kind === 'recovery');
  const locator = 'recovery-key';
  const now = resolved.clock.now();
  const wait = resolved.throttle.secondsToWait(keyring.archiveId, locator, now);
  if (wait > 0) throw new ArchiveError('vault.throttled', { seconds: wait });
  const secret = normaliseRecoveryKey(input.recoveryKey);
  const pair = slot ? await openSlotPair(keyring.archiveId, slot, secret) : null;
  secret.fill(0);
  if (!slot || !pair) {
    resolved.throttle.recordFailure(keyring.archiveId, locator, now);
    throw new ArchiveError('vault.wrongPassword');
  }
  // The same open as unlock, so a rekey interrupted between its two renames is finished here too.
  let archive: OpenArchive;
  let recoverySigner: PersonSigner | null;
  try {
    const opened = openWithSlot(input.folder, keyring, slot, pair);
    const { db, key } = opened;
    try {
      migrate(db);
      recoverySigner = openRecoverySigner(db, opened.keyring.archiveId, slot, pair);
      archive = new OpenArchive(input.folder, db, key, opened.keyring, resolved, lock);
    } catch (error) {
      if (db.open) db.close();
      key.fill(0);
      throw error;
    }
  } finally {
    pair.privateKey.fill(0);
  }
  const db = archive.db;
  const current = archive.keyring;
  const person = findPersonByLogin(db, input.login);
  // Nobody by that login is no administrator either.
  const decision = person ? can(toActor(person), 'vault.recover') : deny('denied.notAdmin');
  if (!person || !decision.allowed) {
    const reason = decision.allowed ? 'denied.notAdmin' : decision.reason;
    archive.journal.append({
      actor: { id: person?.id ?? null, name: person?.name ?? null, duty: null },
      event: 'vault.recover',
      outcome: 'denied',
      reason,
      details: { login: input.login },
    });
    recoverySigner?.privateKeyDer.fill(0);
    archive.close();
    throw new ArchiveError(reason);
  }
  const newSlot = await createSlot(
    {
      archiveId: current.archiveId,
      epoch: current.epoch,
      kind: 'person',
      locator: loginLocator(person.login, current.locatorSalt),
      cost: await archive.kdfCost(),
    },
    passwordBytes(input.newPassword),
    archive.databaseKey,
  );
  // New slot first, database second, old slot last: killed at any point, either password's slot
  // is the one the database names, so the administrator is never left without one.
  archive.saveKeyring({ ...archive.keyring, slots: [...archive.keyring.slots, newSlot] });
  // The administrator's old signing key was sealed to the lost slot: a new one, vouched for by the recovery key.
  const personKey = newPersonKey();
  archive.journal.transaction(() => {
    setSlot(db, person.id, newSlot.id);
    storePersonKey(db, person.id, personKey.publicKey, newSlot.id, sealPersonKey(keyring.archiveId, person.id, newSlot, personKey.privateKeyDer));
    archive.attachSigner(personSigner(person.id, personKey.publicKey, personKey.privateKeyDer));
    const record = keyRecord(person.id, personKey.publicKey);
    const proof = recoverySigner?.sign(recoveryMessage(keyring.archiveId, person.id, record.publicKey, archive.journal.head().hash)) ?? null;
    archive.journal.append({
      actor: { id: person.id, name: person.name, duty: decision.duty },
      event: 'vault.recover',
      object: { type: 'person', id: person.id },
      outcome: 'ok',
      details: { login: person.login, via: 'recovery-key', signingKey: record, recoveryProof: proof },
    });
  });
  recoverySigner?.privateKeyDer.fill(0);
  if (person.slotId && archive.keyring.slots.some((s) => s.id === person.slotId)) {
    archive.saveKeyring({ ...archive.keyring, slots: archive.keyring.slots.filter((s) => s.id !== person.slotId) });
  }
  resolved.throttle.settle(keyring.archiveId, locator);
  return new Session(archive, toActor(person));
}

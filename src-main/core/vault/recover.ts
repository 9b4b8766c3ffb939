/**
 * The recovery key (shown once at init, kept in a safe) sets a new password for an
 * administrator who has lost theirs. It opens the recovery slot, never a session of its own:
 * the result is an ordinary unlocked session of that administrator, and the journal says how.
 */
import { z } from 'zod';
import { loginSchema, MIN_PASSWORD_LENGTH, passwordSchema } from '../../contract/people';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { ArchiveError } from '../errors';
import { findPersonByLogin, setSlot, toActor } from '../people/repository';
import { Session } from '../session';
import { parseInput } from '../validate';
import { DATABASE_FILE, readKeyring } from './keyring';
import { join } from 'node:path';
import { OpenArchive, resolveOptions, type ArchiveOptions } from './open-archive';
import { passwordBytes } from './password';
import { loginLocator } from './seal';
import { createSlot, normaliseRecoveryKey, openSlotPair, unsealDatabaseKey } from './slots';
import { recoveryMessage } from '../journal/person-signatures';
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
  const key = unsealDatabaseKey(keyring.archiveId, keyring.epoch, slot, pair);
  if (!key) {
    pair.privateKey.fill(0);
    throw new ArchiveError('vault.damaged');
  }
  const db = openDatabase(join(input.folder, DATABASE_FILE), key);
  migrate(db);
  const recoverySigner = openRecoverySigner(db, keyring.archiveId, slot, pair);
  pair.privateKey.fill(0);
  const archive = new OpenArchive(input.folder, db, key, keyring, resolved);
  const person = findPersonByLogin(db, input.login);
  if (!person || person.disabled || !person.duties.includes('admin')) {
    archive.journal.append({
      actor: { id: person?.id ?? null, name: person?.name ?? null, duty: null },
      event: 'vault.recover',
      outcome: 'denied',
      reason: 'denied.notAdmin',
      details: { login: input.login },
    });
    archive.close();
    throw new ArchiveError('denied.notAdmin');
  }
  const newSlot = await createSlot(
    { archiveId: keyring.archiveId, epoch: keyring.epoch, kind: 'person', locator: loginLocator(person.login, keyring.locatorSalt), cost: await archive.kdfCost() },
    passwordBytes(input.newPassword),
    archive.databaseKey,
  );
  archive.saveKeyring({ ...keyring, slots: [...keyring.slots.filter((s) => s.id !== person.slotId), newSlot] });
  // The administrator's old signing key was sealed to the lost slot: a new one, vouched for by the recovery key.
  const personKey = newPersonKey();
  archive.journal.transaction(() => {
    setSlot(db, person.id, newSlot.id);
    storePersonKey(db, person.id, personKey.publicKey, newSlot.id, sealPersonKey(keyring.archiveId, person.id, newSlot, personKey.privateKeyDer));
    archive.attachSigner(personSigner(person.id, personKey.publicKey, personKey.privateKeyDer));
    const record = keyRecord(person.id, personKey.publicKey);
    const proof = recoverySigner?.sign(recoveryMessage(keyring.archiveId, person.id, record.publicKey, archive.journal.head().hash)) ?? null;
    archive.journal.append({
      actor: { id: person.id, name: person.name, duty: 'admin' },
      event: 'vault.recover',
      object: { type: 'person', id: person.id },
      outcome: 'ok',
      details: { login: person.login, via: 'recovery-key', signingKey: record, recoveryProof: proof },
    });
  });
  recoverySigner?.privateKeyDer.fill(0);
  resolved.throttle.settle(keyring.archiveId, locator);
  return new Session(archive, toActor(person));
}

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
import { can } from '../policy';
import { deny } from '../policy/decision';
import { Session } from '../session';
import { parseInput } from '../validate';
import { DATABASE_FILE, readKeyring } from './keyring';
import { join } from 'node:path';
import { OpenArchive, resolveOptions, type ArchiveOptions } from './open-archive';
import { passwordBytes } from './password';
import { loginLocator } from './seal';
import { createSlot, normaliseRecoveryKey, openSlotPair, unsealDatabaseKey } from './slots';

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
  pair.privateKey.fill(0);
  if (!key) throw new ArchiveError('vault.damaged');
  const db = openDatabase(join(input.folder, DATABASE_FILE), key);
  migrate(db);
  const archive = new OpenArchive(input.folder, db, key, keyring, resolved);
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
    archive.close();
    throw new ArchiveError(reason);
  }
  const newSlot = await createSlot(
    { archiveId: keyring.archiveId, epoch: keyring.epoch, kind: 'person', locator: loginLocator(person.login, keyring.locatorSalt), cost: await archive.kdfCost() },
    passwordBytes(input.newPassword),
    archive.databaseKey,
  );
  archive.saveKeyring({ ...keyring, slots: [...keyring.slots.filter((s) => s.id !== person.slotId), newSlot] });
  archive.db.transaction(() => {
    setSlot(db, person.id, newSlot.id);
    archive.journal.append({
      actor: { id: person.id, name: person.name, duty: decision.duty },
      event: 'vault.recover',
      object: { type: 'person', id: person.id },
      outcome: 'ok',
      details: { login: person.login, via: 'recovery-key' },
    });
  })();
  resolved.throttle.settle(keyring.archiveId, locator);
  return new Session(archive, toActor(person));
}

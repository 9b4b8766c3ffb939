/**
 * Sign-in on the archive server: the password is checked by opening the person's own key slot
 * (argon2id), exactly as a local unlock would, so there is no second password store. The slot's
 * key must unseal the very database key the server holds; nothing of it leaves this function.
 * Back-off per login is the server's (its own state folder); every refusal is journaled at once,
 * since the journal is open.
 */
import { timingSafeEqual } from 'node:crypto';
import { ArchiveError } from '../../core/errors';
import { findPersonBySlot, toActor } from '../../core/people/repository';
import type { Throttle } from '../../core/vault/throttle';
import { deriveKey, KDF_FLOOR } from '../../core/vault/kdf';
import type { OpenArchive } from '../../core/vault/open-archive';
import { passwordBytes } from '../../core/vault/password';
import { loginLocator, type X25519Pair } from '../../core/vault/seal';
import { openSlotPair, unsealDatabaseKey } from '../../core/vault/slots';
import { RemoteSession, type RemoteOrigin } from './remote-session';

export interface SignInInput {
  login: string;
  password: string;
}

/** Runs one key derivation; the server passes a gate so a burst of sign-ins cannot take every core. */
export type KdfRunner = <T>(derive: () => Promise<T>) => Promise<T>;

export async function signIn(
  archive: OpenArchive,
  throttle: Throttle,
  input: SignInInput,
  origin: RemoteOrigin,
  runKdf: KdfRunner = (derive) => derive(),
): Promise<RemoteSession> {
  archive.assertOpen();
  const keyring = archive.keyring;
  const locator = loginLocator(input.login, keyring.locatorSalt);
  const now = archive.clock.now();
  const remote = { address: origin.address, reported: origin.reported };
  const slot = keyring.slots.find((s) => s.kind === 'person' && s.locator === locator);
  const known = slot ? findPersonBySlot(archive.db, slot.id) : null;
  const refuse = (reason: 'vault.wrongPassword' | 'vault.throttled' | 'denied.disabled', extra: Record<string, unknown> = {}) => {
    archive.journal.append({
      actor: { id: known?.id ?? null, name: known?.name ?? null, duty: null },
      event: 'session.unlock',
      object: known ? { type: 'person', id: known.id } : null,
      outcome: 'denied',
      reason,
      details: { knownLogin: Boolean(known), remote, ...extra },
    });
  };

  const wait = throttle.secondsToWait(archive.archiveId, locator, now);
  if (wait > 0) {
    refuse('vault.throttled', { seconds: wait });
    throw new ArchiveError('vault.throttled', { seconds: wait });
  }

  const secret = passwordBytes(input.password);
  let pair: X25519Pair | null = null;
  try {
    if (slot) pair = await runKdf(() => openSlotPair(keyring.archiveId, slot, secret));
    // An unknown login costs the same as a wrong password, so timing does not tell which it was.
    else await runKdf(() => deriveKey(secret, { alg: 'argon2id', ...KDF_FLOOR, salt: keyring.locatorSalt.padEnd(24, '=').slice(0, 24) }));
  } finally {
    secret.fill(0);
  }
  archive.assertOpen();
  let matches = false;
  if (slot && pair) {
    const key = unsealDatabaseKey(keyring.archiveId, keyring.epoch, slot, pair);
    pair.privateKey.fill(0);
    const held = archive.databaseKey;
    matches = key !== null && key.length === held.length && timingSafeEqual(key, held);
    key?.fill(0);
  }
  const person = slot && matches ? findPersonBySlot(archive.db, slot.id) : null;
  if (!person || person.login.toLowerCase() !== input.login.trim().toLowerCase()) {
    throttle.recordFailure(archive.archiveId, locator, now);
    refuse('vault.wrongPassword');
    throw new ArchiveError('vault.wrongPassword');
  }
  const actor = toActor(person);
  if (actor.disabled) {
    refuse('denied.disabled');
    throw new ArchiveError('person.disabled', { login: actor.login });
  }
  archive.journal.append({
    actor: { id: actor.id, name: actor.name, duty: null },
    event: 'session.unlock',
    object: { type: 'person', id: actor.id },
    outcome: 'ok',
    details: { remote },
  });
  throttle.settle(archive.archiveId, locator);
  return new RemoteSession(archive, actor, origin);
}

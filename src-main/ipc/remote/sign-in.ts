/**
 * Sign-in on the archive server: the password is checked by opening the person's own key slot
 * (argon2id), exactly as a local unlock would, so there is no second password store. The slot's
 * key must unseal the very database key the server holds; nothing of it leaves this function.
 * Back-off per login is the server's (its own state folder); every refusal is journaled at once,
 * since the journal is open. A signed-in person's own signing key, opened from the same slot, signs
 * their session's entries and checkpoints; it is forgotten when their last session here ends.
 */
import { timingSafeEqual } from 'node:crypto';
import { ArchiveError } from '../../core/errors';
import { findPersonBySlot, toActor } from '../../core/people/repository';
import type { Throttle } from '../../core/vault/throttle';
import type { OpenArchive } from '../../core/vault/open-archive';
import type { X25519Pair } from '../../core/vault/seal';
import { unsealDatabaseKey } from '../../core/vault/slots';
import { openLoginSlot } from '../../core/vault/login-slot';
import { attachSessionSigner } from '../../core/vault/session-signer';
import { approvedResetOfSlot, assertResetCodeCurrent } from '../../core/people/resets';
import { RemoteSession, type RemoteOrigin } from './remote-session';
import { HASH_HERE, type PasswordHasher } from './password-check';

export interface SignInInput {
  login: string;
  password: string;
}

export async function signIn(
  archive: OpenArchive,
  throttle: Throttle,
  input: SignInInput,
  origin: RemoteOrigin,
  hasher: PasswordHasher = HASH_HERE,
): Promise<RemoteSession> {
  archive.assertOpen();
  const keyring = archive.keyring;
  // scrypt (16 MiB) off the thread that answers every workstation: the server's hasher is its
  // low-priority password-check process, behind a gate (password-check.ts, server.ts).
  const locator = await hasher.locator(input.login, keyring.locatorSalt);
  archive.assertOpen();
  const now = archive.clock.now();
  const remote = { address: origin.address, reported: origin.reported };
  const known =
    keyring.slots
      .filter((s) => s.kind === 'person' && s.locator === locator)
      .map((s) => findPersonBySlot(archive.db, s.id))
      .find((p) => p !== null) ?? null;
  // Written by the server, in no one's session: never signed, even when that person is signed in elsewhere.
  const refuse = (
    who: { id: string; name: string } | null,
    reason: 'vault.wrongPassword' | 'vault.throttled' | 'denied.disabled' | 'vault.newPasswordRequired' | 'person.resetCodeExpired',
    extra: Record<string, unknown> = {},
  ) => {
    archive.journal.append({
      actor: { id: who?.id ?? null, name: who?.name ?? null, duty: null },
      event: 'session.unlock',
      object: who ? { type: 'person', id: who.id } : null,
      outcome: 'denied',
      reason,
      details: { knownLogin: Boolean(who), remote, ...extra },
      sessionless: true,
    });
  };

  const wait = throttle.secondsToWait(archive.archiveId, locator, now);
  if (wait > 0) {
    refuse(known, 'vault.throttled', { seconds: wait });
    throw new ArchiveError('vault.throttled', { seconds: wait });
  }

  // The same slot opening as a local unlock: every slot of the login, newest first; only argon2id
  // runs in the hasher, the slot itself is opened here.
  const opened = await openLoginSlot(keyring, input.login, input.password, locator, hasher.derive);
  const slot = opened?.slot;
  const pair: X25519Pair | null = opened?.pair ?? null;
  try {
    archive.assertOpen();
    let matches = false;
    if (slot && pair) {
      const key = unsealDatabaseKey(keyring.archiveId, keyring.epoch, slot, pair);
      const held = archive.databaseKey;
      matches = key !== null && key.length === held.length && timingSafeEqual(key, held);
      key?.fill(0);
    }
    const person = slot && matches ? findPersonBySlot(archive.db, slot.id) : null;
    if (!slot || !pair || !person || person.login.toLowerCase() !== input.login.trim().toLowerCase()) {
      throttle.recordFailure(archive.archiveId, locator, now);
      refuse(known, 'vault.wrongPassword');
      throw new ArchiveError('vault.wrongPassword');
    }
    const actor = toActor(person);
    if (actor.disabled) {
      refuse(person, 'denied.disabled');
      throw new ArchiveError('person.disabled', { login: actor.login });
    }
    // A one-time reset code opens nothing by itself: its owner sets a new password at a local unlock.
    const reset = approvedResetOfSlot(archive.db, slot.id);
    if (reset) {
      throttle.settle(archive.archiveId, locator);
      try {
        assertResetCodeCurrent(archive.db, reset, now);
      } catch (error) {
        refuse(person, 'person.resetCodeExpired', { resetId: reset.id });
        throw error;
      }
      refuse(person, 'vault.newPasswordRequired');
      throw new ArchiveError('vault.newPasswordRequired', { login: person.login });
    }
    // This person's own key signs what their session writes, from the entry below on; the server's
    // other sessions keep theirs (journal.ts). Enrols a key for a person who has none yet.
    attachSessionSigner(archive, person, slot, pair);
    archive.journal.append({
      actor: { id: actor.id, name: actor.name, duty: null },
      event: 'session.unlock',
      object: { type: 'person', id: actor.id },
      outcome: 'ok',
      details: { remote },
    });
    throttle.settle(archive.archiveId, locator);
    return new RemoteSession(archive, actor, origin);
  } finally {
    pair?.privateKey.fill(0);
  }
}

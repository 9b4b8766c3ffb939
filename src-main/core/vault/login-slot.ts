/**
 * The one way a login and password open a person's key slot, for a local unlock and for a sign-in
 * on the archive server alike: every slot of the login is tried, newest first (a password change
 * killed between its steps leaves two), a one-time reset code may be typed in any case, and an
 * unknown login costs the same argon2id as a wrong password so timing does not tell which it was.
 */
import { looksLikeResetCode } from '../people/resets';
import { deriveKey, KDF_FLOOR, type DeriveKey } from './kdf';
import type { Keyring, Slot } from './keyring';
import { passwordBytes } from './password';
import { loginLocator, type X25519Pair } from './seal';
import { normaliseRecoveryKey, openSlotPair } from './slots';

/**
 * The opened slot and its key pair (the caller zeroes `pair.privateKey`), or null for a wrong password.
 * `locator`: the login's locator when the caller has worked it out already (the server, off its thread).
 * `derive`: where argon2id runs (the server's password-check process); here unless given.
 */
export async function openLoginSlot(
  keyring: Keyring,
  login: string,
  password: string,
  locator: string = loginLocator(login, keyring.locatorSalt),
  derive: DeriveKey = deriveKey,
): Promise<{ slot: Slot; pair: X25519Pair } | null> {
  const candidates = keyring.slots.filter((s) => s.kind === 'person' && s.locator === locator).reverse();
  const secret = passwordBytes(password);
  try {
    for (const candidate of candidates) {
      let pair = await openSlotPair(keyring.archiveId, candidate, secret, derive);
      if (!pair && looksLikeResetCode(password)) {
        const code = normaliseRecoveryKey(password);
        try {
          pair = await openSlotPair(keyring.archiveId, candidate, code, derive);
        } finally {
          code.fill(0);
        }
      }
      if (pair) return { slot: candidate, pair };
    }
    if (candidates.length === 0) {
      // As long as a person's slot would take here (the newest one's cost; its reset-code try too),
      // so the time of a refusal does not say whether the login exists.
      const model = keyring.slots.filter((s) => s.kind === 'person').at(-1)?.kdf;
      const cost = model ? { memoryKiB: model.memoryKiB, passes: model.passes, parallelism: model.parallelism } : KDF_FLOOR;
      const decoy = { alg: 'argon2id' as const, ...cost, salt: keyring.locatorSalt.padEnd(24, '=').slice(0, 24) };
      for (let i = looksLikeResetCode(password) ? 2 : 1; i > 0; i--) (await derive(secret, decoy)).fill(0);
    }
    return null;
  } finally {
    secret.fill(0);
  }
}

/**
 * The small cryptographic pieces of the keyring, all from node:crypto:
 * - AES-256-GCM with associated data (binds a ciphertext to its archive and slot),
 * - sealing to an X25519 public key (ephemeral-static ECDH → HKDF-SHA256 → AES-256-GCM),
 *   so `rekey` can wrap a new database key for every slot without knowing anyone's password,
 * - the scrypt login locator, so the keyring can find a slot without naming its owner.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const boxSchema = z.object({ nonce: b64, data: b64 });
export type Box = z.infer<typeof boxSchema>;
export const sealedSchema = boxSchema.extend({ ephemeral: b64 });
export type Sealed = z.infer<typeof sealedSchema>;

const TAG_BYTES = 16;

export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Box {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), data: data.toString('base64') };
}

/** Returns null when the key is wrong or anything was altered (the tag does not verify). */
export function decrypt(key: Buffer, box: Box, aad: string): Buffer | null {
  const nonce = Buffer.from(box.nonce, 'base64');
  const data = Buffer.from(box.data, 'base64');
  if (nonce.length !== 12 || data.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export interface X25519Pair {
  publicKey: Buffer;
  privateKey: Buffer;
}

export function newX25519Pair(): X25519Pair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'),
    privateKey: Buffer.from(jwk.d as string, 'base64url'),
  };
}

function x25519Public(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function x25519Private(raw: Buffer, publicRaw: Buffer): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', x: publicRaw.toString('base64url'), d: raw.toString('base64url') },
    format: 'jwk',
  });
}

function sealKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'triplicate-seal-v1', 32));
}

export function sealTo(recipientPublic: Buffer, plaintext: Buffer, aad: string): Sealed {
  const eph = newX25519Pair();
  const shared = diffieHellman({
    privateKey: x25519Private(eph.privateKey, eph.publicKey),
    publicKey: x25519Public(recipientPublic),
  });
  const key = sealKey(shared, eph.publicKey, recipientPublic);
  try {
    return { ephemeral: eph.publicKey.toString('base64'), ...encrypt(key, plaintext, aad) };
  } finally {
    key.fill(0);
    shared.fill(0);
    eph.privateKey.fill(0);
  }
}

export function openSealed(pair: X25519Pair, sealed: Sealed, aad: string): Buffer | null {
  const ephemeral = Buffer.from(sealed.ephemeral, 'base64');
  if (ephemeral.length !== 32) return null;
  const shared = diffieHellman({
    privateKey: x25519Private(pair.privateKey, pair.publicKey),
    publicKey: x25519Public(ephemeral),
  });
  const key = sealKey(shared, ephemeral, pair.publicKey);
  try {
    return decrypt(key, sealed, aad);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

const LOCATOR_COST = { N: 1 << 14, r: 8, p: 1 };

/**
 * A slot's locator: scrypt over the normalised login with the keyring's salt. The keyring stays free
 * of logins, and guessing them back costs a memory-hard hash each (N=2^14, r=8: 16 MiB).
 */
export function loginLocator(login: string, saltB64: string): string {
  return scryptSync(login.trim().toLowerCase().normalize('NFC'), Buffer.from(saltB64, 'base64'), 32, LOCATOR_COST).toString('hex');
}

/**
 * The same locator, worked out on libuv's pool: the archive server's one thread answers everyone,
 * and a synchronous scrypt per sign-in held all of them for its whole length.
 */
export function loginLocatorAsync(login: string, saltB64: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(login.trim().toLowerCase().normalize('NFC'), Buffer.from(saltB64, 'base64'), 32, LOCATOR_COST, (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    ),
  );
}

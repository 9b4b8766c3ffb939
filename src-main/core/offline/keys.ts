/**
 * The package's keys, all node:crypto plus argon2id from vault/kdf.ts:
 * - package key: 32 random bytes; encrypts the payload (AES-256-GCM, vault/seal.ts `encrypt`);
 * - passphrase key: argon2id (RFC 9106) of the borrower's passphrase with the archive's calibrated
 *   cost, never below 64 MiB and 3 passes; wraps the package key;
 * - log key: HKDF-SHA256 of the package key; MACs the reading log. The archive keeps a copy so it
 *   can verify a returned log without the passphrase; it cannot be turned back into the package key.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { ArchiveError } from '../errors';
import { deriveKey, type KdfCost, type KdfParams } from '../vault/kdf';
import { decrypt, encrypt, type Box } from '../vault/seal';
import { wrapAad } from './package-file';

export function newPackageKey(): Buffer {
  return randomBytes(32);
}

export function passphraseBytes(passphrase: string): Buffer {
  // NFC so the same passphrase typed on another system's keyboard layout derives the same key.
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function wrapPackageKey(packageId: string, packageKey: Buffer, passphrase: string, cost: KdfCost): Promise<{ kdf: KdfParams; wrappedKey: Box }> {
  const kdf: KdfParams = { alg: 'argon2id', salt: randomBytes(16).toString('base64'), ...cost };
  const secret = passphraseBytes(passphrase);
  const kek = await deriveKey(secret, kdf);
  try {
    return { kdf, wrappedKey: encrypt(kek, packageKey, wrapAad(packageId)) };
  } finally {
    kek.fill(0);
    secret.fill(0);
  }
}

/** The package key, or `offline.wrongPassphrase` (a wrong passphrase and a changed wrap look alike to GCM). */
export async function unwrapPackageKey(packageId: string, kdf: KdfParams, wrappedKey: Box, passphrase: string): Promise<Buffer> {
  const secret = passphraseBytes(passphrase);
  const kek = await deriveKey(secret, kdf);
  try {
    const key = decrypt(kek, wrappedKey, wrapAad(packageId));
    if (!key || key.length !== 32) throw new ArchiveError('offline.wrongPassphrase');
    return key;
  } finally {
    kek.fill(0);
    secret.fill(0);
  }
}

export function logKeyFor(packageKey: Buffer, packageId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', packageKey, Buffer.from(packageId, 'utf8'), 'triplicate-offline-log|v1', 32));
}

/**
 * Pads the payload to a multiple of 4 KiB with JSON whitespace, so the file's size says little
 * about how much a dossier holds.
 */
export function padded(json: string): Buffer {
  const bytes = Buffer.from(json, 'utf8');
  const size = Math.ceil((bytes.length + 1) / 4096) * 4096;
  return Buffer.concat([bytes, Buffer.alloc(size - bytes.length, 0x20)]);
}

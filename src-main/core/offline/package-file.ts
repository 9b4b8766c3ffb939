/**
 * The offline package file: its schema, what its signature covers, and the checks any reader —
 * the archive on return or a laptop with no archive — makes before asking for the passphrase.
 *
 *   { format, version, header, payload: { nonce, data }, signature }
 *
 * `header` is public and signed; everything that names the customer or the reader is in
 * `payload` (AES-256-GCM under the package key, the canonical header as associated data).
 * The signature (the archive's Ed25519 key, journal/signer.ts) covers the canonical header and
 * the SHA-256 of the payload's nonce and ciphertext, so a changed byte anywhere is refused
 * before any key is derived.
 */
import { hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { SECTIONS } from '../../contract/dossiers';
import { ArchiveError } from '../errors';
import { canonicalJson } from '../journal/entry';
import { keyFingerprint, verifySignature } from '../journal/signer';
import { normaliseFingerprint } from '../journal/export/manifest';
import { kdfParamsSchema } from '../vault/kdf';
import { boxSchema } from '../vault/seal';

export const PACKAGE_FORMAT = 'triplicate-offline-package';
/** The reading log lives beside the package under this suffix. */
export const LOG_SUFFIX = '.readlog';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const headerSchema = z
  .object({
    package: z.string().uuid(),
    archiveId: z.string().uuid(),
    card: z.string().regex(/^JY-\d{4}-\d{5}$/),
    copyNumber: z.string().min(1).max(40),
    dossierNumber: z.string().min(1).max(40),
    /** An opaque UUID; the reader's name is sealed in the payload (see index.ts, "what the file shows"). */
    borrowerId: z.string().uuid(),
    issuedAt: z.string().datetime(),
    dueAt: z.string().datetime(),
    sections: z.array(z.enum(SECTIONS)).min(1),
    key: z.object({ publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), fingerprint: hex32 }).strict(),
    /** argon2id of the passphrase; the floors and ceilings of vault/kdf.ts apply to a forged file too. */
    kdf: kdfParamsSchema.strict(),
    /** The package key under the passphrase-derived key. */
    wrappedKey: boxSchema.strict(),
  })
  .strict();
export type PackageHeader = z.infer<typeof headerSchema>;

export const packageFileSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(1),
    header: headerSchema,
    payload: boxSchema.strict(),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();
export type PackageFile = z.infer<typeof packageFileSchema>;

/** What the package key decrypts: who the reader is and the dossier's packed sections. */
export interface PackagePayload {
  reader: { id: string; login: string; name: string };
  dossier: import('../../contract/dossiers').DossierView;
  /** The archive's idle time when the package was issued; the laptop has no archive to ask. Absent in older packages. */
  idleLockMinutes?: number;
}

export function payloadAad(header: PackageHeader): string {
  return `triplicate-offline-payload|v1|${canonicalJson(header)}`;
}

export function wrapAad(packageId: string): string {
  return `triplicate-offline-key|v1|${packageId}`;
}

/** Domain-separated from checkpoints and manifests, so no signature stands in for another. */
export function signedMessage(header: PackageHeader, payload: PackageFile['payload']): Buffer {
  const body = hash('sha256', Buffer.concat([Buffer.from(payload.nonce, 'base64'), Buffer.from(payload.data, 'base64')]), 'hex');
  return Buffer.from(`triplicate-offline-package|v1|${canonicalJson(header)}|${body}`, 'utf8');
}

/** What the archive stores to recognise the very file it issued. */
export function headerHash(file: PackageFile): string {
  return hash('sha256', signedMessage(file.header, file.payload), 'hex');
}

/** Reads and validates the file; `offline.foreign` for anything that is not a package. */
export function loadPackageFile(path: string): PackageFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ArchiveError('offline.foreign', { detail: (error as { code?: string }).code ?? 'unreadable' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ArchiveError('offline.foreign', { detail: 'not JSON' });
  }
  const parsed = packageFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError('offline.foreign', { detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' });
  }
  return parsed.data;
}

/**
 * The key must hash to its fingerprint (and to the expected one, when the reader was told it out
 * of band), and the signature must hold over header and ciphertext. Throws `offline.tampered`.
 */
export function verifyPackageFile(file: PackageFile, expectedFingerprint?: string): void {
  const publicKey = Buffer.from(file.header.key.publicKey, 'base64');
  if (publicKey.length !== 32 || keyFingerprint(publicKey) !== file.header.key.fingerprint) {
    throw new ArchiveError('offline.tampered', { detail: 'key' });
  }
  if (expectedFingerprint !== undefined && normaliseFingerprint(expectedFingerprint) !== file.header.key.fingerprint) {
    throw new ArchiveError('offline.tampered', { detail: 'key' });
  }
  if (!verifySignature(publicKey, signedMessage(file.header, file.payload), file.signature)) {
    throw new ArchiveError('offline.tampered', { detail: 'signature' });
  }
}

export function logPathFor(packagePath: string): string {
  return packagePath + LOG_SUFFIX;
}

/**
 * A dead package: the wrapped key's nonce and ciphertext overwritten with zero bytes (a returned
 * package, or one a laptop found revoked). Nothing can open it again, whatever the passphrase.
 */
export function isKeyDestroyed(file: PackageFile): boolean {
  const zero = (b64: string) => Buffer.from(b64, 'base64').every((b) => b === 0);
  return zero(file.header.wrappedKey.nonce) && zero(file.header.wrappedKey.data);
}

/**
 * What identifies the issued file once its key is destroyed (the signature then no longer holds):
 * the header without the wrapped key, and the payload's hash. The archive stores it at issue.
 */
export function identityHash(file: PackageFile): string {
  const rest = { ...file.header, wrappedKey: null };
  const body = hash('sha256', Buffer.concat([Buffer.from(file.payload.nonce, 'base64'), Buffer.from(file.payload.data, 'base64')]), 'hex');
  return hash('sha256', `triplicate-offline-identity|v1|${canonicalJson(rest)}|${body}`, 'hex');
}

/**
 * Destroys the package key in the file itself: the base64 of the wrapped key's nonce and
 * ciphertext is overwritten in place with "A" (zero bytes), same length, then fsync'd. In place
 * rather than rewriting the file so no old copy of the key is left in a renamed-away block by us
 * (the file system may still keep one; the passphrase remains needed for it). Returns false when
 * the file could not be written (read-only medium), true when the key is gone.
 */
export function destroyPackageKey(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch {
    return false;
  }
  try {
    const text = readFileSync(fd, 'utf8');
    const start = text.search(/"wrappedKey"\s*:\s*\{/);
    if (start < 0) return false;
    const pattern = /"(nonce|data)"\s*:\s*"([A-Za-z0-9+/=]*)"/g;
    pattern.lastIndex = start;
    for (let found = 0; found < 2; found++) {
      const match = pattern.exec(text);
      if (!match) return false;
      const valueAt = match.index + match[0].length - 1 - match[2]!.length;
      const zeroed = match[2]!.replace(/[A-Za-z0-9+/]/g, 'A');
      writeSync(fd, Buffer.from(zeroed, 'ascii'), 0, zeroed.length, Buffer.byteLength(text.slice(0, valueAt), 'utf8'));
    }
    fsyncSync(fd);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** What the file says without its passphrase (the reader's prompt shows it): ids, numbers, times. */
export function describePackageFile(path: string): {
  package: string;
  dossierNumber: string;
  card: string;
  copyNumber: string;
  issuedAt: string;
  dueAt: string;
  destroyed: boolean;
} {
  const file = loadPackageFile(path);
  const h = file.header;
  return {
    package: h.package,
    dossierNumber: h.dossierNumber,
    card: h.card,
    copyNumber: h.copyNumber,
    issuedAt: h.issuedAt,
    dueAt: h.dueAt,
    destroyed: isKeyDestroyed(file),
  };
}

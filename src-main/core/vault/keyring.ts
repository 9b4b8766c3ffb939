/**
 * The keyring file: everything needed to turn a password into the database key, and nothing that
 * names a person. Validated with zod on every read, because it sits outside the encrypted file
 * and may have been replaced by anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArchiveError } from '../errors';
import { kdfParamsSchema } from './kdf';
import { boxSchema, sealedSchema } from './seal';
import { writeFileAtomic } from './files';

export const KEYRING_FILE = 'keyring.json';
/** Written before a rekey touches the database; see `rekey` for why two files. */
export const NEXT_KEYRING_FILE = 'keyring.next.json';
export const DATABASE_FILE = 'archive.db';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const slotSchema = z.object({
  id: hex(8),
  kind: z.enum(['person', 'recovery']),
  /** scrypt(login) for person slots; null for the recovery slot. */
  locator: hex(32).nullable(),
  kdf: kdfParamsSchema,
  publicKey: z.string(),
  /** The slot's X25519 private key under the argon2id-derived key. */
  privateKey: boxSchema,
  /** The database key sealed to the slot's public key. */
  databaseKey: sealedSchema,
});
export type Slot = z.infer<typeof slotSchema>;

export const signedHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: hex(32),
  at: z.string(),
  signature: z.string(),
});
export type SignedHead = z.infer<typeof signedHeadSchema>;

export const keyringSchema = z.object({
  format: z.literal('triplicate-keyring'),
  version: z.literal(1),
  archiveId: z.string().uuid(),
  /** Bumped by every rekey; bound into the sealed database key. */
  epoch: z.number().int().min(1),
  locatorSalt: z.string(),
  signingKey: z.object({ publicKey: z.string(), fingerprint: hex(32) }),
  /** The last signed journal checkpoint, so a truncated journal is caught even if the database was swapped. */
  journalHead: signedHeadSchema.nullable(),
  slots: z.array(slotSchema).max(10_000),
  /**
   * Raised by one at every write by the holder; a holder never writes a keyring whose revision is
   * not above the one on disk. Keyrings from before revisions count as 0.
   */
  revision: z.number().int().min(0).optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export function keyringRevision(keyring: Keyring): number {
  return keyring.revision ?? 0;
}

export function slotPrivateKeyAad(archiveId: string, slotId: string): string {
  return `triplicate-slot-private-key|v1|${archiveId}|${slotId}`;
}

export function databaseKeyAad(archiveId: string, slotId: string, epoch: number): string {
  return `triplicate-database-key|v1|${archiveId}|${slotId}|${epoch}`;
}

export function readKeyring(folder: string, file = KEYRING_FILE): Keyring {
  const path = join(folder, file);
  if (!existsSync(path)) throw new ArchiveError(existsSync(folder) ? 'vault.foreign' : 'vault.notFound', { path: folder });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ArchiveError('vault.foreign');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new ArchiveError('vault.foreign');
  return result.data;
}

export function writeKeyring(folder: string, keyring: Keyring, file = KEYRING_FILE): void {
  writeFileAtomic(join(folder, file), JSON.stringify(keyringSchema.parse(keyring), null, 2) + '\n');
}

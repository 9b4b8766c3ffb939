/**
 * The backup container: one file holding the encrypted database snapshot, the keyring and a signed
 * manifest. Layout (all lengths big-endian):
 *
 *   "TRIPLICATE-BACKUP\n" | file 1 bytes | file 2 bytes | … | manifest JSON | u32 manifest length | "TRPLBK01"
 *
 * The manifest goes last so the files are hashed while they are copied (one pass over a large
 * database); a reader finds it from the fixed trailer. Files follow each other in manifest order,
 * so their offsets need not be stored, and any extra or missing byte is caught by the total size.
 *
 * The manifest is signed with the archive's Ed25519 key. Its public key is in the manifest, so the
 * signature alone only proves self-consistency; restore also checks that key against the one inside
 * the decrypted database, which nobody without the database key can forge.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { ArchiveError } from '../errors';
import { canonicalJson } from '../journal/entry';
import { verifySignature } from '../journal/signer';

export const BACKUP_MAGIC = Buffer.from('TRIPLICATE-BACKUP\n', 'ascii');
export const TRAILER_MAGIC = Buffer.from('TRPLBK01', 'ascii');
const TRAILER = 4 + TRAILER_MAGIC.length;
const MAX_MANIFEST = 1 << 20;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const BACKUP_FILE_NAMES = ['keyring.json', 'archive.db'] as const;

export const backupManifestSchema = z
  .object({
    format: z.literal('triplicate-backup'),
    version: z.literal(1),
    archiveId: z.string().uuid(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), name: z.string() }).strict(),
    schemaVersion: z.number().int().min(0),
    /** The journal head inside the snapshot. */
    journalHead: z.object({ seq: z.number().int().min(0), hash: hex(32) }).strict(),
    signingKey: z.object({ publicKey: z.string(), fingerprint: hex(32) }).strict(),
    files: z.array(z.object({ name: z.enum(BACKUP_FILE_NAMES), size: z.number().int().min(0), sha256: hex(32) }).strict()).length(BACKUP_FILE_NAMES.length),
    signature: z.string(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type UnsignedManifest = Omit<BackupManifest, 'signature'>;

export function manifestMessage(manifest: UnsignedManifest): Buffer {
  return Buffer.from(`triplicate-backup-manifest|v1|${canonicalJson(manifest)}`, 'utf8');
}

export function encodeTrailer(manifest: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([json, length, TRAILER_MAGIC]);
}

export interface BackupLayout {
  manifest: BackupManifest;
  /** Where each file's bytes start in the container. */
  offsets: number[];
}

const tampered = (detail: string) => new ArchiveError('backup.tampered', { detail });

/** Reads and checks the manifest and the layout; hashes are checked by `verifyBackupFile`. */
export function readBackupLayout(path: string): BackupLayout {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new ArchiveError('backup.notFound', { path });
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(BACKUP_MAGIC.length);
    if (size < BACKUP_MAGIC.length + TRAILER || readSync(fd, head, 0, head.length, 0) !== head.length || !head.equals(BACKUP_MAGIC)) {
      throw new ArchiveError('backup.foreign', { path });
    }
    const trailer = Buffer.alloc(TRAILER);
    readSync(fd, trailer, 0, TRAILER, size - TRAILER);
    if (!trailer.subarray(4).equals(TRAILER_MAGIC)) throw tampered('trailer');
    const length = trailer.readUInt32BE(0);
    if (length > MAX_MANIFEST || length > size - TRAILER - BACKUP_MAGIC.length) throw tampered('manifest length');
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, size - TRAILER - length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw tampered('manifest');
    }
    const result = backupManifestSchema.safeParse(parsed);
    if (!result.success) throw tampered('manifest');
    const manifest = result.data;
    const { signature, ...unsigned } = manifest;
    if (!verifySignature(Buffer.from(manifest.signingKey.publicKey, 'base64'), manifestMessage(unsigned), signature)) {
      throw tampered('signature');
    }
    const names = manifest.files.map((f) => f.name);
    if (new Set(names).size !== names.length) throw tampered('manifest');
    const offsets: number[] = [];
    let at = BACKUP_MAGIC.length;
    for (const file of manifest.files) {
      offsets.push(at);
      at += file.size;
    }
    if (at !== size - TRAILER - length) throw tampered('size');
    return { manifest, offsets };
  } finally {
    closeSync(fd);
  }
}

/** Hashes every file in the container against the manifest; throws `backup.tampered` naming the first that differs. */
export async function verifyBackupFile(path: string, onBytes?: (bytes: number) => void): Promise<BackupLayout> {
  const layout = readBackupLayout(path);
  for (const [index, file] of layout.manifest.files.entries()) {
    const hash = createHash('sha256');
    if (file.size > 0) {
      const start = layout.offsets[index]!;
      for await (const chunk of createReadStream(path, { start, end: start + file.size - 1, highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        onBytes?.((chunk as Buffer).length);
      }
    }
    if (hash.digest('hex') !== file.sha256) throw tampered(file.name);
  }
  return layout;
}

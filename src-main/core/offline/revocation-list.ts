/**
 * The revocation list a custodian carries to laptops (rule 7, recall, a lost laptop): the ids of
 * every package this archive revoked, signed with the archive's key so a reader can trust it with
 * no archive at hand. It names no customer and no reader: only ids and times.
 *
 *   { list: { kind, version, archiveId, createdAt, key, packages: [{ package, revokedAt }] }, signature }
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ArchiveError } from '../errors';
import { canonicalJson } from '../journal/entry';
import { keyFingerprint, verifySignature, type Signer } from '../journal/signer';

export const REVOCATIONS_KIND = 'triplicate-offline-revocations';

const listSchema = z
  .object({
    kind: z.literal(REVOCATIONS_KIND),
    version: z.literal(1),
    archiveId: z.string().uuid(),
    createdAt: z.string().datetime(),
    key: z.object({ publicKey: z.string(), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    packages: z.array(z.object({ package: z.string().uuid(), revokedAt: z.string().datetime() }).strict()).max(1_000_000),
  })
  .strict();
export type RevocationList = z.infer<typeof listSchema>;

const fileSchema = z.object({ list: z.unknown(), signature: z.string() }).strict();

export function revocationsMessage(list: unknown): Buffer {
  return Buffer.from(`triplicate-offline-revocations|v1|${canonicalJson(list)}`, 'utf8');
}

export function signRevocations(signer: Signer, archiveId: string, createdAt: string, packages: RevocationList['packages']): string {
  const list: RevocationList = {
    kind: REVOCATIONS_KIND,
    version: 1,
    archiveId,
    createdAt,
    key: { publicKey: signer.publicKey.toString('base64'), fingerprint: signer.fingerprint },
    packages,
  };
  return JSON.stringify({ list, signature: signer.sign(revocationsMessage(list)) }, null, 1) + '\n';
}

/**
 * Reads a list and checks it against the package's own archive key: a list of another archive is
 * refused as foreign, a list whose signature fails as tampered (a forged list must not be able to
 * un-revoke anything, and an unreadable one must not pass silently).
 */
export function loadRevocations(path: string, archiveId: string, publicKeyB64: string): Set<string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ArchiveError('offline.foreign', { detail: (error as { code?: string }).code ?? 'revocation list is not JSON' });
  }
  const outer = fileSchema.safeParse(json);
  const list = outer.success ? listSchema.safeParse(outer.data.list) : null;
  if (!outer.success || !list?.success) throw new ArchiveError('offline.foreign', { detail: 'not a revocation list' });
  if (list.data.archiveId !== archiveId) throw new ArchiveError('offline.foreign', { detail: 'revocation list of another archive' });
  const key = Buffer.from(list.data.key.publicKey, 'base64');
  if (list.data.key.publicKey !== publicKeyB64 || keyFingerprint(key) !== list.data.key.fingerprint) {
    throw new ArchiveError('offline.tampered', { detail: 'revocation list key' });
  }
  if (!verifySignature(key, revocationsMessage(outer.data.list), outer.data.signature)) {
    throw new ArchiveError('offline.tampered', { detail: 'revocation list signature' });
  }
  return new Set(list.data.packages.map((p) => p.package));
}

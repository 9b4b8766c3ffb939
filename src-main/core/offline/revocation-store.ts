/**
 * The revocation lists a laptop has been given (the reader side of point "revocation reaches the
 * laptop"). Opening a list checks its signature against the key it names and keeps a copy in the
 * reader's state folder, one file per archive key, newest list wins (a list names every package
 * the archive ever revoked or received back, so a newer one never forgets). From then on every
 * open of a package of that archive is checked against it, with no need to give the list again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArchiveError } from '../errors';
import { keyFingerprint, verifySignature } from '../journal/signer';
import { writeFileAtomic } from '../vault/files';
import { loadRevocations, revocationsMessage } from './revocation-list';

const DIR = 'offline-revocations';

const summarySchema = z.object({
  list: z
    .object({
      archiveId: z.string().uuid(),
      createdAt: z.string().datetime(),
      key: z.object({ publicKey: z.string(), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).passthrough(),
      packages: z.array(z.object({ package: z.string() }).passthrough()),
    })
    .passthrough(),
  signature: z.string(),
});

export interface StoredList {
  archiveId: string;
  fingerprint: string;
  createdAt: string;
  packages: number;
}

export class RevocationStore {
  constructor(private readonly stateDir: string) {}

  private get dir(): string {
    return join(this.stateDir, DIR);
  }

  /**
   * Checks a list (self-signed by the archive key it names: the package it will be checked
   * against must carry the same key) and keeps it; `offline.foreign` / `offline.tampered` else.
   */
  add(path: string): StoredList {
    let text: string;
    let parsed: z.infer<typeof summarySchema>;
    try {
      text = readFileSync(path, 'utf8');
      const result = summarySchema.safeParse(JSON.parse(text));
      if (!result.success) throw new Error('not a revocation list');
      parsed = result.data;
    } catch (error) {
      throw new ArchiveError('offline.foreign', { detail: (error as { code?: string }).code ?? 'not a revocation list' });
    }
    const { list } = parsed;
    // Full schema check and signature, exactly as a reader checks it against a package's key.
    loadRevocations(path, list.archiveId, list.key.publicKey);
    const key = Buffer.from(list.key.publicKey, 'base64');
    if (keyFingerprint(key) !== list.key.fingerprint || !verifySignature(key, revocationsMessage(parsed.list), parsed.signature)) {
      throw new ArchiveError('offline.tampered', { detail: 'revocation list signature' });
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const target = join(this.dir, `${list.archiveId}-${list.key.fingerprint.slice(0, 16)}.json`);
    const kept = existsSync(target) ? summarySchema.safeParse(JSON.parse(readFileSync(target, 'utf8'))) : null;
    // An older list (a forged "older" one cannot be made: it would need the archive's key) never replaces a newer one.
    if (!kept?.success || kept.data.list.createdAt <= list.createdAt) writeFileAtomic(target, text);
    return { archiveId: list.archiveId, fingerprint: list.key.fingerprint, createdAt: list.createdAt, packages: list.packages.length };
  }

  /** The kept lists of one archive key, as paths for `loadRevocations`. */
  listsFor(archiveId: string, fingerprint: string): string[] {
    const target = join(this.dir, `${archiveId}-${fingerprint.slice(0, 16)}.json`);
    return existsSync(target) ? [target] : [];
  }

  /** Every kept list, newest first (the reader's welcome screen shows them). */
  all(): StoredList[] {
    if (!existsSync(this.dir)) return [];
    const out: StoredList[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const p = summarySchema.parse(JSON.parse(readFileSync(join(this.dir, name), 'utf8')));
        out.push({ archiveId: p.list.archiveId, fingerprint: p.list.key.fingerprint, createdAt: p.list.createdAt, packages: p.list.packages.length });
      } catch {
        // A damaged kept list is ignored here; the reader refuses it when it checks a package.
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

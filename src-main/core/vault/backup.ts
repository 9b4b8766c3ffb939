/**
 * `backup`: a consistent copy of the encrypted database, still under the same key, with the
 * keyring and a signed manifest, in one file (backup-file.ts). Administrators only.
 *
 * The copy is the database file itself, page for page, as SQLite's backup API would make it:
 * the WAL is checkpointed into the file, then a write lock (BEGIN IMMEDIATE) keeps every writer
 * out while the file is read, so what is copied is exactly the committed state at that moment.
 * better-sqlite3's `db.backup()` cannot be used: it opens its own unkeyed target, and
 * SQLite3MultipleCiphers refuses an encrypted source into it ("incompatible source and target
 * databases"). `VACUUM INTO` (which does keep the key) rebuilds every b-tree, far slower than a
 * page copy on a large archive.
 */
import { offlineSigner } from '../offline/offline-key';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { schemaVersion } from '../db/migrate';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import type { ChooseOutputFile } from '../output-file';
import { parseInput } from '../validate';
import { BACKUP_MAGIC, encodeTrailer, manifestMessage, type BackupManifest, type UnsignedManifest } from './backup-file';
import { DATABASE_FILE, KEYRING_FILE } from './keyring';

export const backupInputSchema = z.object({ out: z.string().min(1).max(4096), force: z.boolean().default(false) }).strict();

export type BackupPhase = 'snapshot' | 'write' | 'done';
export interface BackupProgress {
  phase: BackupPhase;
  written: number;
  total: number;
}

export interface BackupReport {
  file: string;
  size: number;
  journalSeq: number;
  journalHash: string;
  manifestSha256: string;
  at: string;
}

const CHUNK = 4 << 20;

export async function backupArchive(session: Session, raw: unknown, onProgress?: (p: BackupProgress) => void): Promise<BackupReport> {
  return backupTo(session, raw, null, onProgress) as Promise<BackupReport>;
}

/** The same, into the file main's save dialog picks once the core has allowed it; null when it was closed. */
export async function backupArchiveChoosing(
  session: Session,
  chooseOut: ChooseOutputFile,
  onProgress?: (p: BackupProgress) => void,
): Promise<BackupReport | null> {
  return backupTo(session, {}, chooseOut, onProgress);
}

async function backupTo(
  session: Session,
  raw: unknown,
  chooseOut: ChooseOutputFile | null,
  onProgress?: (p: BackupProgress) => void,
): Promise<BackupReport | null> {
  return session.perform(
    { action: 'vault.backup', details: { file: typeof (raw as { out?: unknown })?.out === 'string' ? basename((raw as { out: string }).out) : null } },
    async (ctx) => {
      // The dialog already asked before replacing a file.
      const chosen = chooseOut ? await chooseOut() : undefined;
      if (chosen === null) {
        ctx.addDetails({ cancelled: 'dialog' });
        return null;
      }
      if (chosen !== undefined) ctx.addDetails({ file: basename(chosen) });
      const input = chosen !== undefined ? { out: chosen, force: true } : parseInput(backupInputSchema, raw);
      const archive = session.archive;
      ctx.setObject({ type: 'archive', id: archive.archiveId });
      if (existsSync(input.out) && !input.force) throw new ArchiveError('backup.fileExists', { path: input.out });
      if (!existsSync(dirname(input.out))) throw new ArchiveError('vault.ioError', { detail: 'ENOENT' });

      onProgress?.({ phase: 'snapshot', written: 0, total: 0 });
      const temp = `${input.out}.${randomBytes(6).toString('hex')}.tmp`;
      // The archive's own key for files that leave it (offline-key.ts), not the person's: a backup is
      // restored and checked by whoever holds the archive then. Made (if new) before the copy, so the copy has it.
      const signer = offlineSigner(archive.db);
      try {
        const keyring = readFileSync(join(archive.folder, KEYRING_FILE));
        const at = archive.clock.now().toISOString();
        const fd = openSync(temp, 'wx', 0o600);
        let manifest: BackupManifest;
        let head: { seq: number; hash: string };
        try {
          const write = (bytes: Buffer, length = bytes.length) => {
            let off = 0;
            while (off < length) off += writeSync(fd, bytes, off, length - off);
          };
          write(BACKUP_MAGIC);
          write(keyring);
          const copied = withQuiescentFile(archive.db, join(archive.folder, DATABASE_FILE), (src) => {
            const total = keyring.length + fstatSync(src).size;
            const hash = createHash('sha256');
            const buffer = Buffer.allocUnsafe(CHUNK);
            let size = 0;
            for (;;) {
              const n = readSync(src, buffer, 0, CHUNK, size);
              if (n === 0) break;
              hash.update(buffer.subarray(0, n));
              write(buffer, n);
              size += n;
              onProgress?.({ phase: 'write', written: keyring.length + size, total });
            }
            const last = archive.db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
            return { size, sha256: hash.digest('hex'), head: last, schema: schemaVersion(archive.db) };
          });
          head = copied.head;
          const unsigned: UnsignedManifest = {
            format: 'triplicate-backup',
            version: 1,
            archiveId: archive.archiveId,
            createdAt: at,
            createdBy: { id: session.actor.id, name: session.actor.name },
            schemaVersion: copied.schema,
            journalHead: { seq: head.seq, hash: head.hash },
            signingKey: { publicKey: signer.publicKey.toString('base64'), fingerprint: signer.fingerprint },
            files: [
              { name: 'keyring.json', size: keyring.length, sha256: createHash('sha256').update(keyring).digest('hex') },
              { name: 'archive.db', size: copied.size, sha256: copied.sha256 },
            ],
          };
          manifest = { ...unsigned, signature: signer.sign(manifestMessage(unsigned)) };
          write(encodeTrailer(manifest));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, input.out);
        const size = statSync(input.out).size;
        const manifestSha256 = createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
        const report: BackupReport = { file: input.out, size, journalSeq: head.seq, journalHash: head.hash, manifestSha256, at };
        ctx.commit(
          () =>
            archive.db
              .prepare('INSERT INTO backups (at, by_person, file_name, size, journal_seq, manifest_sha256) VALUES (?, ?, ?, ?, ?, ?)')
              .run(at, session.actor.id, basename(input.out), size, head.seq, manifestSha256),
          { size, journalSeq: head.seq, journalHash: head.hash, manifestSha256 },
        );
        onProgress?.({ phase: 'done', written: size, total: size });
        return report;
      } finally {
        rmSync(temp, { force: true });
      }
    },
  );
}

/**
 * Runs `read` on the database file while it holds every committed change and nobody can write:
 * checkpoint the WAL into the file, take the write lock, and make sure no frame slipped into the
 * WAL in between (another connection committing); if one did, let go and try again.
 */
function withQuiescentFile<T>(db: Db, path: string, read: (fd: number) => T): T {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    db.exec('BEGIN IMMEDIATE');
    try {
      const walPath = `${path}-wal`;
      const walEmpty = !existsSync(walPath) || statSync(walPath).size === 0;
      if (result && result.busy === 0 && walEmpty) {
        const fd = openSync(path, 'r');
        try {
          return read(fd);
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      // Nothing was written in this transaction: it only held the lock.
      db.exec('ROLLBACK');
    }
  }
  throw new ArchiveError('vault.ioError', { detail: 'EBUSY' });
}

export interface BackupStatus {
  last: { at: string; by: string; fileName: string; size: number; journalSeq: number } | null;
  ageDays: number | null;
  intervalDays: number;
  overdue: boolean;
}

/** For the administrator's dashboard: the last backup's age against the archive's backup interval. */
export async function backupStatus(session: Session, intervalDays: number): Promise<BackupStatus> {
  return session.perform({ action: 'vault.backupStatus' }, () => {
    const row = session.archive.db
      .prepare(
        `SELECT b.at, p.name AS by_name, b.file_name, b.size, b.journal_seq FROM backups b JOIN people p ON p.id = b.by_person
         ORDER BY b.id DESC LIMIT 1`,
      )
      .get() as { at: string; by_name: string; file_name: string; size: number; journal_seq: number } | undefined;
    const now = session.archive.clock.now().getTime();
    const ageDays = row ? (now - Date.parse(row.at)) / 86_400_000 : null;
    return {
      last: row ? { at: row.at, by: row.by_name, fileName: row.file_name, size: row.size, journalSeq: row.journal_seq } : null,
      ageDays,
      intervalDays,
      overdue: ageDays === null || ageDays > intervalDays,
    };
  });
}

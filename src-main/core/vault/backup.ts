/**
 * `backup`: a consistent snapshot of the encrypted database, still under the same key, with the
 * keyring and a signed manifest, in one file (backup-file.ts). Administrators only.
 *
 * The snapshot is `VACUUM INTO`, not better-sqlite3's `db.backup()`: SQLite's backup API copies
 * into a connection better-sqlite3 opens itself with no key, and SQLite3MultipleCiphers refuses
 * to back up an encrypted database into it ("incompatible source and target databases") — rightly,
 * since a plain target would be a decrypted copy. VACUUM INTO runs in one read transaction (the
 * same consistency as the backup API; other connections keep writing to the WAL meanwhile) and
 * SQLite3MultipleCiphers writes the target under the main database's cipher and key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { schemaVersion } from '../db/migrate';
import { openDatabase, type Db } from '../db/connection';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { BACKUP_MAGIC, encodeTrailer, manifestMessage, type BackupManifest, type UnsignedManifest } from './backup-file';
import { KEYRING_FILE } from './keyring';

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

export async function backupArchive(session: Session, raw: unknown, onProgress?: (p: BackupProgress) => void): Promise<BackupReport> {
  return session.perform({ action: 'vault.backup', details: { file: typeof (raw as { out?: unknown })?.out === 'string' ? basename((raw as { out: string }).out) : null } }, async (ctx) => {
    const input = parseInput(backupInputSchema, raw);
    const archive = session.archive;
    ctx.setObject({ type: 'archive', id: archive.archiveId });
    if (existsSync(input.out) && !input.force) throw new ArchiveError('backup.fileExists', { path: input.out });
    if (!existsSync(dirname(input.out))) throw new ArchiveError('vault.ioError', { detail: 'ENOENT' });

    onProgress?.({ phase: 'snapshot', written: 0, total: 0 });
    const stamp = randomBytes(6).toString('hex');
    const snapshot = `${input.out}.${stamp}.snapshot`;
    const temp = `${input.out}.${stamp}.tmp`;
    try {
      const head = takeSnapshot(archive.db, archive.databaseKey, snapshot);
      const keyring = readFileSync(join(archive.folder, KEYRING_FILE));
      const dbSize = statSync(snapshot).size;
      const total = keyring.length + dbSize;
      const at = archive.clock.now().toISOString();

      let written = 0;
      const fd = openSync(temp, 'wx', 0o600);
      let manifest: BackupManifest;
      try {
        const write = (bytes: Buffer) => {
          let off = 0;
          while (off < bytes.length) off += writeSync(fd, bytes, off);
        };
        write(BACKUP_MAGIC);
        write(keyring);
        written += keyring.length;
        const dbHash = createHash('sha256');
        for await (const chunk of createReadStream(snapshot, { highWaterMark: 1 << 20 })) {
          const bytes = chunk as Buffer;
          dbHash.update(bytes);
          write(bytes);
          written += bytes.length;
          onProgress?.({ phase: 'write', written, total });
        }
        const unsigned: UnsignedManifest = {
          format: 'triplicate-backup',
          version: 1,
          archiveId: archive.archiveId,
          createdAt: at,
          createdBy: { id: session.actor.id, name: session.actor.name },
          schemaVersion: head.schema,
          journalHead: { seq: head.seq, hash: head.hash },
          signingKey: { publicKey: archive.signer.publicKey.toString('base64'), fingerprint: archive.signer.fingerprint },
          files: [
            { name: 'keyring.json', size: keyring.length, sha256: createHash('sha256').update(keyring).digest('hex') },
            { name: 'archive.db', size: dbSize, sha256: dbHash.digest('hex') },
          ],
        };
        manifest = { ...unsigned, signature: archive.signer.sign(manifestMessage(unsigned)) };
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
      onProgress?.({ phase: 'done', written: total, total });
      return report;
    } finally {
      rmSync(snapshot, { force: true });
      rmSync(temp, { force: true });
    }
  });
}

/**
 * Writes the snapshot and reads the journal head and schema version from the snapshot itself, so
 * they are exactly what the file holds even if another connection appended meanwhile.
 */
function takeSnapshot(db: Db, key: Buffer, path: string): { seq: number; hash: string; schema: number } {
  // VACUUM INTO takes the path as a string literal; quotes are doubled, nothing else is special.
  db.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
  const copy = openDatabase(path, key, { readonly: true });
  try {
    const head = copy.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    return { seq: head?.seq ?? 0, hash: head?.hash ?? '', schema: schemaVersion(copy) };
  } finally {
    copy.close();
  }
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

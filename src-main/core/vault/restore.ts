/**
 * `restore`: a backup file into a folder, verified before it is kept.
 *
 *   container (magic, sizes, manifest signature, every file's SHA-256) → files written to a sibling
 *   temp folder → unlock there as the acting person (the archive opens) → the database's own signing
 *   key equals the manifest's → the journal verifies → the entry at the manifest's head has the
 *   manifest's hash → one `vault.restore` entry in the restored archive → the temp folder takes the
 *   target's place.
 *
 * Restoring over an existing archive whose journal is newer (by the head signed into its keyring at
 * its last lock), or over a different archive, is refused unless forced; the replaced folder is kept
 * beside the target (`<name>.replaced-<time>`), never deleted, and the forced restore is journaled.
 * A refusal before anything is unlocked changes nothing and cannot be journaled in an archive that
 * is not open (README, Backups).
 */
import { offlineSigner } from '../offline/offline-key';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync, fsyncSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchiveError } from '../errors';
import { verifyJournal } from '../journal/verify';
import type { Session } from '../session';
import { verifyBackupFile, type BackupManifest } from './backup-file';
import { DATABASE_FILE, KEYRING_FILE, readKeyring } from './keyring';
import type { ArchiveOptions } from './open-archive';
import { unlockArchive } from './unlock';

export interface RestoreInput {
  file: string;
  to: string;
  login: string;
  password: string;
  force?: boolean;
}

export type RestorePhase = 'check' | 'write' | 'verify' | 'done';

export interface RestoreReport {
  folder: string;
  archiveId: string;
  journalSeq: number;
  journalHash: string;
  forced: boolean;
  /** Where the replaced archive was moved, when one was. */
  replaced: string | null;
}

interface Existing {
  archiveId: string;
  headSeq: number;
}

/** What is at the target now: nothing, an empty folder, an archive, or something else (refused). */
function inspectTarget(to: string): Existing | 'none' {
  if (!existsSync(to)) return 'none';
  const entries = readdirSync(to);
  if (entries.length === 0) return 'none';
  if (!entries.includes(KEYRING_FILE)) throw new ArchiveError('backup.notEmpty', { path: to });
  const keyring = readKeyring(to);
  return { archiveId: keyring.archiveId, headSeq: keyring.journalHead?.seq ?? 0 };
}

function copyRange(from: string, start: number, size: number, to: string): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'wx', 0o600);
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let done = 0;
    while (done < size) {
      const n = readSync(src, buffer, 0, Math.min(buffer.length, size - done), start + done);
      if (n === 0) throw new ArchiveError('backup.tampered', { detail: 'size' });
      let off = 0;
      while (off < n) off += writeSync(dst, buffer, off, n - off);
      done += n;
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

export async function restoreArchive(input: RestoreInput, options: ArchiveOptions = {}, onProgress?: (phase: RestorePhase) => void): Promise<RestoreReport> {
  const file = resolve(input.file);
  const to = resolve(input.to);
  const force = input.force ?? false;
  onProgress?.('check');
  const layout = await verifyBackupFile(file);
  const manifest = layout.manifest;
  const existing = inspectTarget(to);
  if (existing !== 'none' && !force) {
    if (existing.archiveId !== manifest.archiveId) throw new ArchiveError('backup.otherArchive', { path: to });
    if (existing.headSeq > manifest.journalHead.seq) {
      throw new ArchiveError('backup.newerJournal', { path: to, existing: existing.headSeq, backup: manifest.journalHead.seq });
    }
  }

  onProgress?.('write');
  const temp = join(dirname(to), `.${basename(to)}.restoring-${randomBytes(6).toString('hex')}`);
  mkdirSync(temp, { recursive: false, mode: 0o700 });
  let session: Session | null = null;
  try {
    manifest.files.forEach((f, index) => copyRange(file, layout.offsets[index]!, f.size, join(temp, f.name === 'archive.db' ? DATABASE_FILE : KEYRING_FILE)));

    onProgress?.('verify');
    session = await unlockArchive({ folder: temp, login: input.login, password: input.password }, options);
    const opened = session;
    const replaced = existing === 'none' ? null : existing;
    await opened.perform(
      {
        action: 'vault.restore',
        object: { type: 'archive', id: manifest.archiveId },
        details: {
          backupCreatedAt: manifest.createdAt,
          backupHead: manifest.journalHead,
          forced: force && replaced !== null,
          ...(replaced ? { replacedArchiveId: replaced.archiveId, replacedHeadSeq: replaced.headSeq } : {}),
        },
      },
      () => checkRestored(opened, manifest),
    );
    await session.lock('quit');
    session = null;

    let movedTo: string | null = null;
    if (existsSync(to)) {
      if (existing === 'none')
        rmSync(to, { recursive: true, force: true }); // an empty folder
      else {
        movedTo = `${to}.replaced-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
        renameSync(to, movedTo);
      }
    }
    renameSync(temp, to);
    onProgress?.('done');
    return {
      folder: to,
      archiveId: manifest.archiveId,
      journalSeq: manifest.journalHead.seq,
      journalHash: manifest.journalHead.hash,
      forced: force && existing !== 'none',
      replaced: movedTo,
    };
  } catch (error) {
    if (session) await session.lock('quit');
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** The archive opened; now its key, its chain and its head must be the manifest's. */
function checkRestored(session: Session, manifest: BackupManifest): void {
  const archive = session.archive;
  if (archive.archiveId !== manifest.archiveId) throw new ArchiveError('backup.headMismatch', { detail: 'archive id' });
  if (offlineSigner(archive.db).publicKey.toString('base64') !== manifest.signingKey.publicKey) {
    throw new ArchiveError('backup.headMismatch', { detail: 'signing key' });
  }
  const report = verifyJournal(archive.db, {
    archiveId: archive.archiveId,
    publicKey: archive.journal.legacyKey?.publicKey ?? null,
    keyringHead: archive.keyring.journalHead,
    keyringRoot: archive.keyring.signingKey.fingerprint,
  });
  if (!report.ok) throw new ArchiveError('journal.broken', { seq: report.problem!.seq, detail: report.problem!.kind });
  const entry = archive.db.prepare('SELECT hash FROM journal WHERE seq = ?').get(manifest.journalHead.seq) as { hash: string } | undefined;
  if (!entry || entry.hash !== manifest.journalHead.hash) throw new ArchiveError('backup.headMismatch', { detail: `entry ${manifest.journalHead.seq}` });
}

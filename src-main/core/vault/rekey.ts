/**
 * `rekey`: a new database key, the file rewritten under it, and every remaining slot re-sealed to
 * it — after which a removed person's password (or an old keyring copy) opens nothing.
 *
 * Crash safety: `archive.db` is never rewritten in place (a hot rollback journal of a half-done
 * in-place rekey holds pages under two keys and two salts, which neither key opens). Instead:
 *
 *   1. the re-sealed keyring goes to `keyring.next.json`;
 *   2. the checkpointed file is copied to `archive.db.next`, the rekey's journal entry is written
 *      into the copy, and the copy is rekeyed and synced;
 *   3. the copy is renamed over `archive.db`, then `keyring.next.json` over `keyring.json`.
 *
 * Killed before 3, the database and keyring in place still open each other and the next holder
 * removes the void copy and next keyring; killed between the two renames, unlock finds that only
 * the next keyring opens the file and promotes it. The journal entry exists exactly when the new
 * file does.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, rekeyDatabase, type Db } from '../db/connection';
import { ArchiveError, toArchiveError } from '../errors';
import { pruneOrphanSlots } from '../people/service';
import type { Session } from '../session';
import { syncFolder } from './files';
import { DATABASE_FILE, KEYRING_FILE, keyringRevision, NEXT_KEYRING_FILE, writeKeyring, type Keyring } from './keyring';
import type { OpenArchive } from './open-archive';
import { NEXT_DATABASE_FILE, removeRekeyLeftovers } from './rekey-files';
import { resealSlot } from './slots';

export interface RekeyReport {
  epoch: number;
  slots: number;
}

export async function rekey(session: Session, onProgress?: (step: 'prepare' | 'rewrite' | 'done') => void): Promise<RekeyReport> {
  return session.perform({ action: 'vault.rekey' }, (ctx) => {
    const archive = session.archive;
    ctx.setObject({ type: 'archive', id: archive.archiveId });
    // Other sessions of this process read the file this rekey replaces, under the old key.
    if (archive.otherSessions > 0) throw new ArchiveError('vault.busy');
    onProgress?.('prepare');
    const pruned = pruneOrphanSlots(archive);
    archive.assertKeyringCurrent();
    const current = archive.keyring;
    const epoch = current.epoch + 1;
    const newKey = randomBytes(32);
    const next: Keyring = {
      ...current,
      epoch,
      revision: keyringRevision(current) + 1,
      slots: current.slots.map((slot) => resealSlot(current.archiveId, epoch, slot, newKey)),
    };
    const report = { epoch, slots: next.slots.length };
    removeRekeyLeftovers(archive.folder);
    writeKeyring(archive.folder, next, NEXT_KEYRING_FILE);
    onProgress?.('rewrite');
    let copy: Db;
    try {
      copy = prepareCopy(archive);
    } catch (error) {
      rmSync(join(archive.folder, NEXT_KEYRING_FILE), { force: true });
      removeRekeyLeftovers(archive.folder);
      throw error;
    }
    const original = archive.db;
    let swapped = false;
    let entryInCopy = false;
    try {
      archive.replaceDatabase(copy);
      original.close();
      ctx.commit(() => undefined, { ...report, orphanSlotsRemoved: pruned });
      entryInCopy = true;
      rekeyDatabase(copy, newKey);
      copy.close();
      syncFile(join(archive.folder, NEXT_DATABASE_FILE));
      swapInCopy(archive.folder);
      swapped = true;
      renameSync(join(archive.folder, NEXT_KEYRING_FILE), join(archive.folder, KEYRING_FILE));
      syncFolder(archive.folder);
    } catch (error) {
      if (copy.open) copy.close();
      if (!swapped) restoreOriginal(session, entryInCopy ? error : null, newKey);
      throw error;
    }
    archive.replaceDatabase(openDatabase(join(archive.folder, DATABASE_FILE), newKey));
    archive.keyring = next;
    archive.replaceKey(newKey);
    onProgress?.('done');
    return report;
  });
}

/** A byte copy of the fully checkpointed database, opened under the current key. */
function prepareCopy(archive: OpenArchive): Db {
  const checkpoint = archive.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  // A reader (a verify worker) still in the WAL: the copy would miss pages, so wait for a quiet moment.
  if (checkpoint[0]?.busy) throw new ArchiveError('vault.busy');
  const copyPath = join(archive.folder, NEXT_DATABASE_FILE);
  copyFileSync(join(archive.folder, DATABASE_FILE), copyPath, constants.COPYFILE_EXCL);
  return openDatabase(copyPath, archive.databaseKey);
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames the rekeyed copy over the archive; an emptied WAL of the old file goes first. */
function swapInCopy(folder: string): void {
  const wal = join(folder, `${DATABASE_FILE}-wal`);
  if (existsSync(wal)) {
    // Everything was checkpointed before the copy; a WAL with content means someone wrote since.
    if (statSync(wal).size > 0) throw new ArchiveError('vault.busy');
    rmSync(wal, { force: true });
  }
  rmSync(join(folder, `${DATABASE_FILE}-shm`), { force: true });
  renameSync(join(folder, NEXT_DATABASE_FILE), join(folder, DATABASE_FILE));
  syncFolder(folder);
}

/** The rekey failed before the swap: the original file and keyring are untouched; reopen them. */
function restoreOriginal(session: Session, lostEntryFor: unknown, newKey: Buffer): void {
  const archive = session.archive;
  newKey.fill(0);
  rmSync(join(archive.folder, NEXT_KEYRING_FILE), { force: true });
  removeRekeyLeftovers(archive.folder);
  if (!archive.db.open || archive.db.name.endsWith(NEXT_DATABASE_FILE)) {
    archive.replaceDatabase(openDatabase(join(archive.folder, DATABASE_FILE), archive.databaseKey));
  }
  // Before the entry, `perform` journals the failure itself; after it, the entry went with the copy.
  if (lostEntryFor !== null) {
    const failure = toArchiveError(lostEntryFor);
    try {
      archive.journal.append({
        actor: { id: session.actor.id, name: session.actor.name, duty: 'admin' },
        event: 'vault.rekey',
        object: { type: 'archive', id: archive.archiveId },
        outcome: 'error',
        reason: failure.code,
        details: { detail: failure.params.detail ?? null },
      });
    } catch {
      // The disk that failed the rekey may refuse the entry too; the failure itself is what matters.
    }
  }
}

/**
 * `rekey`: a new database key, the file rewritten under it, and every remaining slot re-sealed to
 * it — after which a removed person's password (or an old keyring copy) opens nothing.
 *
 * Crash safety: the re-sealed keyring is written to `keyring.next.json` before the database is
 * touched; unlock tries the current keyring, then the next one, and promotes whichever opens the
 * file. So a process killed at any point leaves an archive that opens.
 */
import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { rekeyDatabase } from '../db/connection';
import { pruneOrphanSlots } from '../people/service';
import type { Session } from '../session';
import { KEYRING_FILE, NEXT_KEYRING_FILE, writeKeyring, type Keyring } from './keyring';
import { resealSlot } from './slots';

export interface RekeyReport {
  epoch: number;
  slots: number;
}

export async function rekey(session: Session, onProgress?: (step: 'prepare' | 'rewrite' | 'done') => void): Promise<RekeyReport> {
  return session.perform({ action: 'vault.rekey' }, (ctx) => {
    const archive = session.archive;
    ctx.setObject({ type: 'archive', id: archive.archiveId });
    onProgress?.('prepare');
    const pruned = pruneOrphanSlots(archive);
    const current = archive.keyring;
    const epoch = current.epoch + 1;
    const newKey = randomBytes(32);
    const next: Keyring = {
      ...current,
      epoch,
      slots: current.slots.map((slot) => resealSlot(current.archiveId, epoch, slot, newKey)),
    };
    writeKeyring(archive.folder, next, NEXT_KEYRING_FILE);
    onProgress?.('rewrite');
    rekeyDatabase(archive.db, newKey);
    renameSync(join(archive.folder, NEXT_KEYRING_FILE), join(archive.folder, KEYRING_FILE));
    archive.keyring = next;
    archive.replaceKey(newKey);
    const report = { epoch, slots: next.slots.length };
    ctx.commit(() => undefined, { ...report, orphanSlotsRemoved: pruned });
    onProgress?.('done');
    return report;
  });
}

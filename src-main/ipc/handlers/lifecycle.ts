/**
 * backup:* and the other records-lifecycle channels (issue 16). Handlers translate; the core
 * decides (policy) and records (journal). Main picks the backup file with a save dialog, never the
 * renderer; someone the core will refuse gets no dialog, only the (journaled) refusal.
 */
import { can } from '../../core/policy';
import { readSettings } from '../../core/settings/service';
import { backupArchive, backupStatus } from '../../core/vault/backup';
import { open, type DomainHandlers } from './context';

function backupName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `triplicate-backup-${stamp}.tbk`;
}

export const backupHandlers: DomainHandlers<'backup'> = {
  'backup:run': async (_input, ctx) => {
    const session = open(ctx);
    const name = backupName(ctx.now());
    if (!can(session.actor, 'vault.backup').allowed) {
      await backupArchive(session, { out: name });
    }
    const out = await ctx.chooseSaveFile(name, [{ name: 'Triplicate backup', extensions: ['tbk'] }]);
    if (out === null) return { cancelled: true };
    // The save dialog already asked before replacing a file.
    const report = await backupArchive(session, { out, force: true }, (p) => ctx.emit('event:backupProgress', p));
    return { cancelled: false, file: report.file, size: report.size, journalSeq: report.journalSeq, at: report.at };
  },
  'backup:status': async (_input, ctx) => {
    const session = open(ctx);
    return backupStatus(session, readSettings(session.archive.db).backupIntervalDays);
  },
};

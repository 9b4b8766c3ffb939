/**
 * backup:* and the other records-lifecycle channels (issue 16). Handlers translate; the core
 * decides (policy) and records (journal). Main picks the backup file with a save dialog, never the
 * renderer, and only once the core has allowed it: someone refused gets no dialog, only the
 * (journaled) refusal.
 */
import { fileTypeFilter } from '../../contract/texts/file-types';
import { readSettings } from '../../core/settings/service';
import { backupArchiveChoosing, backupStatus } from '../../core/vault/backup';
import {
  approveDestruction,
  destructionRecord,
  listDestructionRequests,
  rejectDestruction,
  requestBulkDestruction,
  requestDestruction,
} from '../../core/records/destruction';
import { listHolds, releaseHold, setHold } from '../../core/records/holds';
import { exportDestructionRecordChoosing } from '../../core/records/record-export';
import { flaggedForManagement, incident, incidentRegister, recordIncidentByHand } from '../../core/records/incidents';
import { liftSuspension, listSuspensions, suspendPerson } from '../../core/records/suspension';
import { changePerson } from '../../core/records/people-change';
import { decideRetention, retentionDue } from '../../core/records/retention';
import { listHandovers, orphanedDossiers, signHandover, startHandover } from '../../core/records/handover';
import { open, type DomainHandlers } from './context';

function backupName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `triplicate-backup-${stamp}.tbk`;
}

export const backupHandlers: DomainHandlers<'backup'> = {
  'backup:run': async (_input, ctx) => {
    // The core decides first; only then is the save dialog shown (someone refused never sees one).
    const chooseOut = () => ctx.chooseSaveFile(backupName(ctx.now()), [fileTypeFilter('backup', ctx.state.locale)]);
    const report = await backupArchiveChoosing(open(ctx), chooseOut, (p) => ctx.emit('event:backupProgress', p));
    if (report === null) return { cancelled: true };
    return { cancelled: false, file: report.file, size: report.size, journalSeq: report.journalSeq, at: report.at };
  },
  'backup:status': async (_input, ctx) => {
    const session = open(ctx);
    return backupStatus(session, readSettings(session.archive.db).backupIntervalDays);
  },
};

export const holdHandlers: DomainHandlers<'holds'> = {
  'holds:list': async (_input, ctx) => listHolds(open(ctx)),
  'holds:set': async (input, ctx) => setHold(open(ctx), input),
  'holds:release': async (input, ctx) => releaseHold(open(ctx), input),
};

export const destructionHandlers: DomainHandlers<'destruction'> = {
  'destruction:list': async ({ state }, ctx) => listDestructionRequests(open(ctx), state),
  'destruction:request': async (input, ctx) => requestDestruction(open(ctx), input),
  'destruction:requestBulk': async (input, ctx) => requestBulkDestruction(open(ctx), input),
  'destruction:approve': async (input, ctx) => approveDestruction(open(ctx), input),
  'destruction:reject': async (input, ctx) => rejectDestruction(open(ctx), input),
  'destruction:record': async (_input, ctx) => destructionRecord(open(ctx)),
  'destruction:exportRecord': async (_input, ctx) => {
    const chooseOut = () => ctx.chooseSaveFile(`destruction-record-${ctx.now().toISOString().slice(0, 10)}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
    const written = await exportDestructionRecordChoosing(open(ctx), chooseOut);
    return written === null ? { cancelled: true } : { cancelled: false, ...written };
  },
};

export const personnelHandlers: DomainHandlers<'personnel'> = {
  'personnel:suspend': async (input, ctx) => suspendPerson(open(ctx), input),
  'personnel:lift': async (input, ctx) => liftSuspension(open(ctx), input),
  'personnel:suspensions': async (_input, ctx) => listSuspensions(open(ctx)),
  'personnel:change': async (input, ctx) => changePerson(open(ctx), input),
};

export const incidentHandlers: DomainHandlers<'incidents'> = {
  'incidents:record': async (input, ctx) => recordIncidentByHand(open(ctx), input),
  'incidents:register': async (_input, ctx) => incidentRegister(open(ctx)),
  'incidents:open': async (input, ctx) => incident(open(ctx), input),
  'incidents:flagged': async (_input, ctx) => flaggedForManagement(open(ctx)),
};

export const handoverHandlers: DomainHandlers<'handover'> = {
  'handover:start': async (input, ctx) => startHandover(open(ctx), input),
  'handover:sign': async (input, ctx) => signHandover(open(ctx), input),
  'handover:list': async (_input, ctx) => listHandovers(open(ctx)),
  'handover:orphans': async (_input, ctx) => orphanedDossiers(open(ctx)),
};

export const retentionHandlers: DomainHandlers<'retention'> = {
  'retention:due': async (_input, ctx) => retentionDue(open(ctx)),
  'retention:decide': async (input, ctx) => decideRetention(open(ctx), input),
};

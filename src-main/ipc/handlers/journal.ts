/**
 * journal:* and reports:* — the auditors' work. The core decides (only auditors may read, verify or
 * export; everyone else is refused and journaled) and records every read; these handlers only
 * translate, keep the running export's AbortController, and remember this session's last verify run.
 */
import type { ExportFormat } from '../../core/journal/export/manifest';
import { exportJournalChoosing } from '../../core/journal/export/export';
import * as reports from '../../core/journal/reports';
import { readJournal, verifyArchiveJournal } from '../../core/journal/service';
import type { Session } from '../../core/session';
import type { ChainStatusView } from '../../contract/ipc-journal';
import { ArchiveError } from '../../core/errors';
import { open, type DomainHandlers, type HandlerContext, type SaveFileFilter } from './context';

/** Per session, so a lock (a new Session object) forgets both. */
const lastRuns = new WeakMap<Session, NonNullable<ChainStatusView['lastRun']>>();
const runningExports = new WeakMap<Session, AbortController>();

const SAVE_FILTERS: Record<ExportFormat, SaveFileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  jsonl: { name: 'JSON Lines', extensions: ['jsonl'] },
};

function defaultName(format: ExportFormat, now: Date): string {
  // journal-20260105-0930.csv: sortable, no characters a file system refuses.
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `journal-${stamp}.${format}`;
}

async function runExport(session: Session, format: ExportFormat, filters: unknown, ctx: HandlerContext) {
  if (runningExports.has(session)) throw new ArchiveError('input.invalid', { detail: 'an export is already running' });
  const controller = new AbortController();
  runningExports.set(session, controller);
  let file = '';
  // The core decides first; only then is the save dialog shown (someone refused never sees one).
  const chooseOut = async () => {
    const chosen = await ctx.chooseSaveFile(defaultName(format, ctx.now()), [SAVE_FILTERS[format]]);
    if (chosen !== null) file = chosen;
    return chosen;
  };
  try {
    return await exportJournalChoosing(session, { format, filters }, chooseOut, {
      signal: controller.signal,
      onProgress: (p) => ctx.emit('event:exportProgress', { file, written: p.written, total: p.total }),
    });
  } finally {
    runningExports.delete(session);
  }
}

export const journalHandlers: DomainHandlers<'journal'> = {
  'journal:read': async ({ filters, ...page }, ctx) => readJournal(open(ctx), filters, page),
  'journal:verify': async (_input, ctx) => {
    const session = open(ctx);
    const report = await verifyArchiveJournal(session);
    lastRuns.set(session, { at: ctx.now().toISOString(), report });
    return report;
  },
  'journal:status': async (_input, ctx) => ({ lastRun: lastRuns.get(open(ctx)) ?? null }),
  'journal:export': async ({ format, filters }, ctx) => {
    const result = await runExport(open(ctx), format, filters, ctx);
    return result === null ? { cancelled: true } : { cancelled: false, ...result };
  },
  'journal:cancelExport': async (_input, ctx) => {
    const controller = runningExports.get(open(ctx));
    controller?.abort();
    return { cancelled: controller !== undefined };
  },
};

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports:whoOpened': async ({ dossierId, ...page }, ctx) => reports.whoOpenedDossier(open(ctx), dossierId, page),
  'reports:openedBy': async ({ person, ...page }, ctx) => reports.dossiersOpenedBy(open(ctx), person, page),
  'reports:refused': async ({ afterSeq, limit, ...filters }, ctx) => reports.refusedAttempts(open(ctx), filters, { afterSeq, limit }),
  'reports:outsideHours': async ({ afterSeq, limit, ...options }, ctx) => reports.outsideWorkingHours(open(ctx), options, { afterSeq, limit }),
  'reports:overdueLoans': async (_input, ctx) => reports.overdueLoans(open(ctx)),
};

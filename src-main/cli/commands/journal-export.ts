/** `triplicate journal export`: an auditor's filtered export with its signed manifest (issue 6). */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { exportJournal } from '../../core/journal/export/export';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/journal/export/manifest';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

const OUTCOMES = ['ok', 'denied', 'error'] as const;

export const journalExportSentences = commandSentences('journalExport');

export const journalExportCommand: Command = {
  name: 'journal export',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    person: { type: 'string' },
    dossier: { type: 'string' },
    event: { type: 'string' },
    outcome: { type: 'string' },
    force: { type: 'boolean' },
  },
  usage: usageOf('journal export'),
  needs: 'unlocked',
  async run(ctx, session) {
    const t = journalExportSentences[ctx.locale];
    const format = ctx.need('format');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(interpolate(t.oneOf, { flag: 'format', allowed: EXPORT_FORMATS.join(' | ') }));
    }
    const out = resolve(ctx.need('out'));
    const v = ctx.values;
    const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
    const outcome = str('outcome');
    if (outcome !== undefined && !(OUTCOMES as readonly string[]).includes(outcome)) {
      throw new UsageError(interpolate(t.oneOf, { flag: 'outcome', allowed: OUTCOMES.join(' | ') }));
    }
    const dossier = str('dossier');
    const filters = {
      from: str('from'),
      to: str('to'),
      person: str('person'),
      object: dossier ? { type: 'dossier', id: dossier } : undefined,
      event: str('event'),
      outcome,
    };
    const result = await exportJournal(session!, { format: format as ExportFormat, out, filters, force: v.force === true });
    ctx.out(
      interpolate(t.done, {
        count: result.count,
        first: result.firstSeq ?? '-',
        last: result.lastSeq ?? '-',
        file: result.file,
        manifest: result.manifestFile,
        fingerprint: result.fingerprint,
        head: result.chainHead.seq,
      }),
    );
  },
};

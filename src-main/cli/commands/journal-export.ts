/** `triplicate journal export`: an auditor's filtered export with its signed manifest (issue 6). */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { exportJournal } from '../../core/journal/export/export';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/journal/export/manifest';
import { UsageError } from '../usage';
import type { Command } from './types';

const OUTCOMES = ['ok', 'denied', 'error'] as const;

export const journalExportSentences = {
  en: {
    done: 'Exported {{count}} entries (seq {{first}}–{{last}}) to {{file}}\nManifest: {{manifest}}\nSigned by key {{fingerprint}} (chain head {{head}}).',
    oneOf: '--{{flag}} must be one of: {{allowed}}',
  },
  'zh-CN': {
    done: '已导出 {{count}} 条（序号 {{first}}–{{last}}）到 {{file}}\n清单：{{manifest}}\n签名密钥 {{fingerprint}}（链头 {{head}}）。',
    oneOf: '--{{flag}} 只能是：{{allowed}}',
  },
};

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
  usage: {
    en: 'journal export --archive DIR --as LOGIN --format csv|xlsx|jsonl --out FILE [--from ISO --to ISO --person LOGIN --dossier ID --event E --outcome ok|denied|error] [--force]',
    'zh-CN':
      'journal export --archive 目录 --as 登录名 --format csv|xlsx|jsonl --out 文件 [--from 时间 --to 时间 --person 登录名 --dossier 档案ID --event 事件 --outcome ok|denied|error] [--force]',
  },
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

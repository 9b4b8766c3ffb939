/**
 * `triplicate verify-export FILE [--key-fingerprint FP]`: checks an export offline, with no archive
 * and no password. Exit 0 when every line is what the archive signed, 1 naming the first line that
 * is not (or the key or signature that fails), 2 on bad usage.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { ArchiveError } from '../../core/errors';
import { verifyExport, type ExportProblemKind } from '../../core/journal/export/verify-export';
import { UsageError } from '../usage';
import type { Command } from './types';

const sentences = {
  en: {
    ok: 'Export verified: {{count}} entries (seq {{first}}–{{last}}) of archive {{archive}}, unchanged and in the signed chain (head {{head}}).\nSigned by key {{fingerprint}} — compare it with the archive\'s fingerprint.',
    needFile: 'verify-export needs the export file: triplicate verify-export FILE [--key-fingerprint FP]',
    at: 'line {{line}}',
    seq: ' (entry {{seq}})',
    kinds: {
      changed: '{{where}} was changed{{seq}}',
      dropped: 'an entry was dropped at {{where}}{{seq}}',
      inserted: '{{where}} was inserted — the archive never signed it there',
      moved: '{{where}} was moved out of its place{{seq}}',
      key: 'the manifest is signed by another key than the expected one',
      signature: 'the manifest\'s signature does not hold',
      manifest: 'the manifest contradicts itself',
    } satisfies Record<ExportProblemKind, string>,
  },
  'zh-CN': {
    ok: '导出文件校验通过：档案库 {{archive}} 的 {{count}} 条记录（序号 {{first}}–{{last}}）未被改动，且属于已签名的日志链（链头 {{head}}）。\n签名密钥 {{fingerprint}}——请与档案库的密钥指纹核对。',
    needFile: 'verify-export 需要导出文件：triplicate verify-export 文件 [--key-fingerprint 指纹]',
    at: '第 {{line}} 行',
    seq: '（第 {{seq}} 条日志）',
    kinds: {
      changed: '{{where}}被修改{{seq}}',
      dropped: '在{{where}}处缺少一条记录{{seq}}',
      inserted: '{{where}}是插入的，档案库从未在此处签署该记录',
      moved: '{{where}}的位置被移动{{seq}}',
      key: '清单由非预期的密钥签名',
      signature: '清单签名无效',
      manifest: '清单内容自相矛盾',
    } satisfies Record<ExportProblemKind, string>,
  },
};

export const verifyExportCommand: Command = {
  name: 'verify-export',
  options: { 'key-fingerprint': { type: 'string' } },
  usage: {
    en: 'verify-export FILE [--key-fingerprint FP] [--json]   (no archive or password needed)',
    'zh-CN': 'verify-export 文件 [--key-fingerprint 指纹] [--json]（无需档案库和密码）',
  },
  needs: 'none',
  async run(ctx) {
    const t = sentences[ctx.locale];
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length > 0) throw new UsageError(t.needFile);
    const fp = ctx.values['key-fingerprint'];
    const verdict = await verifyExport(resolve(file), typeof fp === 'string' ? { keyFingerprint: fp } : {});
    if (ctx.values.json) ctx.out(JSON.stringify(verdict, null, 2));
    if (verdict.ok) {
      if (!ctx.values.json)
        ctx.out(
          interpolate(t.ok, {
            count: verdict.count,
            first: verdict.firstSeq ?? '-',
            last: verdict.lastSeq ?? '-',
            archive: verdict.archiveId ?? '-',
            head: verdict.chainHead?.seq ?? '-',
            fingerprint: verdict.fingerprint ?? '-',
          }),
        );
      return;
    }
    const problem = verdict.problem!;
    const where = problem.line === null ? '' : interpolate(t.at, { line: problem.line });
    const seq = problem.seq === null ? '' : interpolate(t.seq, { seq: problem.seq });
    throw new ArchiveError('export.tampered', { detail: interpolate(t.kinds[problem.kind], { where, seq }), line: problem.line ?? 0, kind: problem.kind });
  },
};

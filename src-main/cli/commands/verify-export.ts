/**
 * `triplicate verify-export FILE [--key-fingerprint FP]`: checks an export offline, with no archive
 * and no password. Exit 0 when every line is what the archive signed, 1 naming the first line that
 * is not (or the key or signature that fails), 2 on bad usage.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { ArchiveError } from '../../core/errors';
import { verifyExport, type ExportProblemKind } from '../../core/journal/export/verify-export';
import { compareExports, type ComparisonProblemKind } from '../../core/journal/export/compare-exports';
import { UsageError } from '../usage';
import type { Command } from './types';

const sentences = {
  en: {
    ok: "Export verified: {{count}} entries (seq {{first}}–{{last}}) of archive {{archive}}, unchanged and in the signed chain (head {{head}}).\nSigned by key {{fingerprint}} — compare it with the archive's fingerprint.",
    needFile: 'verify-export needs the export file: triplicate verify-export FILE [--key-fingerprint FP]',
    at: 'line {{line}}',
    seq: ' (entry {{seq}})',
    kinds: {
      changed: '{{where}} was changed{{seq}}',
      dropped: 'an entry was dropped at {{where}}{{seq}}',
      inserted: '{{where}} was inserted — the archive never signed it there',
      moved: '{{where}} was moved out of its place{{seq}}',
      key: 'the manifest is signed by another key than the expected one',
      signature: "the manifest's signature does not hold",
      manifest: 'the manifest contradicts itself',
    } satisfies Record<ExportProblemKind, string>,
    compared: 'The later export holds everything the earlier one ({{earlier}}, head {{head}}) proved.',
    comparison: {
      archive: 'the two exports are of different archives',
      behind: "the later export's signed head is below the earlier one's: entries from {{seq}} on were cut off",
      diverged: 'entry {{seq}} differs between the two exports: the journal was rewritten there',
      vanished: 'entry {{seq}}, in the earlier export, is gone from the later one',
    } satisfies Record<ComparisonProblemKind, string>,
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
    compared: '较新的导出文件包含较早导出文件（{{earlier}}，链头 {{head}}）所证明的全部内容。',
    comparison: {
      archive: '两份导出文件来自不同的档案库',
      behind: '较新导出文件的签名链头低于较早的：自第 {{seq}} 条起的日志被截断',
      diverged: '第 {{seq}} 条在两份导出文件中不同：日志在此处被改写',
      vanished: '较早导出文件中的第 {{seq}} 条在较新的导出文件中已消失',
    } satisfies Record<ComparisonProblemKind, string>,
  },
};

export const verifyExportCommand: Command = {
  name: 'verify-export',
  options: { 'key-fingerprint': { type: 'string' }, earlier: { type: 'string' } },
  usage: {
    en: 'verify-export FILE [--key-fingerprint FP] [--earlier EARLIER-EXPORT] [--json]   (no archive or password needed)',
    'zh-CN': 'verify-export 文件 [--key-fingerprint 指纹] [--earlier 较早的导出文件] [--json]（无需档案库和密码）',
  },
  needs: 'none',
  async run(ctx) {
    const t = sentences[ctx.locale];
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length > 0) throw new UsageError(t.needFile);
    const fp = ctx.values['key-fingerprint'];
    const earlier = ctx.values.earlier;
    let comparisonProblem: string | null = null;
    let verdict;
    if (typeof earlier === 'string') {
      // Two exports: each must verify on its own, then the later must hold what the earlier proved.
      const comparison = await compareExports(resolve(file), resolve(earlier), typeof fp === 'string' ? { keyFingerprint: fp } : {});
      verdict = comparison.later.ok && !comparison.earlier.ok ? comparison.earlier : comparison.later;
      if (ctx.values.json) ctx.out(JSON.stringify(comparison, null, 2));
      if (comparison.problem) comparisonProblem = interpolate(t.comparison[comparison.problem.kind], { seq: comparison.problem.seq ?? '-' });
      else if (comparison.ok && !ctx.values.json) ctx.out(interpolate(t.compared, { earlier, head: comparison.earlier.chainHead?.seq ?? '-' }));
    } else verdict = await verifyExport(resolve(file), typeof fp === 'string' ? { keyFingerprint: fp } : {});
    if (comparisonProblem) throw new ArchiveError('export.tampered', { detail: comparisonProblem, line: 0, kind: 'comparison' });
    if (ctx.values.json && typeof earlier !== 'string') ctx.out(JSON.stringify(verdict, null, 2));
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

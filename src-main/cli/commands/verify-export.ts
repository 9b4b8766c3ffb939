/**
 * `triplicate verify-export FILE [--key-fingerprint FP]`: checks an export offline, with no archive
 * and no password. Exit 0 when every line is what the archive signed, 1 naming the first line that
 * is not (or the key or signature that fails), 2 on bad usage.
 */
import { resolve } from 'node:path';
import { interpolate, type Locale } from '../../contract/messages';
import { ArchiveError } from '../../core/errors';
import { verifyExport, type ExportProblemKind } from '../../core/journal/export/verify-export';
import { compareExports, type ComparisonProblemKind } from '../../core/journal/export/compare-exports';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

type Sentences = ReturnType<typeof commandSentences<'verifyExport'>>['en'];
/** Typed so a problem kind added in the core without its sentence fails to compile. */
const sentences: Record<Locale, Sentences & { kinds: Record<ExportProblemKind, string>; comparison: Record<ComparisonProblemKind, string> }> =
  commandSentences('verifyExport');

export const verifyExportCommand: Command = {
  name: 'verify-export',
  options: { 'key-fingerprint': { type: 'string' }, earlier: { type: 'string' } },
  usage: usageOf('verify-export'),
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

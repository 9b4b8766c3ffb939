/**
 * `triplicate demo --archive DIR --dossiers N [--seed S]`: a new archive full of fictional
 * customers for trying the app and for benchmarks. Creates the archive itself (needs 'none') and
 * prints every login with its password: demo data only, never a real archive.
 */
import { resolve } from 'node:path';
import { UsageError } from '../usage';
import { buildDemoArchive } from '../demo/build';
import { usageOf } from '../../contract/texts/cli-usage';
import { interpolate } from '../../contract/messages';
import { commandSentences } from '../../contract/texts/cli-commands';
import type { Command } from './types';

const sentences = commandSentences('demo');

export const demoCommand: Command = {
  name: 'demo',
  options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
  usage: usageOf('demo'),
  needs: 'none',
  async run(ctx) {
    const t = sentences[ctx.locale];
    const folder = resolve(ctx.need('archive'));
    const count = Number(ctx.need('dossiers'));
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError(t.badCount);
    const seed = ctx.values.seed === undefined ? 2026 : Number(ctx.values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(t.badSeed);
    const started = performance.now();
    const report = await buildDemoArchive({ folder, dossiers: count, seed, progress: ctx.err });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (ctx.values.json) {
      ctx.out(JSON.stringify({ ...report, seconds: Number(seconds) }, null, 2));
      return;
    }
    ctx.out(interpolate(t.created, { folder, seconds }));
    ctx.out(
      interpolate(t.dossiers, {
        dossiers: report.dossiers,
        filed: report.filed,
        drafts: report.drafts,
        revised: report.revised,
        reissued: report.reissued,
        lost: report.lost.join(t.listSeparator) || t.noneLost,
      }),
    );
    const h = report.history;
    if (h) ctx.out(interpolate(t.history, { ...h }));
    ctx.out(t.logins);
    for (const l of report.logins) ctx.out(`  ${l.login.padEnd(10)} ${l.password.padEnd(22)} ${l.name}\t${l.role}`);
    ctx.out(interpolate(t.recoveryKey, { key: report.recoveryKey }));
  },
};

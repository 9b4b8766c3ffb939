/**
 * analytics_p95_ms (issue 18): the information analyst's aggregate queries over the 100,000-dossier
 * demo archive (the same fixture as dossiers.bench.ts: `buildDemoArchive`, built once in a temp
 * folder). Each query goes through `runAnalytics` whole: the policy's measurements (population and
 * one-filter-looser differences), the decision, the grouped SQL, the folding and the journal entry.
 * Set ANALYTICS_BENCH_N for a smaller archive while developing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsQuery } from '../../src-main/contract/analytics';
import { buildDemoArchive } from '../../src-main/cli/demo/build';
import { runAnalytics } from '../../src-main/core/analytics/service';
import { addPerson } from '../../src-main/core/people/service';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { median, percentile, report } from './report';

const N = Number(process.env.ANALYTICS_BENCH_N ?? 100_000);
const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-analytics-'));
const log = (line: string) => process.stderr.write(line + '\n');
const ANALYST = {
  login: 'analyst1',
  name: '钱分析',
  department: 'marketing',
  rank: 'staff' as const,
  duties: ['analyst' as const],
  password: 'analyst-password-1',
};

async function main(): Promise<void> {
  const folder = join(root, 'archive');
  const archiveOptions = { stateDir: join(root, 'state'), kdfTargetMs: 1 };
  const demo = await buildDemoArchive({ folder, dossiers: N, archiveOptions, progress: log });
  const pw = (login: string) => demo.logins.find((l) => l.login === login)!.password;
  const admin = await unlockArchive({ folder, login: 'admin', password: pw('admin') }, archiveOptions);
  await addPerson(admin, ANALYST);
  await admin.lock();

  const analyst = await unlockArchive({ folder, login: ANALYST.login, password: ANALYST.password }, archiveOptions);
  try {
    const industries = (
      analyst.archive.db.prepare(`SELECT industry FROM dossiers GROUP BY industry ORDER BY count(*) DESC LIMIT 5`).all() as { industry: string }[]
    ).map((r) => r.industry);
    const queries: AnalyticsQuery[] = [
      { measure: 'dossiers', dimension: 'grade' },
      { measure: 'dossiers', dimension: 'lifecycle' },
      { measure: 'dossiers', dimension: 'industry' },
      { measure: 'dossiers', dimension: 'department' },
      { measure: 'dossiers', dimension: 'secrecy', filters: { grade: 'A' } },
      { measure: 'dossiers', dimension: 'month', filters: { status: 'filed' } },
      { measure: 'reviewCompliance', dimension: 'grade' },
      { measure: 'reviewCompliance', dimension: 'department' },
      { measure: 'reviewCompliance', dimension: 'industry', filters: { lifecycle: 'maintained' } },
      { measure: 'loans', dimension: 'month' },
      { measure: 'loans', dimension: 'department' },
      { measure: 'overdueLoans', dimension: 'grade' },
      ...industries.map((industry): AnalyticsQuery => ({ measure: 'dossiers', dimension: 'grade', filters: { industry } })),
      ...industries.slice(0, 2).map((industry): AnalyticsQuery => ({ measure: 'reviewCompliance', dimension: 'lifecycle', filters: { industry, grade: 'B' } })),
    ];
    // Warm the page cache once, as the analyst's page does on opening.
    for (const q of queries) await runAnalytics(analyst, q).catch(() => undefined);
    const times: number[] = [];
    for (const q of queries) {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        await runAnalytics(analyst, q).catch(() => undefined);
        runs.push(performance.now() - t0);
      }
      times.push(median(runs));
      log(`  ${q.measure} by ${q.dimension} ${JSON.stringify(q.filters ?? {})}: ${median(runs).toFixed(1)} ms`);
    }
    report(N === 100_000 ? 'analytics_p95_ms' : `analytics_${N}_p95_ms`, percentile(times, 95), 'ms', 200);
    // Informational: source channel is a column kept from the content since migration 290.
    const t0 = performance.now();
    await runAnalytics(analyst, { measure: 'dossiers', dimension: 'sourceChannel' });
    log(`  dossiers by sourceChannel: ${(performance.now() - t0).toFixed(1)} ms`);
  } finally {
    await analyst.lock();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));

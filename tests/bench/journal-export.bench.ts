/**
 * Issue 6 figures over one 1,000,000-entry archive (journal-fixture.ts):
 * - export_1m_csv_s: the whole journal to CSV with its signed manifest (target ≤ 10 s)
 * - verify_export_1m_s: the offline verifier over that export (target ≤ 5 s)
 * - journal_filter_p95_ms: first page (100 entries) of a filtered read through the service, as the
 *   viewer asks it — time, person, dossier, event, outcome and combinations — p95 (target ≤ 100 ms)
 */
import { join } from 'node:path';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { readJournal } from '../../src-main/core/journal/service';
import { buildArchive, DOSSIERS, START, STEP_MS } from './journal-fixture';

const ENTRIES = Number(process.env.BENCH_JOURNAL_ENTRIES ?? 1_000_000);
const log = (s: string) => process.stderr.write(s + '\n');
/** CPU seconds of this process: on a shared, loaded machine wall time overstates the cost. */
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const emit = (bench: string, value: number, unit: string, target: number) =>
  process.stdout.write(JSON.stringify({ bench, value: Number(value.toPrecision(4)), unit, target }) + '\n');

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const archive = await buildArchive(ENTRIES, log);
  try {
    const file = join(archive.root, 'journal.csv');
    let t = performance.now();
    let c = cpuS();
    const result = await exportJournal(archive.session, { format: 'csv', out: file });
    const exportS = (performance.now() - t) / 1000;
    log(`exported ${result.count} entries in ${exportS.toFixed(2)} s (cpu ${(cpuS() - c).toFixed(2)} s)`);
    emit('export_1m_csv_s', exportS, 's', 10);

    t = performance.now();
    c = cpuS();
    const verdict = await verifyExport(file, { keyFingerprint: result.fingerprint });
    const verifyS = (performance.now() - t) / 1000;
    if (!verdict.ok) throw new Error(`benchmark export did not verify: ${JSON.stringify(verdict.problem)}`);
    log(`verified ${verdict.count} entries in ${verifyS.toFixed(2)} s (cpu ${(cpuS() - c).toFixed(2)} s)`);
    emit('verify_export_1m_s', verifyS, 's', 5);

    const span = ENTRIES * STEP_MS;
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const queries: (() => unknown)[] = [];
    for (let i = 0; i < 20; i++) {
      const person = archive.personIds[(i * 37) % archive.personIds.length]!;
      const dossier = `KH-2026-${String((i * 131) % DOSSIERS).padStart(5, '0')}`;
      const at = START + (((i * 7919) % 997) / 997) * span;
      queries.push(
        () => ({ actorId: person }),
        () => ({ object: { type: 'dossier', id: dossier } }),
        () => ({ event: 'card.approve', outcome: 'denied' }),
        () => ({ outcome: 'error' }),
        () => ({ from: iso(at), to: iso(at + 7 * day) }),
        () => ({ from: iso(at), to: iso(at + 90 * day) }),
        () => ({ actorId: person, from: iso(at), to: iso(at + 30 * day) }),
        () => ({ object: { type: 'dossier', id: dossier }, event: 'dossier.open', outcome: 'ok' }),
        () => ({ actorId: person, outcome: 'denied' }),
        () => ({ from: iso(at) }),
      );
    }
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await readJournal(archive.session, q(), { limit: 100 });
      times.push(performance.now() - start);
    }
    log(
      `filter: ${times.length} queries, median ${[...times].sort((a, b) => a - b)[times.length >> 1]!.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
    emit('journal_filter_p95_ms', p95(times), 'ms', 100);
  } finally {
    await archive.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + '\n');
  process.exitCode = 1;
});

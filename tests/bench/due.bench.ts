/**
 * Issue 17 figure, over one demo archive built once per run in a temp folder (buildDemoArchive,
 * 100,000 dossiers unless DUE_BENCH_N says fewer, 20 key persons each with the demo's cadence
 * classes, birthdays, recent contacts and anniversaries):
 * - due_list_ms: median of listDue for account manager am1 (a quarter of the archive is theirs):
 *   every due source (reviews, contacts, callbacks), the policy, the sort and the journal entry.
 *
 * Runnable alone: node -r tsx/cjs tests/bench/due.bench.ts. DUE_BENCH_ARCHIVE=DIR keeps the built
 * archive there (with its demo logins) and reuses it on the next run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoArchive } from '../../src-main/cli/demo/build';
import { DUE_LIMIT_PER_KIND } from '../../src-main/core/due/more';
import { listDue } from '../../src-main/core/due/service';
import { DUE_SOURCES } from '../../src-main/core/due/sources';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { median, report } from './report';

const N = Number(process.env.DUE_BENCH_N ?? 100_000);
const kept = process.env.DUE_BENCH_ARCHIVE;
const root = kept ?? mkdtempSync(join(tmpdir(), 'triplicate-bench-due-'));
const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<void> {
  const folder = join(root, 'archive');
  const archiveOptions = { stateDir: join(root, 'state'), kdfTargetMs: 1 };
  const logins = join(root, 'demo-logins.json');
  let demo: { logins: { login: string; password: string }[] };
  if (kept && existsSync(logins)) {
    demo = JSON.parse(readFileSync(logins, 'utf8')) as typeof demo;
  } else {
    mkdirSync(root, { recursive: true });
    const built = performance.now();
    demo = await buildDemoArchive({ folder, dossiers: N, keyPersons: 20, archiveOptions, progress: log });
    log(`archive of ${N} dossiers with 20 key persons each built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
    if (kept) writeFileSync(logins, JSON.stringify({ logins: demo.logins }));
  }
  const pw = (login: string) => demo.logins.find((l) => l.login === login)!.password;
  const manager = await unlockArchive({ folder, login: 'am1', password: pw('am1') }, archiveOptions);
  try {
    const db = manager.archive.db;
    const persons = db
      .prepare('SELECT count(*) AS n, count(contact_class) AS classified FROM due_key_persons WHERE responsible_id = ?')
      .get(manager.actor.id) as { n: number; classified: number };
    log(`am1: ${persons.n} key persons, ${persons.classified} with a cadence class`);
    const first = await listDue(manager, {});
    const kinds: Record<string, number> = {};
    for (const item of first) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
    log(`am1's due list: ${first.length} items ${JSON.stringify(kinds)}, ${first.filter((i) => i.overdue).length} overdue`);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      await listDue(manager, {});
      times.push(performance.now() - t0);
    }
    log(`due list ms: ${times.map((t) => t.toFixed(1)).join(' ')}`);
    // Each source as the list calls it (with the per-kind limit), to say where the time goes.
    const query = { archive: manager.archive, actor: manager.actor, now: manager.archive.clock.now(), limit: DUE_LIMIT_PER_KIND };
    log(
      `by source ms: ${DUE_SOURCES.map((source) => {
        const t0 = performance.now();
        source(query);
        return `${source.name} ${(performance.now() - t0).toFixed(1)}`;
      }).join(', ')}`,
    );
    report('due_list_ms', median(times), 'ms', 100);
  } finally {
    await manager.lock();
  }
}

main()
  .catch((error) => {
    process.stderr.write(String(error?.stack ?? error) + '\n');
    process.exitCode = 1;
  })
  .finally(() => {
    if (!kept) rmSync(root, { recursive: true, force: true });
  });

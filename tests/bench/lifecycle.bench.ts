/**
 * Records-lifecycle figures (issue 16), over one demo archive built once per run in a temp folder
 * (the same `buildDemoArchive` the dossier benchmarks use; 100,000 dossiers unless
 * LIFECYCLE_BENCH_N says fewer):
 * - backup_100k_s: backupArchive as the administrator (snapshot, hashing, signed manifest, file)
 * - restore_verify_100k_s: restoreArchive into a new folder (container hashes and signature, files
 *   written, unlock, signing key check, full journal walk, head match, the restore entry)
 * - destroy_dossier_ms: median of the last approval of a destruction (the general manager approving
 *   for every holding department): policy, content and revisions removed under secure_delete, search
 *   indexes rewritten, copies 销毁, the record line, the journal entry and the WAL checkpoint
 *
 * Runnable alone: node -r tsx/cjs tests/bench/lifecycle.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoArchive } from '../../src-main/cli/demo/build';
import { approveDestruction, requestDestruction } from '../../src-main/core/records/destruction';
import { backupArchive } from '../../src-main/core/vault/backup';
import { restoreArchive } from '../../src-main/core/vault/restore';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { median, report } from './report';

const N = Number(process.env.LIFECYCLE_BENCH_N ?? 100_000);
const label = N === 100_000 ? '100k' : `${N}`;
const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-lifecycle-'));
const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<void> {
  const folder = join(root, 'archive');
  const archiveOptions = { stateDir: join(root, 'state'), kdfTargetMs: 1 };
  const demo = await buildDemoArchive({ folder, dossiers: N, archiveOptions, progress: log });
  const pw = (login: string) => demo.logins.find((l) => l.login === login)!.password;

  const admin = await unlockArchive({ folder, login: 'admin', password: pw('admin') }, archiveOptions);
  const file = join(root, 'archive.tbk');
  let start = performance.now();
  try {
    await backupArchive(admin, { out: file });
  } finally {
    await admin.lock();
  }
  report(`backup_${label}_s`, (performance.now() - start) / 1000, 's', 30);

  start = performance.now();
  await restoreArchive({ file, to: join(root, 'restored'), login: 'admin', password: pw('admin') }, archiveOptions);
  report(`restore_verify_${label}_s`, (performance.now() - start) / 1000, 's', 60);

  const custodian = await unlockArchive({ folder, login: 'cust.s', password: pw('cust.s') }, archiveOptions);
  const gm = await unlockArchive({ folder, login: 'gm', password: pw('gm') }, archiveOptions);
  try {
    const numbers = (
      custodian.archive.db
        .prepare(
          `SELECT archive_number AS n FROM dossiers WHERE status = 'filed' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.dossier_id = dossiers.id) ORDER BY random() LIMIT 7`,
        )
        .all() as { n: string }[]
    ).map((r) => r.n);
    const times: number[] = [];
    for (const number of numbers) {
      const request = await requestDestruction(custodian, { number, reason: 'bench' });
      const t0 = performance.now();
      const done = await approveDestruction(gm, { id: request.id });
      times.push(performance.now() - t0);
      if (done.state !== 'destroyed') throw new Error(`not destroyed: ${number}`);
    }
    log(`destroy ms: ${times.map((t) => t.toFixed(1)).join(' ')}`);
    report('destroy_dossier_ms', median(times), 'ms', 200);
  } finally {
    await custodian.lock();
    await gm.lock();
  }
}

main()
  .catch((error) => {
    process.stderr.write(String(error?.stack ?? error) + '\n');
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));

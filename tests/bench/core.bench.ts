/**
 * The archive core's figures (issue 2):
 * - unlock_s: argon2id at the calibrated production cost (0.5 s target) + open + migrations check + first read
 * - encrypted_vs_plain: one mixed workload (journal appends in transactions, point reads of journal
 *   rows and people) through the core's own code, cipher on vs off, alternated in one run
 * - journal_append_per_s: entries through Journal.append, 1000 per transaction (the bulk path)
 * - journal_append_commit_per_s: one entry per committed transaction, synchronous=FULL (information)
 * - journal_verify_per_s: the chain walk over 200,000 entries as `journal verify` runs it (this
 *   thread plus worker threads with their own read-only connections, verify-pool.ts), the worker
 *   started from the bundle the app ships (verify-worker-bundle.ts), its start timed
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src-main/core/db/connection';
import { migrate } from '../../src-main/core/db/migrate';
import { Journal } from '../../src-main/core/journal/journal';
import { newSigningKey } from '../../src-main/core/journal/signer';
import { keyRecord, personSigner } from '../../src-main/core/vault/signing-keys';
import { verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { listDepartments } from '../../src-main/core/people/service';
import { findPersonById } from '../../src-main/core/people/repository';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { systemClock } from '../../src-main/core/clock';
import { median, report } from './report';
import { bundleVerifyWorker } from '../helpers/verify-worker-bundle';

const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-core-'));
const actor = { id: null, name: '基准测试', duty: null };

/** The person the append benchmark writes as: every entry is signed by them (issue 12). */
const writer = { id: 'bench-person', name: '基准测试员', duty: null };

function freshJournal(name: string, encrypted: boolean) {
  const path = join(root, `${name}.db`);
  const key = randomBytes(32);
  const db = openDatabase(path, encrypted ? key : null, { create: true, encrypted });
  migrate(db);
  const journal = new Journal(db, 'bench-archive', systemClock, 'bench');
  // The writer's key, recorded in the first entry as init records the founding administrator's.
  const signing = newSigningKey();
  journal.useSigner(personSigner(writer.id, signing.publicKey, signing.privateKeyDer), 'bench-session');
  journal.append({ actor: writer, event: 'archive.init', outcome: 'ok', details: { signingKey: keyRecord(writer.id, signing.publicKey) } });
  return { db, reader: { path, key }, journal, signing };
}

async function unlockSeconds(): Promise<number> {
  const folder = join(root, 'unlock');
  const options = { stateDir: join(root, 'state'), kdfTargetMs: 500 };
  const { session } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'bench-password-1' }, options);
  await session.lock();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const s = await unlockArchive({ folder, login: 'admin', password: 'bench-password-1' }, options);
    await listDepartments(s);
    times.push((performance.now() - start) / 1000);
    await s.lock();
  }
  return median(times);
}

function mixedWorkload(encrypted: boolean, round: number): number {
  const { db, journal } = freshJournal(`mixed-${encrypted ? 'enc' : 'plain'}-${round}`, encrypted);
  const find = db.prepare('SELECT * FROM journal WHERE seq = ?');
  const start = performance.now();
  for (let batch = 0; batch < 100; batch++) {
    journal.transaction(() => {
      for (let i = 0; i < 100; i++) journal.append({ actor, event: 'bench.mixed', outcome: 'ok', details: { batch, i, note: '客户档案借阅' } });
    });
    const head = journal.head().seq;
    for (let i = 0; i < 200; i++) {
      find.get(1 + ((i * 7919 + batch * 104729) % head));
      findPersonById(db, 'nobody');
    }
  }
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

async function main(): Promise<void> {
  const workerScript = bundleVerifyWorker('bench-core');
  report('unlock_s', await unlockSeconds(), 's', 1.0);

  // Cipher on and off in adjacent pairs, which goes first swapped every round, and the median of
  // the pairs' ratios: a slow spell on this shared host (seconds to minutes long) then slows both
  // halves of a pair alike. The ratio of the on and off medians, as before, moved with the spells:
  // 0.998 and 1.157 in two full runs with the code unchanged. Single pairs still range 0.6-1.4
  // here, hence 15 of them (the ratios go to stderr).
  const ratios: number[] = [];
  for (let round = 0; round < 15; round++) {
    const onFirst = round % 2 === 0;
    const first = mixedWorkload(onFirst, round);
    const second = mixedWorkload(!onFirst, round);
    ratios.push(onFirst ? first / second : second / first);
  }
  process.stderr.write(`[bench] encrypted_vs_plain per pair: ${ratios.map((r) => r.toFixed(3)).join(' ')}\n`);
  report('encrypted_vs_plain', median(ratios), 'ratio', 1.15);

  // Every entry names the writer and is signed by them: one signature per 1000-entry transaction.
  const { db, journal, reader } = freshJournal('append', true);
  const total = 200_000;
  let start = performance.now();
  for (let batch = 0; batch < total / 1000; batch++) {
    journal.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        journal.append({
          actor: writer,
          event: 'dossier.open',
          object: { type: 'dossier', id: `KH-2026-${String(i).padStart(5, '0')}` },
          outcome: 'ok',
          details: { sections: ['basic', 'finance'] },
        });
      }
    });
  }
  report('journal_append_per_s', total / ((performance.now() - start) / 1000), 'entries/s', 20_000);

  // One entry per committed transaction, each signed (an ordinary operation's entry).
  const commits = 300;
  start = performance.now();
  for (let i = 0; i < commits; i++) journal.append({ actor: writer, event: 'dossier.open', outcome: 'ok' });
  report('journal_append_commit_per_s', commits / ((performance.now() - start) / 1000), 'entries/s', 100);
  journal.checkpoint();

  start = performance.now();
  const result = await verifyJournalInParallel(db, { archiveId: 'bench-archive', publicKey: null, keyringHead: null }, reader, { workerScript });
  const elapsed = (performance.now() - start) / 1000;
  if (!result.ok || !result.signatures?.attributable) throw new Error(`benchmark journal failed verification: ${JSON.stringify(result.problem)}`);
  report('journal_verify_per_s', result.count / elapsed, 'entries/s', 300_000);
  db.close();

  // Information: a journal of ordinary operations, one signed entry per transaction in 200 sessions
  // of 100, as people write it; verify checks one signature per session (person-signatures.ts).
  const ops = freshJournal('operations', true);
  for (let s = 0; s < 200; s++) {
    ops.journal.useSigner(personSigner(writer.id, ops.signing.publicKey, ops.signing.privateKeyDer), `session-${s}`);
    for (let i = 0; i < 100; i++) ops.journal.append({ actor: writer, event: 'dossier.open', outcome: 'ok' });
    ops.journal.checkpoint();
  }
  start = performance.now();
  const opsResult = await verifyJournalInParallel(ops.db, { archiveId: 'bench-archive', publicKey: null, keyringHead: null }, ops.reader, { workerScript });
  if (!opsResult.ok) throw new Error(`operations journal failed verification: ${JSON.stringify(opsResult.problem)}`);
  report('journal_verify_signed_operations_per_s', opsResult.count / ((performance.now() - start) / 1000), 'entries/s', 0);
  ops.db.close();
}

main()
  .catch((error) => {
    process.stderr.write(String(error?.stack ?? error) + '\n');
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));

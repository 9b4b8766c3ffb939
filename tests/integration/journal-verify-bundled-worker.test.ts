/**
 * `workerScript` (verify-pool.ts): verify started with the worker bundled as the app ships it (the
 * benchmarks time this one) walks in that worker and reports exactly what one walk from the start
 * reports; a script that cannot start leaves the walk to this thread, with the same report.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { CHUNK } from '../../src-main/core/journal/chain-walk';
import { verifyJournal, verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { bundleVerifyWorker } from '../helpers/verify-worker-bundle';
import { makeJournalFile } from '../helpers/journal-file';

const ENTRIES = CHUNK + 3500;
const ARCHIVE_ID = 'bundled-worker-test';
const BUNDLE_DIR = `test-verify-worker-${process.pid}`;

let root: string;
let path: string;
let key: Buffer;
let publicKey: Buffer;
let workerScript: string;

beforeAll(() => {
  workerScript = bundleVerifyWorker(BUNDLE_DIR);
  const file = makeJournalFile('triplicate-bundled-worker-', ARCHIVE_ID, ENTRIES);
  ({ root, path, key } = file);
  publicKey = file.signer.publicKey;
  const db = openDatabase(path, key);
  // A changed entry in the second chunk: the worker's report must name it as one walk does.
  db.exec('DROP TRIGGER journal_no_update');
  db.prepare(`UPDATE journal SET details = '{"i":-1}' WHERE seq = ?`).run(CHUNK + 777);
  db.close();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(workerScript, '..'), { recursive: true, force: true });
});

async function verifyWith(
  script: string,
): Promise<{ single: ReturnType<typeof verifyJournal>; parallel: ReturnType<typeof verifyJournal>; byWorkers: number[] }> {
  const db = openDatabase(path, key);
  try {
    const input = { archiveId: ARCHIVE_ID, publicKey, keyringHead: null };
    const byWorkers: number[] = [];
    const parallel = await verifyJournalInParallel(
      db,
      input,
      { path, key },
      { workers: 1, minChunks: 1, workersOnly: true, workerScript: script, onWorkerChunk: (index) => byWorkers.push(index) },
    );
    return { single: verifyJournal(db, input), parallel, byWorkers };
  } finally {
    db.close();
  }
}

describe('verify with the bundled worker', () => {
  it('walks in the bundled worker and says what one walk says', async () => {
    const { single, parallel, byWorkers } = await verifyWith(workerScript);
    expect(single).toMatchObject({ ok: false, count: CHUNK + 776, problem: { seq: CHUNK + 777, kind: 'hash' } });
    expect(parallel).toEqual(single);
    expect(byWorkers.sort()).toEqual([0, 1]);
  });

  it('a script that cannot start leaves every chunk to this thread, with the same report', async () => {
    const { single, parallel, byWorkers } = await verifyWith(join(root, 'no-such-worker.js'));
    expect(parallel).toEqual(single);
    expect(byWorkers).toEqual([]);
  });
});

/**
 * Issue 14, point 3: on the archive server a verify's chain walk runs in worker threads only, so
 * the thread that answers every workstation is not held by it; and sign-ins' key derivations go
 * through a gate narrower than the cores. A real encrypted journal of three chunks.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { CHUNK } from '../../src-main/core/journal/chain-walk';
import { verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { keepThisThreadFree } from '../../src-main/core/journal/verify-pool';
import { Gate } from '../../src-main/ipc/remote/mutex';
import { makeJournalFile } from '../helpers/journal-file';
import { systemClock } from '../../src-main/core/clock';
import { Journal } from '../../src-main/core/journal/journal';
import { makeSigner } from '../../src-main/core/journal/signer';

const ENTRIES = 2 * CHUNK + 1500;
let root: string;
let path: string;
let key: Buffer;
let publicKey: Buffer;
let privateKeyDer: Buffer;

beforeAll(() => {
  const file = makeJournalFile('triplicate-server-verify-', 'server-verify', ENTRIES);
  ({ root, path, key } = file);
  publicKey = file.signer.publicKey;
  privateKeyDer = file.privateKeyDer;
});
afterAll(() => {
  keepThisThreadFree(false);
  rmSync(root, { recursive: true, force: true });
});

/** This process's threads at the lowest priority now (Linux keeps a nice value per thread). */
function threadsAtLowest(): number {
  if (process.platform !== 'linux') return 0;
  return readdirSync('/proc/self/task').filter((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16] === '19';
    } catch {
      return false; // a thread that ended meanwhile
    }
  }).length;
}

async function verify(): Promise<{ ok: boolean; count: number; byWorkers: number[]; lowest: number }> {
  const db = openDatabase(path, key);
  const byWorkers: number[] = [];
  let lowest = 0;
  // Looked at while the workers live (this thread is free while they walk).
  const watch = setInterval(() => (lowest = Math.max(lowest, threadsAtLowest())), 2);
  try {
    const report = await verifyJournalInParallel(
      db,
      { archiveId: 'server-verify', publicKey, keyringHead: null },
      { path, key },
      { onWorkerChunk: (i) => byWorkers.push(i) },
    );
    return { ok: report.ok, count: report.count, byWorkers: byWorkers.sort(), lowest };
  } finally {
    clearInterval(watch);
    db.close();
  }
}

describe('long reads on the archive server', () => {
  it('a short chain stays on the calling thread in the app, and goes wholly to workers on the server', async () => {
    keepThisThreadFree(false);
    const app = await verify();
    expect(app).toMatchObject({ ok: true, count: ENTRIES, byWorkers: [] });
    keepThisThreadFree(true);
    const server = await verify();
    expect(server).toMatchObject({ ok: true, count: ENTRIES, byWorkers: [0, 1, 2] });
  }, 120_000);

  // A per-thread priority is Linux's; elsewhere lowering it would lower the whole server, so it is not done.
  it.runIf(process.platform === 'linux')(
    "on the server the walk's workers run at the lowest priority, this thread at its own",
    async () => {
      keepThisThreadFree(true);
      const server = await verify();
      expect(server.ok).toBe(true);
      expect(server.lowest).toBeGreaterThanOrEqual(1);
      expect(getPriority()).toBe(0);
      keepThisThreadFree(false);
      const app = await verify();
      expect(app.lowest).toBe(0);
    },
    120_000,
  );

  it('a plan that sees entries not committed yet is walked here, since no worker could read them', async () => {
    keepThisThreadFree(true);
    const db = openDatabase(path, key);
    const byWorkers: number[] = [];
    try {
      const journal = new Journal(db, 'server-verify', systemClock, 'test', makeSigner(publicKey, privateKeyDer));
      db.exec('BEGIN');
      journal.append({ actor: { id: null, name: '测试', duty: null }, event: 'dossier.open', outcome: 'ok', details: { uncommitted: true } });
      const input = { archiveId: 'server-verify', publicKey, keyringHead: null };
      const reader = { path, key };
      const report = await verifyJournalInParallel(db, input, reader, { onWorkerChunk: (i) => byWorkers.push(i) });
      expect(report).toMatchObject({ ok: true, count: ENTRIES + 1 });
      expect(byWorkers).toEqual([]);
      // Given a way to settle first (the server's group commit), the same plan goes to the workers.
      const settled = <T>(work: () => T): T => {
        db.exec('COMMIT');
        return work();
      };
      const after = await verifyJournalInParallel(db, input, reader, { settled, onWorkerChunk: (i) => byWorkers.push(i) });
      expect(after).toMatchObject({ ok: true, count: ENTRIES + 1 });
      expect(byWorkers.sort()).toEqual([0, 1, 2]);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      keepThisThreadFree(false);
    }
  }, 120_000);

  it('the sign-in gate lets no more than its width run at once, in order', async () => {
    const gate = new Gate(1);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        gate.run(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 10));
          order.push(i);
          running--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3]);
    const failing = gate.run(async () => {
      throw new Error('x');
    });
    await expect(failing).rejects.toThrow('x');
    expect(await gate.run(async () => 7)).toBe(7);
  });
});

/**
 * Issue 14, point 3: on the archive server a verify's chain walk runs in worker threads only, so
 * the thread that answers every workstation is not held by it; and sign-ins' key derivations go
 * through a gate narrower than the cores. A real encrypted journal of three chunks.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { CHUNK } from '../../src-main/core/journal/chain-walk';
import { verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { keepThisThreadFree } from '../../src-main/core/journal/verify-pool';
import { Gate } from '../../src-main/ipc/remote/mutex';
import { makeJournalFile } from '../helpers/journal-file';

const ENTRIES = 2 * CHUNK + 1500;
let root: string;
let path: string;
let key: Buffer;
let publicKey: Buffer;

beforeAll(() => {
  const file = makeJournalFile('triplicate-server-verify-', 'server-verify', ENTRIES);
  ({ root, path, key } = file);
  publicKey = file.signer.publicKey;
});
afterAll(() => {
  keepThisThreadFree(false);
  rmSync(root, { recursive: true, force: true });
});

async function verify(): Promise<{ ok: boolean; count: number; byWorkers: number[] }> {
  const db = openDatabase(path, key);
  const byWorkers: number[] = [];
  try {
    const report = await verifyJournalInParallel(
      db,
      { archiveId: 'server-verify', publicKey, keyringHead: null },
      { path, key },
      { onWorkerChunk: (i) => byWorkers.push(i) },
    );
    return { ok: report.ok, count: report.count, byWorkers: byWorkers.sort() };
  } finally {
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

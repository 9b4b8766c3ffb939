/**
 * Issue 14, point 3: on the archive server a verify's chain walk runs in worker threads only, so
 * the thread that answers every workstation is not held by it; and sign-ins' key derivations go
 * through a gate narrower than the cores. A real encrypted journal of three chunks.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/core/clock';
import { openDatabase } from '../../src-main/core/db/connection';
import { migrate } from '../../src-main/core/db/migrate';
import { CHUNK } from '../../src-main/core/journal/chain-walk';
import { Journal } from '../../src-main/core/journal/journal';
import { makeSigner, newSigningKey } from '../../src-main/core/journal/signer';
import { verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { keepThisThreadFree } from '../../src-main/core/journal/verify-pool';
import { Gate } from '../../src-main/ipc/remote/mutex';

const ENTRIES = 2 * CHUNK + 1500;
let root: string;
let path: string;
let key: Buffer;
let publicKey: Buffer;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-server-verify-'));
  path = join(root, 'archive.db');
  key = randomBytes(32);
  const db = openDatabase(path, key, { create: true });
  migrate(db);
  const signing = newSigningKey();
  db.prepare('INSERT INTO signing_key (id, public_key, private_key, fingerprint) VALUES (1, ?, ?, ?)').run(signing.publicKey, signing.privateKeyDer, 'f');
  publicKey = signing.publicKey as Buffer;
  const journal = new Journal(db, 'server-verify', systemClock, 'test', makeSigner(signing.publicKey, signing.privateKeyDer));
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i++) journal.append({ actor: { id: null, name: '测试', duty: null }, event: 'dossier.open', outcome: 'ok', details: { i } });
  })();
  db.close();
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

/**
 * `triplicate demo`: a realistic archive of fictional customers in every state supported so far,
 * with every login printed, made through the same core, policy and journal as the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCopies } from '../../src-main/core/copies/service';
import { searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { runCli, type CliResult } from '../helpers/cli';

let root: string;
let run: CliResult;
const options = () => ({ stateDir: join(root, 'state'), kdfTargetMs: 1 });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-demo-'));
  // The demo now also makes months of history (issue 18 point 5): give it time on a loaded machine.
  run = runCli(['demo', '--archive', join(root, 'archive'), '--dossiers', '150', '--seed', '7'], '', { TRIPLICATE_STATE_DIR: join(root, 'state') }, 300_000);
}, 330_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function password(login: string): string {
  const line = run.stdout.split('\n').find((l) => l.trim().startsWith(`${login} `));
  return line!.trim().split(/\s+/)[1]!;
}

describe('triplicate demo', () => {
  it('prints a login and password for every duty and rank, and each one opens the archive', async () => {
    expect(run.status, run.stderr).toBe(0);
    for (const role of ['administrator', 'general manager', 'department manager', 'account manager', 'collector', 'custodian', 'auditor', 'staff', 'analyst']) {
      expect(run.stdout).toContain(role);
    }
    const session = await unlockArchive({ folder: join(root, 'archive'), login: 'auditor', password: password('auditor') }, options());
    expect(session.actor.duties).toEqual(['auditor']);
    await session.lock();
  });

  it('holds drafts, filed dossiers with Chinese names, lagging and re-issued copies, a lost copy and overdue reviews; one journal entry per batch', async () => {
    const session = await unlockArchive({ folder: join(root, 'archive'), login: 'cust.s', password: password('cust.s') }, options());
    try {
      const all = await searchCatalogue(session, { limit: 500 });
      // The 150 made in bulk, and the one the demo's lead with intent to cooperate became (issue 18).
      expect(all.total).toBe(151);
      expect(all.rows.every((r) => /^[\u4e00-\u9fff]+$/.test(r.customerName))).toBe(true);
      expect(all.rows.some((r) => r.status === 'draft')).toBe(true);
      const copies = all.rows.flatMap((r) => r.copies);
      expect(copies.some((c) => c.lag > 0)).toBe(true);
      expect(copies.some((c) => c.state === 'lost')).toBe(true);
      expect((await searchCatalogue(session, { review: 'overdue' })).total).toBeGreaterThan(0);
      const revised = all.rows.find((r) => r.revision > 1)!;
      const held = await listCopies(session, { number: revised.number });
      expect(held.find((c) => c.department === 'sales')!.lag).toBe(0);
      expect(held.find((c) => c.department === 'marketing')!.lag).toBeGreaterThan(0);
      const batches = session.archive.db
        .prepare("SELECT count(*) AS n FROM journal WHERE event = 'dossier.create' AND outcome = 'ok' AND json_extract(details, '$.bulk') = 1")
        .get() as { n: number };
      expect(batches.n).toBe(1);
    } finally {
      await session.lock();
    }
  });
});

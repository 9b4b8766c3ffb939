/**
 * Issue 14: the archive server's reads of one event-loop turn share one commit (tick-commit.ts).
 * What must hold: nothing of a turn is visible to another connection (nor answered) before its
 * commit; a failed request in a turn rolls back only its own change and still leaves its entry;
 * a turn rolled back whole says so to every request waiting on it; and through the server, many
 * reads at once are each journaled exactly once, in fewer commits than requests, with the chain
 * and every person's signatures intact; and an auditor's verify does not stop the others' reads
 * from sharing commits while its workers walk.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { DATABASE_FILE } from '../../src-main/core/vault/keyring';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import type { Session } from '../../src-main/core/session';
import { TickCommit } from '../../src-main/ipc/remote/tick-commit';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { serveArchive } from '../helpers/server';

const AUDITOR = { login: 'shen.ji', name: '沈计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen.ji-password-1' };
const MANAGER = { login: 'li.am', name: '李经理', department: 'key-accounts', rank: 'account-manager' as const, password: 'li.am-password-1' };

let archive: TestArchive;

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  await archive.addPerson(MANAGER);
}, 120_000);

afterAll(() => archive?.cleanup());

/** The whole chain verifies, every entry attributed to its person. */
async function expectAttributable(check: Session): Promise<void> {
  const report = await verifyArchiveJournal(check);
  expect(report.ok).toBe(true);
  expect(report.signatures?.attributable).toBe(true);
}

const countEntries = (open: OpenArchive, event: string): number =>
  (open.db.prepare('SELECT count(*) AS n FROM journal WHERE event = ?').get(event) as { n: number }).n;

describe('one commit per turn', () => {
  it('shows nothing before the commit, rolls back one failed request alone, and reports a lost turn', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    const other = openDatabase(join(archive.folder, DATABASE_FILE), admin.archive.databaseKey, { readonly: true });
    try {
      const ticks = new TickCommit(admin.archive);
      const seenElsewhere = () => (other.prepare("SELECT count(*) AS n FROM journal WHERE event = 'test.turn'").get() as { n: number }).n;
      const append = (i: number) =>
        admin.archive.journal.append({ actor: { id: null, name: null, duty: null }, event: 'test.turn', outcome: 'ok', details: { i } });

      ticks.join();
      expect(admin.archive.db.inTransaction).toBe(true);
      append(1);
      // A request's own transaction inside the turn fails: only its change goes.
      expect(() =>
        admin.archive.db.transaction(() => {
          append(2);
          throw new Error('this request fails');
        })(),
      ).toThrow('this request fails');
      append(3);
      expect(countEntries(admin.archive, 'test.turn')).toBe(2);
      expect(seenElsewhere()).toBe(0);
      const done = ticks.committed();
      await done;
      expect(admin.archive.db.inTransaction).toBe(false);
      expect(seenElsewhere()).toBe(2);
      expect(ticks.committedTurns).toBe(1);

      // A turn that SQLite rolled back whole (disk full, I/O error): whoever waits on it hears so.
      ticks.join();
      append(4);
      const lost = ticks.committed();
      admin.archive.db.exec('ROLLBACK');
      await expect(lost).rejects.toThrow('rolled back');
      expect(countEntries(admin.archive, 'test.turn')).toBe(2);

      // While something runs alone, no turn opens and work commits as it goes.
      await ticks.alone(async () => {
        ticks.join();
        expect(admin.archive.db.inTransaction).toBe(false);
        append(5);
        expect(seenElsewhere()).toBe(3);
      });
    } finally {
      other.close();
      await admin.lock();
    }
  }, 120_000);

  it('journals each of many reads at once exactly once, in fewer commits, signed by their people', async () => {
    const served = await serveArchive(archive);
    const ticks = (served.server as unknown as { ticks: TickCommit }).ticks;
    try {
      const auditor = await served.signedIn(AUDITOR);
      const manager = await served.signedIn(MANAGER);
      const before = ticks.committedTurns;
      const rounds = 20;
      const answers = await Promise.all(
        Array.from({ length: rounds }, (_, i) => [
          auditor.call('journal:read', { filters: { event: 'session.unlock' }, limit: 10 }),
          manager.call('dossiers:search', { text: `客户${i}` }),
          // Refused by the policy (managers do not read the journal): its entry is written in the turn too.
          manager.call('journal:read', { filters: {}, limit: 10 }),
          // Fails in the core (no such dossier): an error entry, the turn goes on.
          manager.call('dossiers:open', { number: `KH-2099-${String(i).padStart(5, '0')}` }),
        ]).flat(),
      );
      const turns = ticks.committedTurns - before;
      expect(answers.filter((a) => a.ok)).toHaveLength(rounds * 2);
      expect(turns).toBeGreaterThan(0);
      expect(turns).toBeLessThan(rounds * 4);
      await auditor.close();
      await manager.close();
    } finally {
      await served.stop();
    }

    const check = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const rows = check.archive.db
        .prepare(
          `SELECT event, outcome, actor_name AS name, count(*) AS n FROM journal
           WHERE event IN ('journal.read', 'catalogue.search', 'dossier.open') AND details LIKE '%"remote":%' GROUP BY event, outcome, actor_name`,
        )
        .all() as { event: string; outcome: string; name: string; n: number }[];
      const n = (event: string, outcome: string, name: string) => rows.find((r) => r.event === event && r.outcome === outcome && r.name === name)?.n ?? 0;
      expect(n('journal.read', 'ok', AUDITOR.name)).toBe(20);
      expect(n('catalogue.search', 'ok', MANAGER.name)).toBe(20);
      expect(n('journal.read', 'denied', MANAGER.name)).toBe(20);
      expect(rows.filter((r) => r.event === 'dossier.open' && r.name === MANAGER.name).reduce((s, r) => s + r.n, 0)).toBe(20);
      await expectAttributable(check);
    } finally {
      await check.lock();
    }
  }, 180_000);

  it("keeps sharing commits while an auditor's verify walks, which plans and co-signs on committed ground", async () => {
    const served = await serveArchive(archive);
    const ticks = (served.server as unknown as { ticks: TickCommit }).ticks;
    try {
      const auditor = await served.signedIn(AUDITOR);
      const manager = await served.signedIn(MANAGER);
      let verifying = true;
      let readsDuring = 0;
      let turnsDuring = 0;
      const turnsBefore = ticks.committedTurns;
      const verify = auditor.call<{ ok: boolean; count: number; coSigned: { seq: number } | null }>('journal:verify', {}).finally(() => {
        verifying = false;
        turnsDuring = ticks.committedTurns - turnsBefore;
      });
      // The walk runs in workers on the server (a few hundred ms to start them): reads go on meanwhile.
      while (verifying) {
        const round = await Promise.all(Array.from({ length: 4 }, (_, i) => manager.call('dossiers:search', { text: `客户${i}` })));
        expect(round.every((a) => a.ok)).toBe(true);
        if (verifying) readsDuring += round.length;
      }
      const answer = await verify;
      expect(answer.ok && answer.value.ok).toBe(true);
      expect(answer.ok && answer.value.coSigned).not.toBeNull();
      expect(readsDuring).toBeGreaterThanOrEqual(4);
      // Before, a verify ran alone: every read during it committed by itself and no turn opened
      // (at most the one already open when it started was committed).
      expect(turnsDuring).toBeGreaterThan(1);
      await auditor.close();
      await manager.close();
    } finally {
      await served.stop();
    }

    // The co-signature and the anchor name only committed checkpoints: the archive opens clean and verifies.
    const check = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      expect(check.archive.integrity).toBeNull();
      await expectAttributable(check);
    } finally {
      await check.lock();
    }
  }, 180_000);
});

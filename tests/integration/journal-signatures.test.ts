/**
 * Issue 12: people's signing keys through the life of an archive — added, password changed, reset
 * with a second person's approval, recovered with the recovery key — and exports that prove entries vanished.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { compareExports } from '../../src-main/core/journal/export/compare-exports';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { approvePasswordReset, requestPasswordReset } from '../../src-main/core/people/resets';
import { changeOwnPassword, listDepartments } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { readKeyring } from '../../src-main/core/vault/keyring';
import { recoverWithKey } from '../../src-main/core/vault/recover';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { asPerson } from '../helpers/as-person';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const SALES_HEAD = { login: 'zhou.ba', name: '周八', department: 'sales', rank: 'department-manager' as const, password: 'zhou-password-1' };
const STAFF = { login: 'staff1', name: '赵六', department: 'sales', rank: 'staff' as const, password: 'staff-password-1' };

let archive: TestArchive;
let out: string;
beforeEach(async () => {
  archive = await makeArchive();
  out = mkdtempSync(join(tmpdir(), 'triplicate-exports-'));
  await archive.addPerson(AUDITOR);
  await archive.addPerson(STAFF);
});
afterEach(() => {
  archive.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const as = <T>(login: string, password: string, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, { login, password }, fn);

describe('signing keys follow the person', () => {
  it("the founding administrator's key is the keyring's root, and no archive-wide key is stored", async () => {
    await as(ADMIN.login, ADMIN.password, async (s) => {
      expect(s.archive.db.prepare('SELECT count(*) FROM signing_key').pluck().get()).toBe(0);
      const init = JSON.parse(s.archive.db.prepare('SELECT details FROM journal WHERE seq = 1').pluck().get() as string);
      expect(init.signingKey.fingerprint).toBe(readKeyring(archive.folder).signingKey.fingerprint);
      // Every entry of a session names its person and is covered by their signature.
      const uncovered = s.archive.db
        .prepare('SELECT count(*) FROM journal j WHERE NOT EXISTS (SELECT 1 FROM journal_signatures g WHERE j.seq BETWEEN g.first_seq AND g.last_seq)')
        .pluck()
        .get();
      expect(uncovered).toBe(0);
    });
  });

  it('after an own password change, a two-person reset and a recovery, everyone still signs and verify attributes every entry', async () => {
    await as(STAFF.login, STAFF.password, (s) => changeOwnPassword(s, 'staff-password-2'));
    await as(STAFF.login, 'staff-password-2', (s) => listDepartments(s));
    // A reset needs two people (issue 11): the administrator asks, the department's head approves.
    await archive.addPerson(SALES_HEAD);
    await as(ADMIN.login, ADMIN.password, (s) => requestPasswordReset(s, STAFF.login));
    const { code } = await as(SALES_HEAD.login, SALES_HEAD.password, (s) => approvePasswordReset(s, STAFF.login));
    const reset = await unlockArchive({ folder: archive.folder, login: STAFF.login, password: code, newPassword: 'staff-password-3' }, archive.options);
    await listDepartments(reset);
    await reset.lock();
    await as(STAFF.login, 'staff-password-3', async (s) => {
      await listDepartments(s);
      // A new key was issued with the approval; the person did not have to enrol one.
      expect(s.archive.db.prepare("SELECT count(*) FROM journal WHERE event = 'person.key'").pluck().get()).toBe(0);
    });
    const recovered = await recoverWithKey(
      { folder: archive.folder, recoveryKey: archive.recoveryKey, login: ADMIN.login, newPassword: 'admin-password-2' },
      archive.options,
    );
    await listDepartments(recovered);
    await recovered.lock();
    const { report } = await as(AUDITOR.login, AUDITOR.password, async (s) => ({ report: await verifyArchiveJournal(s) }));
    expect(report.problem).toBeUndefined();
    expect(report.signatures).toMatchObject({ signedFrom: 1, attributable: true });
    // Eleven argon2id sign-ins and a recovery: on a loaded two-core machine that takes more than a minute.
  }, 180_000);

  it("failed unlocks are written unsigned, counted apart, and do not stop the auditor's co-signature", async () => {
    await expect(archive.unlock(STAFF.login, 'wrong-password-1')).rejects.toThrow();
    const { report } = await as(AUDITOR.login, AUDITOR.password, async (s) => ({ report: await verifyArchiveJournal(s) }));
    expect(report.ok).toBe(true);
    expect(report.signatures!.unsigned).toBe(1);
    expect(report.coSigned).toEqual({ seq: report.headSeq });
  });

  it('a second verify in the same session is clean too: the keyring head moves with the raised anchor', async () => {
    const reports = await as(AUDITOR.login, AUDITOR.password, async (s) => {
      const first = await verifyArchiveJournal(s);
      // Before, the co-signature raised the anchor above the keyring's head, which reads as an old keyring put back.
      expect(readKeyring(archive.folder).journalHead!.seq).toBeGreaterThanOrEqual(first.headSeq);
      return [first, await verifyArchiveJournal(s), await verifyArchiveJournal(s)];
    });
    for (const report of reports) {
      expect(report.problem ?? null).toBeNull();
      expect(report.ok).toBe(true);
      expect(report.coSigned).toEqual({ seq: report.headSeq });
    }
    expect(reports[2]!.headSeq).toBeGreaterThan(reports[0]!.headSeq);
  });
});

describe('exports carry the head and its signatures', () => {
  it('an earlier export proves that entries vanished from a later one (core and verify-export --earlier)', async () => {
    const first = join(out, 'first.jsonl');
    const exported = await as(AUDITOR.login, AUDITOR.password, async (s) => {
      await verifyArchiveJournal(s); // co-signs the head
      return exportJournal(s, { format: 'jsonl', out: first });
    });
    expect((await verifyExport(first)).ok).toBe(true);
    const second = join(out, 'second.jsonl');
    await as(AUDITOR.login, AUDITOR.password, (s) => exportJournal(s, { format: 'jsonl', out: second }));
    expect((await compareExports(second, first)).ok).toBe(true);

    // Staff1, with the raw key, removes an entry of the first export and re-chains the rest.
    const key = await as(STAFF.login, STAFF.password, async (s) => Buffer.from(s.archive.databaseKey));
    const db = openDatabase(join(archive.folder, 'archive.db'), key);
    const removed = exported.firstSeq! + 3;
    db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
    const rows = db.prepare('SELECT * FROM journal ORDER BY seq').all() as Record<string, unknown>[];
    const { rowHash, genesisHash } = await import('../../src-main/core/journal/entry');
    db.prepare('DELETE FROM journal').run();
    let prev = genesisHash(readKeyring(archive.folder).archiveId);
    let seq = 0;
    for (const r of rows) {
      if (r.seq === removed) continue;
      seq++;
      const row = [
        seq,
        r.at,
        r.tz_offset,
        r.actor_id,
        r.actor_name,
        r.actor_duty,
        r.workstation,
        r.event,
        r.object_type,
        r.object_id,
        r.outcome,
        r.reason,
        r.details,
        prev,
      ] as Parameters<typeof rowHash>[0];
      const hash = rowHash(row);
      db.prepare('INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...row, hash);
      prev = hash;
    }
    db.close();
    // A later export of the rewritten journal is refused by the archive itself (its signatures break)...
    const third = join(out, 'third.jsonl');
    const elsewhere = mkdtempSync(join(tmpdir(), 'triplicate-ws-'));
    const { report } = await (async () => {
      const { unlockArchive } = await import('../../src-main/core/vault/unlock');
      const s = await unlockArchive({ folder: archive.folder, login: AUDITOR.login, password: AUDITOR.password }, { ...archive.options, stateDir: elsewhere });
      try {
        const r = await verifyArchiveJournal(s);
        await exportJournal(s, { format: 'jsonl', out: third });
        return { report: r };
      } finally {
        await s.lock();
        rmSync(elsewhere, { recursive: true, force: true });
      }
    })();
    expect(report.ok).toBe(false);
    // ...and, held against the earlier export, shows where the journal was rewritten.
    const comparison = await compareExports(third, first);
    expect(comparison.ok).toBe(false);
    expect(comparison.problem).toMatchObject({ kind: 'diverged', seq: removed });
    const cli = runCli(['verify-export', third, '--earlier', first], '', {});
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(new RegExp(`entry ${removed}`));
  });
});

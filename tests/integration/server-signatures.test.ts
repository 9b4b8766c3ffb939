/**
 * Issue 12 on the archive server (issue 14): one process holds the archive and many sessions at once,
 * and each signs what it writes with its own person's key, opened from that person's slot at sign-in.
 * Two people, one of them on two workstations, the administrator signed in a second time, a password
 * reset of someone who is signed in, and the auditor's verify over the wire: afterwards every entry
 * naming a person is covered by that person's signature, each remote lock has that person's
 * checkpoint, refused sign-ins stay unsigned, and the auditor's verify (remote, then local) attributes
 * every entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainReportView } from '../../src-main/contract/ipc-journal';
import type { LoanView } from '../../src-main/contract/loans';
import type { ApprovedResetView } from '../../src-main/contract/people';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import { ADMIN, type TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { serveArchive, type TestServer } from '../helpers/server';
import { cardFor, fileDossiers, OutcomeLog } from '../helpers/server-flow';

const AUDITOR = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen-password-01' };

let archive: TestArchive;
let served: TestServer;
let numbers: string[];
/** The server's own open archive, to read what it wrote. */
let held: OpenArchive;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(AUDITOR);
  numbers = await fileDossiers(archive, ['secret', 'secret']);
  served = await serveArchive(archive);
  held = served.archive;
}, 300_000);

afterAll(async () => {
  await served?.stop();
  archive?.cleanup();
});

const idOf = (login: string) => findPersonByLogin(held.db, login)!.id;

describe('per-session signers on the archive server', () => {
  it('every entry is signed by the person it names, across sessions at once, a second workstation and a reset', async () => {
    const log = new OutcomeLog();
    const [zhangA, zhangB, chen, auditor, admin, wu] = await Promise.all([
      served.signedIn(PEOPLE.manager, 'ws-zhang-a'),
      served.signedIn(PEOPLE.manager, 'ws-zhang-b'),
      served.signedIn(PEOPLE.custodianC),
      served.signedIn(AUDITOR),
      served.signedIn(ADMIN, 'ws-admin'),
      served.signedIn(PEOPLE.deptManager),
    ]);
    const [n1, n2] = numbers as [string, string];

    // A wrong password for someone signed in elsewhere: refused, written in no one's session.
    const stranger = await served.connect();
    const wrong = await stranger.signIn(PEOPLE.manager.login, 'not-the-password-9', 'ws-stranger');
    expect(wrong.ok).toBe(false);
    await stranger.close();

    const a = await log.must<LoanView>(zhangA, 'zhangA', 'cards:file', cardFor(`${n1}-C`));
    await log.must(chen, 'chen', 'cards:approve', { card: a.card });
    await log.must(zhangB, 'zhangB', 'loans:read', { card: a.card, sections: ['basic'] });
    // One of zhang's workstations leaves; the other keeps signing with the same key.
    await zhangA.signOut();
    await log.must(zhangB, 'zhangB', 'loans:return', { card: a.card });
    // The administrator signed in a second time and leaves; the server's own session keeps its key.
    await log.must(admin, 'admin', 'people:resetPassword', { login: PEOPLE.manager.login });
    await admin.signOut();

    // zhang's password is reset while zhang is signed in: a new key is recorded by the approver,
    // and zhang's open session signs with it from then on.
    const approved = await log.must<ApprovedResetView>(wu, 'wu', 'people:resetApprove', { login: PEOPLE.manager.login });
    const b = await log.must<LoanView>(zhangB, 'zhangB', 'cards:file', cardFor(`${n2}-C`));
    await log.must(chen, 'chen', 'cards:approve', { card: b.card });
    await log.must(zhangB, 'zhangB', 'loans:return', { card: b.card });
    await log.refused(zhangB, 'zhangB', 'cards:approve', { card: b.card }, 'denied.ownCard');

    // The one-time code opens nothing on the server: its owner sets a new password at a local unlock.
    const withCode = await served.connect();
    const coded = await withCode.signIn(PEOPLE.manager.login, approved.code, 'ws-code');
    expect(coded.ok ? 'ok' : coded.error.code).toBe('vault.newPasswordRequired');
    await withCode.close();

    await zhangB.signOut();
    await chen.signOut();
    await wu.signOut();
    // zhang's last session is gone, so is zhang's key from the server's memory.
    expect(held.journal.signerOf(idOf(PEOPLE.manager.login))).toBeNull();
    expect(held.journal.signerOf(idOf(ADMIN.login))).not.toBeNull();

    const report = await log.must<ChainReportView>(auditor, 'shen', 'journal:verify');
    expect(report.problem).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.signatures).toMatchObject({ attributable: true });
    expect(report.coSigned).toEqual({ seq: report.headSeq });
    await auditor.signOut();

    const db = held.db;
    // Entries naming someone that no signature of that person covers: only refused sign-ins.
    const uncovered = db
      .prepare(
        `SELECT seq, actor_id AS actor, event, outcome, reason FROM journal j WHERE actor_id IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM journal_signatures g WHERE j.seq BETWEEN g.first_seq AND g.last_seq AND g.person_id = j.actor_id)`,
      )
      .all() as { seq: number; actor: string; event: string; outcome: string; reason: string | null }[];
    expect(uncovered.map((e) => `${e.event}:${e.outcome}:${e.reason}`).sort()).toEqual([
      'session.unlock:denied:vault.newPasswordRequired',
      'session.unlock:denied:vault.wrongPassword',
    ]);
    expect(uncovered.every((e) => e.actor === idOf(PEOPLE.manager.login))).toBe(true);
    // Signature rows never cover an entry naming someone else.
    const foreign = db
      .prepare('SELECT count(*) FROM journal j JOIN journal_signatures g ON j.seq BETWEEN g.first_seq AND g.last_seq WHERE j.actor_id IS NOT g.person_id')
      .pluck()
      .get();
    expect(foreign).toBe(0);
    const signers = db.prepare('SELECT DISTINCT person_id FROM journal_signatures').pluck().all() as string[];
    for (const login of [PEOPLE.manager.login, PEOPLE.custodianC.login, AUDITOR.login, ADMIN.login, PEOPLE.deptManager.login]) {
      expect(signers).toContain(idOf(login));
    }
    // Every remote lock has its person's checkpoint at the lock entry itself.
    const locks = db.prepare("SELECT seq, actor_id AS actor, details FROM journal WHERE event = 'session.lock'").all() as {
      seq: number;
      actor: string;
      details: string;
    }[];
    expect(locks.filter((l) => JSON.parse(l.details).remote).length).toBe(6);
    for (const lock of locks) {
      const head = db.prepare("SELECT count(*) FROM journal_heads WHERE seq = ? AND signer_id = ? AND role = 'session'").pluck().get(lock.seq, lock.actor);
      expect(head, `checkpoint at lock ${lock.seq}`).toBe(1);
    }
    // zhang's runs after the approval's key record are signed with the new key (verify checked that); and before it, with the old.
    const record = db.prepare("SELECT seq FROM journal WHERE event = 'person.resetApprove' AND outcome = 'ok'").pluck().get() as number;
    const zhangId = idOf(PEOPLE.manager.login);
    const fingerprints = db
      .prepare('SELECT DISTINCT key_fingerprint FROM journal_signatures WHERE person_id = ? AND first_seq > ?')
      .pluck()
      .all(zhangId, record);
    const before = db.prepare('SELECT DISTINCT key_fingerprint FROM journal_signatures WHERE person_id = ? AND last_seq < ?').pluck().all(zhangId, record);
    expect(fingerprints).toHaveLength(1);
    expect(before).toHaveLength(1);
    expect(fingerprints[0]).not.toBe(before[0]);

    // After the server stops (its administrator signs the head), a local verify says the same.
    await served.stop();
    const local = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const again = await verifyArchiveJournal(local);
      expect(again.problem).toBeUndefined();
      expect(again.ok).toBe(true);
      expect(again.signatures).toMatchObject({ attributable: true });
    } finally {
      await local.lock();
    }
  }, 300_000);
});

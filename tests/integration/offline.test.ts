/**
 * Offline packages (离线借阅包): a real encrypted archive, argon2id at its floor, a clock the test
 * moves, packages and reading logs on disk. Each rule with its journal entry: the package shows
 * nothing without the passphrase, refuses after due-at (rule 4), refuses a changed byte, brings
 * every offline read back into the journal, detects a doctored reading log, and dies with the loan
 * (recall, departure: rule 7) on any laptop that has the revocation list.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCard } from '../../src-main/contract/loans';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import * as offline from '../../src-main/core/offline';
import { disablePerson } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import type { JournalEntry } from '../../src-main/core/journal/entry';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const PASSPHRASE = 'laptop passphrase 2026';
const CUSTOMER = '上海离线测试电子有限公司';
/** A borrower who will leave the company (rule 7). */
const ZHENG = { login: 'zheng.jl', name: '郑经理', department: 'key-accounts', rank: 'account-manager' as const, password: 'zheng.jl-password-1' };

let archive: TestArchive;
let dir: string;
let collector: Session, borrower: Session, other: Session, custodianS: Session, staff: Session, admin: Session, zheng: Session;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(ZHENG);
  collector = await unlockAs(archive, PEOPLE.collector);
  borrower = await unlockAs(archive, PEOPLE.manager);
  other = await unlockAs(archive, PEOPLE.otherManager);
  custodianS = await unlockAs(archive, PEOPLE.custodianS);
  staff = await unlockAs(archive, PEOPLE.staff);
  admin = await archive.unlock(ADMIN.login, ADMIN.password);
  zheng = await archive.unlock(ZHENG.login, ZHENG.password);
  dir = mkdtempSync(join(tmpdir(), 'triplicate-offline-'));
}, 300_000);
afterAll(async () => {
  for (const s of [collector, borrower, other, custodianS, staff, admin, zheng]) await s.lock();
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const card = (copyNumber: string, extra: Partial<NewCard> = {}): NewCard => ({
  copyNumber,
  purpose: '出差拜访客户前准备',
  form: 'offline',
  periodDays: 3,
  readingPlace: '客户经理本人笔记本电脑（酒店房间内）',
  acknowledgeNoPublicReading: true,
  ...extra,
});

let serial = 0;
function path(name = 'package'): string {
  return join(dir, `${name}-${++serial}.tpkg`);
}

/** A filed dossier lent as an offline package to `who`; returns the card number. */
async function offlineLoan(who: Session = borrower, extra: Partial<NewCard> = {}): Promise<{ card: string; number: string }> {
  const content = completeDossier({ customerName: CUSTOMER });
  const draft = await createDossier(collector, content);
  await fileDossier(collector, { number: draft.number });
  const filed = await loans.fileCard(who, card(`${draft.number}-S`, extra));
  await loans.approveCard(custodianS, { card: filed.card });
  return { card: filed.card, number: draft.number };
}

function details(entry: JournalEntry): Record<string, unknown> {
  return JSON.parse(entry.details) as Record<string, unknown>;
}

const read = (file: string, extra: Partial<offline.OfflineReadRequest> = {}) =>
  offline.readOfflinePackage({ file, passphrase: PASSPHRASE, clock: archive.clock, workstation: 'laptop-zhang', ...extra });

describe('offline packages', () => {
  it('a package contains no plaintext customer name, reader name, content or passphrase, and the issue is journaled', async () => {
    const { card: c, number } = await offlineLoan();
    const out = path();
    const issued = await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    const entry = lastEntries(borrower)[0]!;
    expect(entry).toMatchObject({ event: 'offline.issue', outcome: 'ok', objectType: 'card', objectId: c, actorName: PEOPLE.manager.name });
    expect(details(entry)).toMatchObject({ package: issued.package, number, copyNumber: `${number}-S`, kdf: { memoryKiB: 64 * 1024, passes: 3 } });
    expect(entry.details).not.toContain(PASSPHRASE);

    const bytes = readFileSync(out);
    for (const secret of [CUSTOMER, '任正', '李明', '138-0000-0001', '上海市浦东新区张江路', PEOPLE.manager.name, PEOPLE.manager.login, PASSPHRASE]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `package contains ${secret}`).toBe(false);
    }
    // Nothing beside it but what we wrote: no temp file, no log until the first read.
    expect(existsSync(offline.logPathFor(out))).toBe(false);

    archive.clock.advance(HOUR);
    const reading = await read(out, { sections: ['basic'] });
    expect(reading.dossier.content.basic?.customerName).toBe(CUSTOMER);
    expect(reading.dossier.content.keyPersons).toBeUndefined();
    expect(reading.watermark).toEqual({
      readerName: PEOPLE.manager.name,
      readerLogin: PEOPLE.manager.login,
      card: c,
      copyNumber: `${number}-S`,
      at: archive.clock.now().toISOString(),
      offline: true,
    });
    // The log records sections and times, never content.
    const log = readFileSync(offline.logPathFor(out), 'utf8');
    expect(log).not.toContain(CUSTOMER);
    expect(JSON.parse(log.trim())).toMatchObject({ seq: 1, outcome: 'ok', sections: ['basic'], workstation: 'laptop-zhang' });
  });

  it('the wrong passphrase opens nothing and writes nothing', async () => {
    const { card: c } = await offlineLoan();
    const out = path();
    await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    await expectCode(read(out, { passphrase: 'not the passphrase at all' }), 'offline.wrongPassphrase');
    expect(existsSync(offline.logPathFor(out))).toBe(false);
  });

  it("rule 4: a package read after due-at is refused by the reading machine's clock, and a clock set back is refused too", async () => {
    const { card: c } = await offlineLoan();
    const out = path();
    const issued = await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    const start = archive.clock.now();
    await read(out);
    archive.clock.set(issued.dueAt);
    await expectCode(read(out), 'offline.expired');
    // Setting the laptop's clock back behind the last recorded read does not help.
    archive.clock.set(new Date(start.getTime() - DAY));
    await expectCode(read(out), 'offline.clockBehind');
    archive.clock.set(new Date(new Date(issued.dueAt).getTime() + HOUR));
    const lines = readFileSync(offline.logPathFor(out), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string; reason: string | null });
    expect(lines.map((l) => [l.outcome, l.reason])).toEqual([
      ['ok', null],
      ['denied', 'offline.expired'],
      ['denied', 'offline.clockBehind'],
    ]);
    await loans.returnLoan(custodianS, { card: c });
  });

  it('a tampered package (a header byte or a ciphertext byte) is refused before any passphrase is tried', async () => {
    const { card: c } = await offlineLoan();
    const out = path();
    await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    const original = JSON.parse(readFileSync(out, 'utf8')) as { header: { dueAt: string }; payload: { data: string } };

    const later = structuredClone(original);
    later.header.dueAt = new Date(new Date(original.header.dueAt).getTime() + 30 * DAY).toISOString();
    const headerTampered = path('tampered-header');
    writeFileSync(headerTampered, JSON.stringify(later));
    await expectCode(read(headerTampered), 'offline.tampered');

    const flipped = structuredClone(original);
    const data = Buffer.from(flipped.payload.data, 'base64');
    data[10] = data[10]! ^ 0x01;
    flipped.payload.data = data.toString('base64');
    const bodyTampered = path('tampered-body');
    writeFileSync(bodyTampered, JSON.stringify(flipped));
    await expectCode(read(bodyTampered), 'offline.tampered');

    // A fingerprint the reader was told out of band must match.
    await expectCode(read(out, { expectedFingerprint: 'ab'.repeat(32) }), 'offline.tampered');
    expect(existsSync(offline.logPathFor(headerTampered))).toBe(false);

    // The archive refuses a changed file on return too, and journals it.
    await expectCode(offline.returnPackage(custodianS, { file: headerTampered }), 'offline.tampered');
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'offline.return', outcome: 'error', reason: 'offline.tampered' });
  });

  it("offline reads come back into the journal on return, at their own times, as the borrower's dossier.open entries", async () => {
    const { card: c, number } = await offlineLoan();
    const out = path();
    const issued = await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    archive.clock.advance(2 * HOUR);
    const first = archive.clock.now().toISOString();
    await read(out, { sections: ['basic', 'keyPersons'] });
    archive.clock.advance(5 * HOUR);
    const second = archive.clock.now().toISOString();
    await read(out, { sections: ['basic'] });
    archive.clock.advance(HOUR);

    // Only the copy's custodian receives it.
    await expectCode(offline.returnPackage(borrower, { file: out }), 'denied.notCustodian');
    expect(lastEntries(borrower)[0]).toMatchObject({
      event: 'offline.return',
      outcome: 'denied',
      reason: 'denied.notCustodian',
      objectType: 'package',
      objectId: issued.package,
    });

    const returned = await offline.returnPackage(custodianS, { file: out });
    expect(returned).toMatchObject({ package: issued.package, card: c, imported: 2, log: 'intact', problem: null, incident: null, loanState: 'returned' });
    const [readA, readB, returnEntry, loanReturn] = lastEntries(custodianS, 4);
    expect(readA).toMatchObject({ event: 'dossier.open', outcome: 'ok', at: first, actorName: PEOPLE.manager.name, objectType: 'dossier', objectId: number });
    expect(details(readA!)).toMatchObject({
      offline: true,
      package: issued.package,
      card: c,
      sections: ['basic', 'keyPersons'],
      workstation: 'laptop-zhang',
      importedBy: PEOPLE.custodianS.login,
    });
    expect(readB).toMatchObject({ event: 'dossier.open', outcome: 'ok', at: second });
    expect(returnEntry).toMatchObject({ event: 'offline.return', outcome: 'ok', objectType: 'package', objectId: issued.package, actorDuty: 'custodian' });
    expect(details(returnEntry!)).toMatchObject({ imported: 2, log: 'intact' });
    expect(loanReturn).toMatchObject({ event: 'loan.return', outcome: 'ok', objectId: c });

    await expectCode(offline.returnPackage(custodianS, { file: out }), 'offline.alreadyReturned');
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'offline.return', outcome: 'error', reason: 'offline.alreadyReturned' });
  });

  for (const doctor of ['removed', 'edited'] as const) {
    it(`a reading log with an entry ${doctor} is detected on return, journaled as an error and opens an incident`, async () => {
      const { card: c } = await offlineLoan();
      const out = path();
      const issued = await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
      for (let i = 0; i < 3; i++) {
        archive.clock.advance(HOUR);
        await read(out);
      }
      const logPath = offline.logPathFor(out);
      const lines = readFileSync(logPath, 'utf8').trim().split('\n');
      if (doctor === 'removed') lines.splice(1, 1);
      else lines[1] = lines[1]!.replace('"sections":["basic"', '"sections":["market"');
      writeFileSync(logPath, lines.join('\n') + '\n');
      // The official reader will not append to a log it cannot vouch for.
      await expectCode(read(out), 'offline.logBroken');

      const returned = await offline.returnPackage(custodianS, { file: out });
      expect(returned).toMatchObject({ log: 'broken', imported: 1, problem: { line: 2, kind: doctor === 'removed' ? 'dropped' : 'changed' } });
      expect(returned.incident).toBeGreaterThan(0);
      const [, broken, entry] = lastEntries(custodianS, 4);
      expect(broken).toMatchObject({ event: 'offline.log', outcome: 'error', reason: 'offline.logBroken', objectType: 'package', objectId: issued.package });
      expect(details(broken!)).toMatchObject({ line: 2, incident: returned.incident, borrower: PEOPLE.manager.login });
      expect(entry).toMatchObject({ event: 'offline.return', outcome: 'ok' });
      const incident = custodianS.archive.db.prepare('SELECT kind, person_id, description FROM incidents WHERE id = ?').get(returned.incident) as {
        kind: string;
        person_id: string;
        description: string;
      };
      expect(incident.kind).toBe('leak');
      expect(incident.person_id).toBe(borrower.actor.id);
      expect(incident.description).toContain(issued.package);
    });
  }

  it('rule 7: a recall revokes the package, and a reader with the revocation list refuses it (and destroys its key)', async () => {
    const { card: c } = await offlineLoan();
    const out = path();
    const issued = await offline.issuePackage(borrower, { card: c, passphrase: PASSPHRASE, out });
    await read(out);
    await loans.recallLoan(custodianS, { card: c, reason: '客户关系调整' });
    const recall = lastEntries(custodianS)[0]!;
    expect(recall).toMatchObject({ event: 'loan.recall', outcome: 'ok' });
    expect(details(recall).packagesRevoked).toEqual([issued.package]);

    // Without the list, a laptop cannot know (the honest limit): it still reads until due-at.
    await read(out);
    const list = path('revocations');
    const exported = await offline.exportRevocations(custodianS, { out: list });
    expect(exported.count).toBeGreaterThanOrEqual(1);
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'offline.revocations', outcome: 'ok' });
    // A list someone edited to un-revoke is refused, not believed.
    const forged = JSON.parse(readFileSync(list, 'utf8')) as { list: { packages: unknown[] } };
    forged.list.packages = [];
    const forgedPath = path('forged');
    writeFileSync(forgedPath, JSON.stringify(forged));
    await expectCode(read(out, { revocations: [forgedPath] }), 'offline.tampered');

    // With the list, the reader refuses it and destroys the key in the file: it never opens again.
    await expectCode(read(out, { revocations: [list] }), 'offline.revoked');
    await expectCode(read(out), 'offline.destroyed');

    // The package still comes back: its reads (and the refusal) are imported.
    const returned = await offline.returnPackage(custodianS, { file: out });
    expect(returned).toMatchObject({ log: 'intact', imported: 3, loanState: 'recalled' });
    const [afterRecall, withList, received] = lastEntries(custodianS, 3);
    expect(afterRecall).toMatchObject({ event: 'dossier.open', outcome: 'ok', actorName: PEOPLE.manager.name });
    expect(withList).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'offline.revoked', actorName: PEOPLE.manager.name });
    expect(received).toMatchObject({ event: 'offline.return', outcome: 'ok' });
  });

  it('rule 7: disabling the borrower revokes their package in the same operation', async () => {
    const { card: c } = await offlineLoan(zheng);
    const out = path();
    const issued = await offline.issuePackage(zheng, { card: c, passphrase: PASSPHRASE, out });
    await disablePerson(admin, ZHENG.login);
    const entry = lastEntries(admin)[0]!;
    expect(entry).toMatchObject({ event: 'person.disable', outcome: 'ok' });
    expect(details(entry)).toMatchObject({ loansRecalled: [c], packagesRevoked: [issued.package] });
    const list = path('revocations');
    await offline.exportRevocations(custodianS, { out: list });
    await expectCode(read(out, { revocations: [list] }), 'offline.revoked');
  });

  it('only the borrower issues a package, only for an active offline-form card, one at a time', async () => {
    const { card: c } = await offlineLoan();
    const attempt = (s: Session) => offline.issuePackage(s, { card: c, passphrase: PASSPHRASE, out: path() });
    for (const [who, reason] of [
      [other, 'denied.notBorrower'],
      [staff, 'denied.notBorrower'],
      [custodianS, 'denied.notBorrower'],
      [admin, 'denied.noContentAccess'],
    ] as const) {
      await expectCode(attempt(who), reason);
      expect(lastEntries(who)[0]).toMatchObject({ event: 'offline.issue', outcome: 'denied', reason, objectId: c });
    }

    await expectCode(offline.issuePackage(borrower, { card: c, passphrase: 'short', out: path() }), 'offline.weakPassphrase');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'offline.issue', outcome: 'error', reason: 'offline.weakPassphrase' });
    expect(lastEntries(borrower)[0]!.details).not.toContain('short');

    const first = await attempt(borrower);
    const second = attempt(borrower);
    await expectCode(second, 'offline.alreadyIssued');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'offline.issue', outcome: 'error', reason: 'offline.alreadyIssued' });

    // The borrower reports the laptop lost: revoked, and a new package may be made.
    await offline.revokePackage(borrower, { package: first.package, reason: '笔记本电脑遗失' });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'offline.revoke', outcome: 'ok', objectId: first.package });
    await expectCode(offline.revokePackage(other, { package: first.package, reason: '试图吊销' }), 'denied.notCustodian');
    expect(lastEntries(other)[0]).toMatchObject({ event: 'offline.revoke', outcome: 'denied' });
    await attempt(borrower);

    // An in-app card is not an offline package; an ended loan gives nothing.
    const inApp = await offlineLoan(borrower, { form: 'in-app' });
    await expectCode(offline.issuePackage(borrower, { card: inApp.card, passphrase: PASSPHRASE, out: path() }), 'offline.wrongForm');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'offline.issue', outcome: 'denied', reason: 'offline.wrongForm' });
    await loans.returnLoan(custodianS, { card: c });
    await expectCode(attempt(borrower), 'denied.noContentAccess');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'offline.issue', outcome: 'denied', reason: 'denied.noContentAccess' });
  });
});

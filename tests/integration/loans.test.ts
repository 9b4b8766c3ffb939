/**
 * Borrowing (issue 5): borrow cards, approvals, loans that end by themselves (rule 4), the holds
 * queue, recall, return, lost copies, departing staff (rule 7) and the borrowing register — each
 * against a real encrypted archive with a clock the test moves, each refusal with its journal entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCard } from '../../src-main/contract/loans';
import { listCopies, recordLostCopy, reissueCopy } from '../../src-main/core/copies/service';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import { disablePerson } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** An account manager whose direct manager (people.manager_id) is the key-accounts department manager. */
const QIAN = {
  login: 'qian.jl',
  name: '钱经理',
  department: 'key-accounts',
  rank: 'account-manager' as const,
  password: 'qian.jl-password-1',
  managerLogin: PEOPLE.deptManager.login,
};

let archive: TestArchive;
let collector: Session,
  borrower: Session,
  other: Session,
  qian: Session,
  custodianS: Session,
  custodianM: Session,
  deptManager: Session,
  staff: Session,
  admin: Session;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(QIAN);
  collector = await unlockAs(archive, PEOPLE.collector);
  borrower = await unlockAs(archive, PEOPLE.manager);
  other = await unlockAs(archive, PEOPLE.otherManager);
  qian = await archive.unlock(QIAN.login, QIAN.password);
  custodianS = await unlockAs(archive, PEOPLE.custodianS);
  custodianM = await unlockAs(archive, PEOPLE.custodianM);
  deptManager = await unlockAs(archive, PEOPLE.deptManager);
  staff = await unlockAs(archive, PEOPLE.staff);
  admin = await archive.unlock(ADMIN.login, ADMIN.password);
}, 300_000);
afterAll(async () => {
  for (const s of [collector, borrower, other, qian, custodianS, custodianM, deptManager, staff, admin]) await s.lock();
  archive.cleanup();
});

async function filedDossier(secrecy: 'internal' | 'secret' | 'confidential' = 'secret'): Promise<string> {
  const content = completeDossier();
  const draft = await createDossier(collector, { ...content, classification: { ...content.classification, secrecy } });
  await fileDossier(collector, { number: draft.number });
  return draft.number;
}

const card = (copyNumber: string, extra: Partial<NewCard> = {}): NewCard => ({
  copyNumber,
  purpose: '准备年度续约谈判',
  form: 'in-app',
  periodDays: 3,
  readingPlace: '总部 12 楼档案阅览室',
  acknowledgeNoPublicReading: true,
  ...extra,
});

function details(session: Session): Record<string, unknown> {
  return JSON.parse(lastEntries(session)[0]!.details) as Record<string, unknown>;
}

describe('borrow cards and loans', () => {
  it('the full path works: file → approve → read (with watermark) → renew → return', async () => {
    const number = await filedDossier();
    const filed = await loans.fileCard(borrower, card(`${number}-S`));
    expect(filed).toMatchObject({
      state: 'submitted',
      borrower: { login: PEOPLE.manager.login },
      copyNumber: `${number}-S`,
      department: 'sales',
      needsSecondApproval: false,
    });
    expect(filed.card).toMatch(/^JY-2026-\d{5}$/);
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.file', outcome: 'ok', objectType: 'card', objectId: filed.card });
    // Not readable until approved (rule 3).
    await expectCode(loans.readDossier(borrower, { card: filed.card }), 'denied.noContentAccess');

    const approved = await loans.approveCard(custodianS, { card: filed.card });
    expect(approved).toMatchObject({
      state: 'on-loan',
      startsAt: archive.clock.now().toISOString(),
      dueAt: new Date(archive.clock.now().getTime() + 3 * DAY).toISOString(),
    });
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.approve', outcome: 'ok', actorDuty: 'custodian', objectId: filed.card });
    expect((await listCopies(custodianS, { number })).find((c) => c.copyNumber === `${number}-S`)!.state).toBe('on-loan');

    archive.clock.advance(HOUR);
    const reading = await loans.readDossier(borrower, { card: filed.card, sections: ['basic', 'keyPersons'] });
    expect(reading.dossier.content.basic?.customerName).toBe('上海华为电子科技有限公司');
    expect(reading.watermark).toEqual({
      readerName: PEOPLE.manager.name,
      readerLogin: PEOPLE.manager.login,
      card: filed.card,
      copyNumber: `${number}-S`,
      at: archive.clock.now().toISOString(),
    });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'dossier.open', outcome: 'ok', objectId: number });

    await loans.requestRenewal(borrower, { card: filed.card, days: 2 });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.renew', outcome: 'ok' });
    await expectCode(loans.requestRenewal(borrower, { card: filed.card, days: 2 }), 'loan.renewalUsed');
    const renewed = await loans.approveCard(custodianS, { card: filed.card });
    expect(renewed.dueAt).toBe(new Date(new Date(approved.dueAt!).getTime() + 2 * DAY).toISOString());
    expect(details(custodianS)).toMatchObject({ stage: 'renewal', complete: true });

    // Past the original due time, inside the renewed one: still readable.
    archive.clock.advance(3 * DAY);
    await loans.readDossier(borrower, { card: filed.card });

    const returned = await loans.returnLoan(borrower, { card: filed.card });
    expect(returned).toMatchObject({ state: 'returned' });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.return', outcome: 'ok', objectId: filed.card });
    expect((await listCopies(custodianS, { number })).find((c) => c.copyNumber === `${number}-S`)!.state).toBe('in-custody');
    await expectCode(loans.readDossier(borrower, { card: filed.card }), 'denied.noContentAccess');
  });

  it('a read through a loan names its card and copy in the access-log entry', async () => {
    const number = await filedDossier();
    const filed = await loans.fileCard(borrower, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: filed.card });
    await loans.readDossier(borrower, { card: filed.card, sections: ['basic'] });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'dossier.open', outcome: 'ok', objectId: number });
    expect(details(borrower)).toMatchObject({ card: filed.card, copyNumber: `${number}-S`, sections: ['basic'] });
    await loans.returnLoan(borrower, { card: filed.card });
  });

  it("rule 2: the approval queue holds only cards awaiting the person's own decision", async () => {
    const number = await filedDossier('confidential');
    const filed = await loans.fileCard(borrower, card(`${number}-S`));
    const queued = async (s: Session) => (await loans.pendingApprovals(s)).some((l) => l.card === filed.card);
    expect(await queued(custodianS)).toBe(true);
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.pending', outcome: 'ok' });
    expect(await queued(deptManager)).toBe(true);
    expect(await queued(custodianM)).toBe(false);
    expect(await queued(borrower)).toBe(false);
    await loans.approveCard(custodianS, { card: filed.card });
    expect(await queued(custodianS)).toBe(false);
    expect(await queued(deptManager)).toBe(true);
    await loans.approveCard(deptManager, { card: filed.card });
    expect(await queued(deptManager)).toBe(false);
    await loans.returnLoan(borrower, { card: filed.card });
  });

  it('rule 1: a staff member cannot file a borrow card', async () => {
    const number = await filedDossier();
    await expectCode(loans.fileCard(staff, card(`${number}-S`)), 'denied.rankTooLow');
    expect(lastEntries(staff)[0]).toMatchObject({
      event: 'loan.file',
      outcome: 'denied',
      reason: 'denied.rankTooLow',
      objectType: 'copy',
      objectId: `${number}-S`,
    });
  });

  it('a card needs the acknowledgement of the no-public-reading rule and a period within the archive maximum', async () => {
    const number = await filedDossier();
    await expectCode(loans.fileCard(borrower, { ...card(`${number}-S`), acknowledgeNoPublicReading: false }), 'input.invalid');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.file', outcome: 'error', reason: 'input.invalid' });
    await expectCode(loans.fileCard(borrower, card(`${number}-S`, { periodDays: 8 })), 'loan.periodTooLong');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.file', outcome: 'error', reason: 'loan.periodTooLong' });
    // The borrower is the session's person: a request naming another is not even a valid card.
    await expectCode(loans.fileCard(borrower, { ...card(`${number}-S`), borrower: PEOPLE.otherManager.login } as NewCard), 'input.invalid');
  });

  it('rule 2: a borrower cannot approve their own card', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(borrower, card(`${number}-S`));
    await expectCode(loans.approveCard(borrower, { card: c }), 'denied.ownCard');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.approve', outcome: 'denied', reason: 'denied.ownCard', objectId: c });
    await loans.cancelCard(borrower, { card: c });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.cancel', outcome: 'ok', objectId: c });
  });

  it('a custodian of another department cannot approve', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(borrower, card(`${number}-S`));
    await expectCode(loans.approveCard(custodianM, { card: c }), 'denied.notCopyCustodian');
    expect(lastEntries(custodianM)[0]).toMatchObject({ event: 'loan.approve', outcome: 'denied', reason: 'denied.notCopyCustodian', objectId: c });
    await expectCode(loans.rejectCard(custodianM, { card: c, reason: '不同意' }), 'denied.notCopyCustodian');
    const rejected = await loans.rejectCard(custodianS, { card: c, reason: '用途不明确' });
    expect(rejected).toMatchObject({ state: 'rejected', rejectReason: '用途不明确' });
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.reject', outcome: 'ok', actorDuty: 'custodian' });
  });

  it('rule 2: a 机密 dossier waits for the second approval by a department manager, in either order', async () => {
    const number = await filedDossier('confidential');
    const first = await loans.fileCard(borrower, card(`${number}-S`));
    expect(first.needsSecondApproval).toBe(true);
    const half = await loans.approveCard(custodianS, { card: first.card });
    expect(half).toMatchObject({ state: 'submitted', custodianApproval: { by: { login: PEOPLE.custodianS.login } }, managerApproval: null });
    expect(details(custodianS)).toMatchObject({ stage: 'card', role: 'custodian', complete: false });
    await expectCode(loans.readDossier(borrower, { card: first.card }), 'denied.noContentAccess');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'denied.noContentAccess' });
    await expectCode(loans.approveCard(custodianS, { card: first.card }), 'loan.alreadyApproved');
    // A staff member of no custodian duty is no second approver.
    await expectCode(loans.approveCard(staff, { card: first.card }), 'denied.notApprover');
    const full = await loans.approveCard(deptManager, { card: first.card });
    expect(full.state).toBe('on-loan');
    expect(details(deptManager)).toMatchObject({ role: 'manager', complete: true });
    await loans.readDossier(borrower, { card: first.card });

    // The other order: manager first, then the copy's custodian.
    const second = await loans.fileCard(other, card(`${number}-M`));
    expect((await loans.approveCard(deptManager, { card: second.card })).state).toBe('submitted');
    expect((await loans.approveCard(custodianM, { card: second.card })).state).toBe('on-loan');
  });

  it('rule 4: reading after the due time is refused, with no other action', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(borrower, card(`${number}-S`, { periodDays: 1 }));
    await loans.approveCard(custodianS, { card: c });
    await loans.readDossier(borrower, { card: c });
    archive.clock.advance(DAY - 1);
    await loans.readDossier(borrower, { card: c });
    archive.clock.advance(1);
    await expectCode(loans.readDossier(borrower, { card: c }), 'denied.noContentAccess');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'denied.noContentAccess', objectId: number });
    await expectCode(loans.printLoan(borrower, { card: c }), 'denied.noContentAccess');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.print', outcome: 'denied', reason: 'denied.noContentAccess' });

    // The custodian sees it overdue, and is told once however often they ask.
    const overdue = await loans.listLoans(custodianS, { department: 'sales', overdue: true });
    expect(overdue.find((l) => l.card === c)).toMatchObject({ state: 'overdue' });
    const notices = (await loans.listNotifications(custodianS)).filter((n) => n.kind === 'loan.overdue' && n.card === c);
    expect(notices).toHaveLength(1);
    expect((await loans.listNotifications(custodianS)).filter((n) => n.kind === 'loan.overdue' && n.card === c)).toHaveLength(1);
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'notification.list', outcome: 'ok' });

    const late = await loans.returnLoan(custodianS, { card: c });
    expect(late.state).toBe('returned-late');
    expect(details(custodianS)).toMatchObject({ late: true });
  });

  it('the borrower is told when the due time is within a day, once', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(other, card(`${number}-S`, { periodDays: 2 }));
    await loans.approveCard(custodianS, { card: c });
    expect((await loans.listNotifications(other)).filter((n) => n.card === c).map((n) => n.kind)).toEqual(['card.approved']);
    archive.clock.advance(DAY + HOUR);
    await loans.listNotifications(other);
    const kinds = (await loans.listNotifications(other)).filter((n) => n.card === c).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['card.approved', 'loan.dueSoon']);
    await loans.returnLoan(other, { card: c });
  });

  it('one borrower at a time: a second borrower of the same copy queues and gets it when it comes back', async () => {
    const number = await filedDossier();
    const a = await loans.fileCard(borrower, card(`${number}-S`));
    const b = await loans.fileCard(other, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: a.card });
    const queued = await loans.approveCard(custodianS, { card: b.card });
    expect(queued).toMatchObject({ state: 'queued', queuePosition: 1, startsAt: null });
    expect(details(custodianS)).toMatchObject({ state: 'queued' });
    await expectCode(loans.readDossier(other, { card: b.card }), 'denied.noContentAccess');

    archive.clock.advance(HOUR);
    await loans.returnLoan(borrower, { card: a.card });
    expect(details(borrower)).toMatchObject({ nextCard: b.card });
    const [now] = await loans.listLoans(other, {}).then((all) => all.filter((l) => l.card === b.card));
    expect(now).toMatchObject({ state: 'on-loan', startsAt: archive.clock.now().toISOString() });
    expect((await loans.listNotifications(other)).some((n) => n.kind === 'hold.available' && n.card === b.card)).toBe(true);
    await loans.readDossier(other, { card: b.card });
    await loans.returnLoan(other, { card: b.card });
  });

  it('recall by the custodian ends access at once', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(borrower, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: c });
    await loans.readDossier(borrower, { card: c });
    await expectCode(loans.recallLoan(custodianM, { card: c }), 'denied.notCopyCustodian');
    expect(lastEntries(custodianM)[0]).toMatchObject({ event: 'loan.recall', outcome: 'denied', reason: 'denied.notCopyCustodian' });
    await loans.recallLoan(custodianS, { card: c, reason: '客户信息更正' });
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.recall', outcome: 'ok', objectId: c });
    await expectCode(loans.readDossier(borrower, { card: c }), 'denied.noContentAccess');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'denied.noContentAccess' });
    expect((await loans.listNotifications(borrower)).some((n) => n.kind === 'loan.recalled' && n.card === c)).toBe(true);
  });

  it("reading someone else's card is refused and journaled; printing is journaled; copying out is off by default", async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(borrower, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: c });
    await expectCode(loans.readDossier(other, { card: c }), 'denied.notBorrower');
    expect(lastEntries(other)[0]).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'denied.notBorrower', objectId: c });
    const mark = await loans.printLoan(borrower, { card: c, sections: ['basic'], pages: 2 });
    expect(mark).toMatchObject({ card: c, copyNumber: `${number}-S`, readerName: PEOPLE.manager.name });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.print', outcome: 'ok', objectId: c });
    await expectCode(loans.copyOutLoan(borrower, { card: c, section: 'basic', characters: 40 }), 'loan.copyOutOff');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.copyOut', outcome: 'denied', reason: 'loan.copyOutOff' });
    await updateSettings(admin, { allowCopyOut: true });
    await loans.copyOutLoan(borrower, { card: c, section: 'basic', characters: 40 });
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'loan.copyOut', outcome: 'ok' });
    expect(details(borrower)).toMatchObject({ section: 'basic', characters: 40 });
    await updateSettings(admin, { allowCopyOut: false });
    await loans.returnLoan(custodianS, { card: c });
  });

  it('a lost copy opens an incident naming the borrower and their direct manager, with an integrity mark; three marks flag the person', async () => {
    for (let i = 1; i <= 3; i++) {
      const number = await filedDossier();
      const { card: c } = await loans.fileCard(qian, card(`${number}-S`));
      await loans.approveCard(custodianS, { card: c });
      const lost = await loans.recordLoanLost(custodianS, { card: c, description: '出差途中遗失' });
      expect(lost).toMatchObject({ state: 'lost', manager: PEOPLE.deptManager.login, marks: i });
      expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.lost', outcome: 'ok', objectId: c });
      expect(details(custodianS)).toMatchObject({
        borrower: QIAN.login,
        manager: PEOPLE.deptManager.login,
        copyNumber: `${number}-S`,
        revision: 1,
        marks: i,
        flagged: i >= 3,
      });
      expect((await listCopies(custodianS, { number })).find((c2) => c2.copyNumber === `${number}-S`)!.state).toBe('lost');
      await expectCode(loans.readDossier(qian, { card: c }), 'denied.noContentAccess');
    }
    const incidents = await loans.listIncidents(deptManager);
    expect(incidents.filter((i) => i.person.login === QIAN.login)).toHaveLength(3);
    expect(incidents[0]).toMatchObject({ kind: 'lost', person: { login: QIAN.login }, manager: { login: PEOPLE.deptManager.login }, revision: 1 });
    expect(await loans.flaggedPeople(deptManager)).toEqual([{ person: { login: QIAN.login, name: QIAN.name }, department: 'key-accounts', marks: 3 }]);
    await expectCode(loans.flaggedPeople(borrower), 'denied.notManagement');
    expect(lastEntries(borrower)[0]).toMatchObject({ event: 'incident.flagged', outcome: 'denied', reason: 'denied.notManagement' });
    // The approver sees it in the borrower's history.
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(qian, card(`${number}-S`));
    const history = await loans.borrowerHistory(custodianS, { card: c });
    expect(history).toMatchObject({ borrower: { login: QIAN.login }, loans: 3, incidents: 3, integrityMarks: 3, flagged: true });
    await loans.cancelCard(qian, { card: c });
  });

  it('a copy recorded lost through the copies while on loan ends the loan as lost and opens the same incident', async () => {
    const number = await filedDossier();
    const { card: c } = await loans.fileCard(other, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: c });
    await recordLostCopy(custodianS, { copyNumber: `${number}-S`, reason: '借阅期间遗失' });
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'copy.lost', outcome: 'ok', objectId: `${number}-S` });
    expect(details(custodianS)).toMatchObject({ card: c, borrower: PEOPLE.otherManager.login, stateBefore: 'on-loan' });
    await expectCode(loans.readDossier(other, { card: c }), 'denied.noContentAccess');
    expect((await loans.searchRegister(custodianS, { department: 'sales', dossier: number })).map((l) => l.state)).toEqual(['lost']);
    expect((await loans.listIncidents(deptManager)).some((i) => i.card === c && i.person.login === PEOPLE.otherManager.login)).toBe(true);
  });

  it('a card waiting for a copy that is lost gets the replacement when the custodian re-issues it', async () => {
    const number = await filedDossier();
    const first = await loans.fileCard(other, card(`${number}-S`));
    await loans.approveCard(custodianS, { card: first.card });
    const waiting = await loans.fileCard(borrower, card(`${number}-S`));
    expect((await loans.approveCard(custodianS, { card: waiting.card })).state).toBe('queued');
    await loans.recordLoanLost(custodianS, { card: first.card, description: '遗失' });
    await expectCode(loans.readDossier(borrower, { card: waiting.card }), 'denied.noContentAccess');
    await reissueCopy(custodianS, { copyNumber: `${number}-S` });
    expect(details(custodianS)).toMatchObject({ nextCard: waiting.card });
    await loans.readDossier(borrower, { card: waiting.card });
    expect((await loans.listNotifications(borrower)).some((n) => n.kind === 'hold.available' && n.card === waiting.card)).toBe(true);
    await loans.returnLoan(borrower, { card: waiting.card });
  });

  it('the borrowing register is searchable per department and exports as CSV with a BOM', async () => {
    const rows = await loans.searchRegister(custodianS, { department: 'sales', borrower: PEOPLE.manager.login });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.borrower.login === PEOPLE.manager.login && r.department === 'sales')).toBe(true);
    expect((await loans.searchRegister(custodianS, { department: 'sales', state: 'returned-late' })).every((r) => r.state === 'returned-late')).toBe(true);
    await expectCode(loans.searchRegister(custodianM, { department: 'sales' }), 'denied.notCopyCustodian');
    expect(lastEntries(custodianM)[0]).toMatchObject({ event: 'loan.register', outcome: 'denied', reason: 'denied.notCopyCustodian' });
    const out = join(archive.folder, '..', 'register-sales.csv');
    const result = await loans.exportRegister(custodianS, { department: 'sales', out });
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(result.count + 1);
    expect(csv).toContain('借阅卡 Card');
    expect(csv).toContain(PEOPLE.manager.name);
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'loan.registerExport', outcome: 'ok' });
  });

  it('rule 7: disabling a borrower recalls their loans and cancels their pending cards in the same operation', async () => {
    const one = await filedDossier();
    const two = await filedDossier();
    const onLoan = await loans.fileCard(qian, card(`${one}-S`));
    await loans.approveCard(custodianS, { card: onLoan.card });
    const pending = await loans.fileCard(qian, card(`${two}-M`));
    await loans.readDossier(qian, { card: onLoan.card });
    await disablePerson(admin, QIAN.login);
    expect(lastEntries(admin)[0]).toMatchObject({ event: 'person.disable', outcome: 'ok' });
    expect(details(admin)).toMatchObject({ loansRecalled: [onLoan.card], cardsCancelled: [pending.card] });
    const states = await loans.searchRegister(custodianS, { department: 'sales', dossier: one });
    expect(states.map((l) => l.state)).toEqual(['recalled']);
    expect((await listCopies(custodianS, { number: one })).find((c) => c.copyNumber === `${one}-S`)!.state).toBe('in-custody');
    expect((await loans.searchRegister(custodianM, { department: 'marketing', dossier: two })).map((l) => l.state)).toEqual(['cancelled']);
  });
});

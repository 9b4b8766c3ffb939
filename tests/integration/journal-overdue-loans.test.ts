/**
 * The auditors' overdue-loans report (issue 6) lists every card on loan past its due time at the
 * moment it is asked (rule 4: nothing waits for a timer), is journaled as a read, and is refused to
 * anyone who is not an auditor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { overdueLoans } from '../../src-main/core/journal/reports';
import * as loans from '../../src-main/core/loans/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const DAY = 24 * 60 * 60 * 1000;
const AUDITOR = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen.sj-password-1' };

let archive: TestArchive;
let auditor: Session, collector: Session, borrower: Session, custodian: Session, admin: Session;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(AUDITOR);
  auditor = await archive.unlock(AUDITOR.login, AUDITOR.password);
  collector = await unlockAs(archive, PEOPLE.collector);
  borrower = await unlockAs(archive, PEOPLE.manager);
  custodian = await unlockAs(archive, PEOPLE.custodianS);
  admin = await archive.unlock(ADMIN.login, ADMIN.password);
}, 300_000);
afterAll(async () => {
  for (const s of [auditor, collector, borrower, custodian, admin]) await s.lock();
  archive.cleanup();
});

async function lend(days: number): Promise<string> {
  const draft = await createDossier(collector, completeDossier());
  await fileDossier(collector, { number: draft.number });
  const filed = await loans.fileCard(borrower, {
    copyNumber: `${draft.number}-S`,
    purpose: '准备年度续约谈判',
    form: 'in-app',
    periodDays: days,
    readingPlace: '总部 12 楼档案阅览室',
    acknowledgeNoPublicReading: true,
  });
  await loans.approveCard(custodian, { card: filed.card });
  return filed.card;
}

describe('overdue loans report', () => {
  it('an auditor sees every loan past its due time now, most overdue first, and the read is journaled', async () => {
    const short = await lend(1);
    const long = await lend(3);
    expect(await overdueLoans(auditor)).toEqual([]);

    archive.clock.advance(2 * DAY);
    expect((await overdueLoans(auditor)).map((l) => [l.card, l.state])).toEqual([[short, 'overdue']]);

    archive.clock.advance(2 * DAY);
    const both = await overdueLoans(auditor);
    expect(both.map((l) => l.card)).toEqual([short, long]);
    expect(both[0]).toMatchObject({ borrower: { login: PEOPLE.manager.login }, department: 'sales', state: 'overdue' });
    const [entry] = lastEntries(auditor, 1);
    expect(entry).toMatchObject({ event: 'journal.read', outcome: 'ok', actorName: AUDITOR.name });
    expect(JSON.parse(entry!.details)).toMatchObject({ report: 'overdueLoans', returned: 2 });

    await loans.returnLoan(borrower, { card: short });
    expect((await overdueLoans(auditor)).map((l) => l.card)).toEqual([long]);
  });

  it('an administrator cannot run the report, and the refusal is journaled', async () => {
    await expectCode(overdueLoans(admin), 'denied.notAuditor');
    expect(lastEntries(admin, 1)[0]).toMatchObject({ event: 'journal.read', outcome: 'denied', reason: 'denied.notAuditor' });
  });
});

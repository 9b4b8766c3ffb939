/**
 * Lead intake (issue 18 point 1; seed 004 大客户信息收集管理办法): each rule by name, against a real
 * encrypted archive, with the journal entry each operation leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadReport } from '../../src-main/contract/leads';
import { dayIn, publicationPeriod, workingDaysAfter } from '../../src-main/core/leads/calendar';
import { leadDueSource } from '../../src-main/core/leads/due';
import { leadConversion, leadPublication } from '../../src-main/core/leads/reports';
import { checkLead, leadToDossier, listLeads, mergeLeads, openProject, recordDelivery, reportLead } from '../../src-main/core/leads/service';
import { updateSettings } from '../../src-main/core/settings/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, snapshot, type TestArchive } from '../helpers/archive';
import { expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

let archive: TestArchive;

beforeAll(async () => {
  archive = await makeDossierArchive();
}, 300_000);
afterAll(() => archive.cleanup());

const DAY = 86_400_000;
let serial = 0;
function lead(overrides: Partial<LeadReport> = {}): LeadReport {
  serial++;
  return {
    customerName: `合肥市第${serial}出租汽车有限公司`,
    need: '更新出租车辆',
    quantity: 12,
    sector: 'taxi',
    contactPerson: '周联系',
    contactDetails: '0551-6000-0000',
    ...overrides,
  };
}

const as = <T>(who: { login: string; password: string }, body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, who, body);

describe('lead intake', () => {
  it('missing third-party contact refused: nothing recorded, the refusal journaled, both languages say why', async () => {
    await as(PEOPLE.otherManager, async (s) => {
      const before = (s.archive.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
      await expectCode(reportLead(s, lead({ contactPerson: undefined })), 'lead.contactMissing');
      await expectCode(reportLead(s, lead({ contactDetails: '  ' })), 'lead.contactMissing');
      expect((s.archive.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(before);
      const [entry] = lastEntries(s);
      expect(entry).toMatchObject({ event: 'lead.report', outcome: 'error', reason: 'lead.contactMissing' });
    });
    const { formatError } = await import('../../src-main/contract/messages');
    expect(formatError({ code: 'lead.contactMissing' }, 'zh-CN')).toContain('第三方的联系人及联系方式不可缺少');
    expect(formatError({ code: 'lead.contactMissing' }, 'en')).toContain('contact person');
  });

  it('first reporter wins: the same credit code or normalised name later is a duplicate that never counts; manual merge keeps the earlier', async () => {
    const first = await as(PEOPLE.otherManager, (s) => reportLead(s, lead({ customerName: '合肥华强（集团）有限公司', creditCode: '91340100MA2N00001X' })));
    expect(first.state).toBe('pending');
    archive.clock.advance(60_000);
    const byCode = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '华强集团', creditCode: '91340100ma2n00001x' })));
    expect(byCode).toMatchObject({ state: 'duplicate', duplicateOf: first.id });
    const byName = await as(PEOPLE.collector, async (s) => {
      const v = await reportLead(s, lead({ customerName: ' 合肥华强(集团)有限公司 ' }));
      expect(lastEntries(s)[0]).toMatchObject({ event: 'lead.report', outcome: 'ok', objectId: String(v.id) });
      return v;
    });
    expect(byName).toMatchObject({ state: 'duplicate', duplicateOf: first.id });

    // Two ways of writing one customer the rules cannot see: the checker merges them, the earlier one counts.
    const a = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '蚌埠驾校' })));
    archive.clock.advance(60_000);
    const b = await as(PEOPLE.otherManager, (s) => reportLead(s, lead({ customerName: '蚌埠市驾驶员培训学校' })));
    expect(b.state).toBe('pending');
    await as(PEOPLE.otherManager, (s) => expectCode(mergeLeads(s, { id: b.id, with: a.id }), 'denied.notLeadChecker'));
    const merged = await as(PEOPLE.manager, (s) => mergeLeads(s, { id: b.id, with: a.id }));
    expect(merged).toMatchObject({ id: b.id, state: 'duplicate', duplicateOf: a.id });
    await as(PEOPLE.manager, (s) => expectCode(mergeLeads(s, { id: a.id, with: a.id }), 'lead.mergeSelf'));
  });

  it('minimum quantity: below it a lead is received as invalid, a checker cannot make it valid, and the number is a setting', async () => {
    const small = await as(PEOPLE.staff, (s) => reportLead(s, lead({ quantity: 2 })));
    expect(small.state).toBe('invalid');
    expect(small.invalidReason).toContain('3');
    const three = await as(PEOPLE.staff, (s) => reportLead(s, lead({ quantity: 3 })));
    expect(three.state).toBe('pending');
    await as(ADMIN, (s) => updateSettings(s, { leadMinQuantity: 5 }));
    try {
      await as(PEOPLE.manager, async (s) => {
        await expectCode(checkLead(s, { id: three.id, verdict: 'valid', expiresOn: '2026-06-30' }), 'lead.belowMinimum');
        expect(lastEntries(s)[0]).toMatchObject({ event: 'lead.check', outcome: 'error', reason: 'lead.belowMinimum' });
      });
      expect((await as(PEOPLE.staff, (s) => reportLead(s, lead({ quantity: 4 })))).state).toBe('invalid');
    } finally {
      await as(ADMIN, (s) => updateSettings(s, { leadMinQuantity: 3 }));
    }
  });

  it('expiry: a valid lead names its expiry date, reads expired after it, cannot become a project then, and frees the customer for a new report', async () => {
    const l = await as(PEOPLE.otherManager, (s) => reportLead(s, lead({ customerName: '芜湖公安局', sector: 'public-security' })));
    await as(PEOPLE.manager, async (s) => {
      await expectCode(checkLead(s, { id: l.id, verdict: 'valid', expiresOn: dayIn(archive.clock.now(), 'Asia/Shanghai') }), 'lead.expiryNotFuture');
      await expectCode(checkLead(s, { id: l.id, verdict: 'valid', expiresOn: '2026-02-30' }), 'lead.badDate');
      const valid = await checkLead(s, { id: l.id, verdict: 'valid', expiresOn: dayIn(new Date(archive.clock.now().getTime() + 10 * DAY), 'Asia/Shanghai') });
      expect(valid).toMatchObject({ state: 'valid', checkedBy: PEOPLE.manager.login });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'lead.check', outcome: 'ok' });
      await expectCode(checkLead(s, { id: l.id, verdict: 'invalid', reason: '重复' }), 'lead.notPending');
    });
    const again = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '芜湖公安局' })));
    expect(again.state).toBe('duplicate');
    archive.clock.advance(12 * DAY);
    await as(PEOPLE.manager, async (s) => {
      expect((await listLeads(s, {})).find((x) => x.id === l.id)!.state).toBe('expired');
      await expectCode(openProject(s, { id: l.id }), 'lead.expired');
    });
    const fresh = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '芜湖公安局' })));
    expect(fresh.state).toBe('pending');
  });

  it('the check is due within two working days and sits on the checkers’ due list until then', async () => {
    // Friday 2026-03-06 10:00 Beijing → due at the end of Tuesday 2026-03-10.
    archive.clock.set('2026-03-06T02:00:00Z');
    const l = await as(PEOPLE.staff, (s) => reportLead(s, lead()));
    expect(l.checkDueAt).toBe(workingDaysAfter(new Date('2026-03-06T02:00:00Z'), 2, 'Asia/Shanghai').toISOString());
    expect(l.checkDueAt).toBe('2026-03-10T15:59:59.999Z');
    await as(PEOPLE.manager, async (s) => {
      const due = leadDueSource({ archive: s.archive, actor: s.actor, now: new Date('2026-03-11T01:00:00Z') });
      expect(due.find((d) => d.key === `lead:${l.id}`)).toMatchObject({ kind: 'lead', overdue: true });
    });
    await as(PEOPLE.staff, async (s) => expect(leadDueSource({ archive: s.archive, actor: s.actor, now: archive.clock.now() })).toEqual([]));
    await as(PEOPLE.manager, (s) => checkLead(s, { id: l.id, verdict: 'invalid', reason: '客户已与他人签约' }));
    await as(PEOPLE.manager, async (s) =>
      expect(leadDueSource({ archive: s.archive, actor: s.actor, now: archive.clock.now() }).some((d) => d.key === `lead:${l.id}`)).toBe(false),
    );
  });

  it('publication totals: the lists of the 10th, 20th and 30th count each person and department once per report, duplicates apart', async () => {
    expect(publicationPeriod('2026-04-10')).toEqual({ publishedOn: '2026-04-10', previous: '2026-03-30' });
    expect(publicationPeriod('2026-03-01')).toEqual({ publishedOn: '2026-02-28', previous: '2026-02-20' });
    expect(publicationPeriod('2026-03-31')).toEqual({ publishedOn: '2026-03-30', previous: '2026-03-20' });
    // Reports between 2026-04-11 and 2026-04-20 (Beijing): staff 3 (one duplicate, one invalid), otherManager 1.
    archive.clock.set('2026-04-10T17:00:00Z'); // 04-11 01:00 Beijing
    const s1 = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '淮南市政府采购中心', sector: 'government' })));
    await as(PEOPLE.staff, (s) => reportLead(s, lead({ quantity: 1 })));
    archive.clock.set('2026-04-20T15:30:00Z'); // 04-20 23:30 Beijing
    await as(PEOPLE.otherManager, (s) => reportLead(s, lead({ customerName: '淮南市政府采购中心' })));
    await as(PEOPLE.staff, (s) => reportLead(s, lead()));
    archive.clock.set('2026-04-20T16:30:00Z'); // 04-21 00:30 Beijing: next period
    await as(PEOPLE.staff, (s) => reportLead(s, lead()));
    await as(PEOPLE.manager, (s) => checkLead(s, { id: s1.id, verdict: 'valid', expiresOn: '2026-07-31' }));
    const pub = await as(PEOPLE.collector, async (s) => {
      const p = await leadPublication(s, { date: '2026-04-25' });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'lead.publication', outcome: 'ok' });
      return p;
    });
    expect(pub).toMatchObject({ publishedOn: '2026-04-20', from: '2026-04-11', to: '2026-04-20' });
    expect(pub.totals).toEqual({ reported: 4, duplicates: 1, pending: 1, valid: 1, invalid: 1 });
    expect(pub.people.find((p) => p.login === PEOPLE.staff.login)).toMatchObject({ reported: 3, valid: 1, invalid: 1, pending: 1, duplicates: 0 });
    expect(pub.people.find((p) => p.login === PEOPLE.otherManager.login)).toMatchObject({ reported: 1, duplicates: 1 });
    expect(pub.departments).toEqual([{ department: 'sales', reported: 4, duplicates: 1, pending: 1, valid: 1, invalid: 1 }]);
    await as(ADMIN, (s) => expectCode(leadPublication(s, {}), 'denied.notLeadReporter'));
  });

  it('conversion rate: delivered over target quantity per reporter and quarter; valid leads become projects and then a dossier by the ordinary path', async () => {
    archive.clock.set('2026-05-04T02:00:00Z');
    const big = await as(PEOPLE.staff, (s) => reportLead(s, lead({ customerName: '安徽恒通租赁有限公司', quantity: 20, sector: 'leasing' })));
    const small = await as(PEOPLE.staff, (s) => reportLead(s, lead({ quantity: 5 })));
    const other = await as(PEOPLE.otherManager, (s) => reportLead(s, lead({ quantity: 10 })));
    await as(PEOPLE.manager, async (s) => {
      for (const l of [big, small, other]) await checkLead(s, { id: l.id, verdict: 'valid', expiresOn: '2026-09-30' });
      await expectCode(recordDelivery(s, { id: big.id, quantity: 4, deliveredOn: '2026-05-20' }), 'lead.notProject');
      for (const l of [big, small, other]) await openProject(s, { id: l.id });
      await recordDelivery(s, { id: big.id, quantity: 8, deliveredOn: '2026-05-20' });
      await recordDelivery(s, { id: small.id, quantity: 2, deliveredOn: '2026-06-30' });
      await recordDelivery(s, { id: small.id, quantity: 3, deliveredOn: '2026-07-01' }); // next quarter: not in Q2's figure
    });
    const q2 = await as(PEOPLE.manager, (s) => leadConversion(s, { quarter: '2026-Q2' }));
    const staff = q2.rows.find((r) => r.login === PEOPLE.staff.login)!;
    expect(staff).toMatchObject({ projects: 2, target: 25, delivered: 10 });
    expect(staff.rate).toBeCloseTo(0.4, 10);
    expect(q2.rows.find((r) => r.login === PEOPLE.otherManager.login)).toMatchObject({ target: 10, delivered: 0, rate: 0 });
    // A reporter sees their own row only.
    const own = await as(PEOPLE.otherManager, (s) => leadConversion(s, { quarter: '2026-Q2' }));
    expect(own.rows.map((r) => r.login)).toEqual([PEOPLE.otherManager.login]);

    // Intent to cooperate: the project becomes a dossier through dossier.create, and the lead links it.
    const before = snapshot(archive.folder);
    await as(PEOPLE.staff, (s) => expectCode(leadToDossier(s, { id: big.id }), 'denied.notLeadChecker'));
    expect(snapshot(archive.folder).size).toBe(before.size);
    const done = await as(PEOPLE.manager, async (s) => {
      const v = await leadToDossier(s, { id: big.id });
      const [create, link] = lastEntries(s, 2);
      expect(create).toMatchObject({ event: 'dossier.create', outcome: 'ok', objectId: v.dossierNumber });
      expect(link).toMatchObject({ event: 'lead.dossier', outcome: 'ok', objectId: String(big.id) });
      return v;
    });
    expect(done.state).toBe('dossier');
    expect(done.dossierNumber).toMatch(/^KH-2026-\d{5}$/);
    await as(PEOPLE.manager, (s) => expectCode(leadToDossier(s, { id: big.id }), 'lead.notProject'));
  });

  it('a reporter lists only their own leads; the key-account department lists all; administrators and auditors report nothing', async () => {
    const mine = await as(PEOPLE.otherManager, (s) => listLeads(s, {}));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.reporter.login === PEOPLE.otherManager.login)).toBe(true);
    const all = await as(PEOPLE.deptManager, (s) => listLeads(s, {}));
    expect(new Set(all.map((l) => l.reporter.login)).size).toBeGreaterThan(2);
    await as(ADMIN, async (s) => {
      await expectCode(reportLead(s, lead()), 'denied.notLeadReporter');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'lead.report', outcome: 'denied', reason: 'denied.notLeadReporter' });
    });
  });
});

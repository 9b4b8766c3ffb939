/**
 * Daily visit reports (seed 004 每日客户拜访表): 本表须由业务员本人填写，每日结束工作前上交大客户主管;
 * 大客户主管于次一工作日上午9:15前做出批示; 销售部经理必须不定期地对此工作进行抽查. Working days follow
 * the calendar the administrator sets. All on the test clock, against a real encrypted archive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectDue } from '../helpers/relations';
import { updateSettings } from '../../src-main/core/settings/service';
import { commentVisitReport, fileVisitReport, listVisitReports, openVisitReport, spotCheckVisitReport } from '../../src-main/core/visits/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

const SALES_MANAGER: TestPerson = { login: 'qian.xs', name: '钱销售经理', department: 'sales', rank: 'department-manager', password: 'qian.xs-password-1' };
const visits = [{ customer: '上海华为电子科技有限公司', personMet: '李明', purpose: '续约', result: '同意下周报价', nextStep: '周一发报价单' }];

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(SALES_MANAGER);
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  // 国庆节: 1–7 October off; Saturday 10 October a make-up working day.
  await updateSettings(admin, {
    workingCalendar: {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    },
  });
  await admin.lock();
});
afterEach(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('daily visit reports (seed 004 每日客户拜访表)', () => {
  it('a Friday report filed before the end of the day is on time; the comment is due 09:15 Monday across the weekend, and late after it', async () => {
    archive.clock.set('2026-01-09T09:30:00Z'); // Friday 17:30 in Shanghai
    const filed = await as(PEOPLE.staff, async (s) => {
      const r = await fileVisitReport(s, { visits });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'visitReport.file', outcome: 'ok', objectType: 'visitReport' });
      expect(JSON.parse(lastEntries(s)[0]!.details)).toMatchObject({ date: '2026-01-09', visits: 1, late: false });
      return r;
    });
    expect(filed).toMatchObject({ date: '2026-01-09', late: false, commentDueAt: '2026-01-12T01:15:00.000Z', supervisor: null });

    // Monday 09:14: still on time and in the supervisor's due list, not overdue.
    archive.clock.set('2026-01-12T01:14:00Z');
    await as(PEOPLE.deptManager, async (s) => {
      const due = collectDue(s).filter((i) => i.kind === 'reportComment');
      expect(due).toEqual([expect.objectContaining({ key: `reportComment:${filed.id}`, dueAt: '2026-01-12T01:15:00.000Z', overdue: false })]);
    });
    // 09:16: overdue, and commenting now is flagged late.
    archive.clock.set('2026-01-12T01:16:00Z');
    await as(PEOPLE.deptManager, async (s) => {
      expect(collectDue(s).find((i) => i.kind === 'reportComment')?.overdue).toBe(true);
      const listed = await listVisitReports(s, { scope: 'toComment' });
      expect(listed[0]).toMatchObject({ id: filed.id, commentOverdue: true });
      const commented = await commentVisitReport(s, { id: filed.id, comment: '报价前先确认库存。' });
      expect(commented).toMatchObject({ commentLate: true, commentOverdue: false });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'visitReport.comment', outcome: 'ok' });
      expect(collectDue(s).filter((i) => i.kind === 'reportComment')).toEqual([]);
    });
  });

  it('across a public holiday the comment is due 09:15 on the first working day after it (2026-10-08)', async () => {
    archive.clock.set('2026-09-30T08:00:00Z');
    const filed = await as(PEOPLE.staff, (s) => fileVisitReport(s, { visits }));
    expect(filed.commentDueAt).toBe('2026-10-08T01:15:00.000Z');
    archive.clock.set('2026-10-08T01:10:00Z');
    const done = await as(PEOPLE.deptManager, (s) => commentVisitReport(s, { id: filed.id, comment: '好。' }));
    expect(done.commentLate).toBe(false);
  });

  it('a make-up working day counts: a Friday report before it is commented by 09:15 that Saturday (2026-10-10)', async () => {
    archive.clock.set('2026-10-09T08:00:00Z');
    const filed = await as(PEOPLE.staff, (s) => fileVisitReport(s, { visits }));
    expect(filed.commentDueAt).toBe('2026-10-10T01:15:00.000Z');
    archive.clock.set('2026-10-10T02:00:00Z');
    const done = await as(PEOPLE.deptManager, (s) => commentVisitReport(s, { id: filed.id, comment: '好。' }));
    expect(done.commentLate).toBe(true);
  });

  it('a report filed after the end of its working day is flagged late, and a missing one is overdue in the due list', async () => {
    archive.clock.set('2026-01-08T03:00:00Z'); // Thursday 11:00
    await as(PEOPLE.staff, (s) => {
      expect(collectDue(s).filter((i) => i.kind === 'visitReport')).toEqual([
        expect.objectContaining({ key: 'visitReport:2026-01-07', overdue: true }),
        expect.objectContaining({ key: 'visitReport:2026-01-08', dueAt: '2026-01-08T10:00:00.000Z', overdue: false }),
      ]);
      return Promise.resolve();
    });
    const late = await as(PEOPLE.staff, (s) => fileVisitReport(s, { date: '2026-01-07', visits }));
    expect(late.late).toBe(true);
    await as(PEOPLE.staff, async (s) => {
      expect(
        collectDue(s)
          .filter((i) => i.kind === 'visitReport')
          .map((i) => i.key),
      ).toEqual(['visitReport:2026-01-08']);
      await expectCode(fileVisitReport(s, { date: '2026-01-09', visits }), 'visitReport.future');
    });
  });

  it('only a salesperson files, only the supervisor comments, only the sales department manager spot-checks; a commented report is closed', async () => {
    archive.clock.set('2026-01-09T02:00:00Z');
    await as(PEOPLE.custodianS, async (s) => {
      await expectCode(fileVisitReport(s, { visits }), 'denied.notSalesperson');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'visitReport.file', outcome: 'denied', reason: 'denied.notSalesperson' });
    });
    await as(PEOPLE.collector, (s) => expectCode(fileVisitReport(s, { visits }), 'denied.notSalesperson'));
    const filed = await as(PEOPLE.staff, (s) => fileVisitReport(s, { visits }));
    // An amendment before the comment is a new revision of the same report.
    const amended = await as(PEOPLE.staff, (s) => fileVisitReport(s, { visits: [...visits, { customer: '北京小米通讯技术有限公司' }] }));
    expect(amended).toMatchObject({ id: filed.id, revision: 2, visitCount: 2 });
    await as(PEOPLE.manager, (s) => expectCode(commentVisitReport(s, { id: filed.id, comment: '好' }), 'denied.notReportSupervisor'));
    await as(PEOPLE.manager, (s) => expectCode(openVisitReport(s, { id: filed.id }), 'denied.notVisitReportReader'));
    await as(PEOPLE.deptManager, (s) => commentVisitReport(s, { id: filed.id, comment: '跟进小米。' }));
    await as(PEOPLE.staff, (s) => expectCode(fileVisitReport(s, { visits }), 'visitReport.commented'));
    await as(PEOPLE.deptManager, (s) => expectCode(spotCheckVisitReport(s, { id: filed.id, findings: 'x' }), 'denied.notSpotChecker'));
    await as(SALES_MANAGER, async (s) => {
      expect(collectDue(s).filter((i) => i.kind === 'spotCheck')).toHaveLength(1);
      const all = await listVisitReports(s, { scope: 'all' });
      expect(all.map((r) => r.id)).toEqual([filed.id]);
      const checked = await spotCheckVisitReport(s, { id: filed.id, findings: '填写完整，批示及时。' });
      expect(checked.checks).toEqual([
        expect.objectContaining({ findings: '填写完整，批示及时。', by: { login: SALES_MANAGER.login, name: SALES_MANAGER.name } }),
      ]);
      expect(checked.visits).toHaveLength(2);
      expect(lastEntries(s)[0]).toMatchObject({ event: 'visitReport.spotCheck', outcome: 'ok' });
    });
    await as(PEOPLE.staff, async (s) => {
      const view = await openVisitReport(s, { id: filed.id });
      expect(view).toMatchObject({ comment: '跟进小米。', revision: 4, spotChecks: 1 });
      const revisions = s.archive.db.prepare('SELECT kind FROM visit_report_revisions WHERE report_id = ? ORDER BY revision').all(filed.id);
      expect(revisions).toEqual([{ kind: 'file' }, { kind: 'amend' }, { kind: 'comment' }, { kind: 'spotCheck' }]);
    });
  });

  it("a configured supervisor (the person's manager) comments instead of the key-account department manager", async () => {
    const lead: TestPerson = { login: 'he.zg', name: '何主管', department: 'sales', rank: 'account-manager', password: 'he.zg-password-1' };
    const rep: TestPerson = {
      login: 'ma.yw',
      name: '马业务',
      department: 'key-accounts',
      rank: 'staff',
      password: 'ma.yw-password-1',
      managerLogin: lead.login,
    };
    await archive.addPerson(lead);
    await archive.addPerson(rep);
    archive.clock.set('2026-01-09T02:00:00Z');
    const filed = await as(rep, (s) => fileVisitReport(s, { visits }));
    expect(filed.supervisor).toEqual({ login: lead.login, name: lead.name });
    await as(PEOPLE.deptManager, (s) => expectCode(commentVisitReport(s, { id: filed.id, comment: '好' }), 'denied.notReportSupervisor'));
    await as(lead, async (s) => {
      expect(collectDue(s).map((i) => i.key)).toContain(`reportComment:${filed.id}`);
      await commentVisitReport(s, { id: filed.id, comment: '好' });
    });
  });
});

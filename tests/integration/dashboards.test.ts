/**
 * Dashboard charts (issue 18 point 3): each viewer gets the charts the policy lets them see, limited
 * to their department where the chart says so; a chart for someone else is refused and journaled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartData, listCharts } from '../../src-main/core/dashboards/service';
import type { BulkDossier } from '../../src-main/core/dossiers/bulk';
import { createDossier } from '../../src-main/core/dossiers/service';
import { reportLead } from '../../src-main/core/leads/service';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, PEOPLE, unlockAs } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';
import { makeBulkArchive } from '../helpers/bulk-archive';

const AUDITOR: TestPerson = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff', duties: ['auditor'], password: 'shen.sj-password-1' };
const GM: TestPerson = { login: 'gao.zj', name: '高总', department: 'key-accounts', rank: 'general-manager', password: 'gao.zj-password-1' };

let archive: TestArchive;
const daysAgo = (n: number) => new Date(Date.parse('2026-01-05T09:00:00Z') - n * 86_400_000).toISOString();

beforeAll(async () => {
  const items: BulkDossier[] = [];
  // Responsible manager zhang.jl sits in key-accounts: these are that department's dossiers.
  const make = (i: number, grade: 'A' | 'B', reviewedDaysAgo: number): BulkDossier => {
    const base = completeDossier({ customerName: `看板测试客户${i}有限公司` });
    return {
      content: { ...base, classification: { ...base.classification!, grade } },
      createdAt: daysAgo(400),
      file: true,
      reviewedAt: daysAgo(reviewedDaysAgo),
    };
  };
  for (let i = 0; i < 4; i++) items.push(make(i, 'A', 30));
  for (let i = 4; i < 7; i++) items.push(make(i, 'B', 200));
  items.push(make(7, 'A', 200));
  archive = (await makeBulkArchive([AUDITOR, GM], items)).archive;
}, 240_000);
afterAll(() => archive.cleanup());

const as = <T>(p: TestPerson, body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, body);

describe('each viewer sees the charts that are for them', () => {
  it('a department manager: review compliance of their own department, the cadence chart with no data before any key person is classed', () =>
    as(PEOPLE.deptManager, async (s) => {
      const ids = await listCharts(s);
      expect(ids).toContain('review-compliance');
      expect(ids).toContain('contact-cadence');
      expect(ids).not.toContain('incidents-marks');
      expect(ids).not.toContain('loans-by-month');
      const chart = await chartData(s, { id: 'review-compliance' });
      expect(chart).toMatchObject({ department: 'key-accounts', categories: ['A', 'B', 'C'], noData: false });
      expect(chart.series).toEqual([
        { key: 'onTime', values: [4, 0, 0] },
        { key: 'overdue', values: [1, 3, 0] },
      ]);
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'dashboard.chart', outcome: 'ok', objectId: 'review-compliance' });
      expect((await chartData(s, { id: 'contact-cadence' })).noData).toBe(true);
    }));

  it('a chart for someone else is refused and journaled; an unknown chart is an error', () =>
    as(PEOPLE.deptManager, async (s) => {
      await expectCode(chartData(s, { id: 'incidents-marks' }), 'denied.notChartAudience');
      expect(lastEntries(s, 1)[0]).toMatchObject({
        event: 'dashboard.chart',
        outcome: 'denied',
        reason: 'denied.notChartAudience',
        objectId: 'incidents-marks',
      });
      await expectCode(chartData(s, { id: 'no-such-chart' }), 'chart.unknown');
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'dashboard.chart', outcome: 'error', reason: 'chart.unknown' });
    }));

  it('the general manager sees every department’s compliance and the incidents chart', () =>
    as(GM, async (s) => {
      const ids = await listCharts(s);
      expect(ids).toEqual(expect.arrayContaining(['review-compliance', 'incidents-marks']));
      const chart = await chartData(s, { id: 'review-compliance' });
      expect(chart.department).toBeNull();
      expect(chart.series[0]!.values).toEqual([4, 0, 0]);
      const incidents = await chartData(s, { id: 'incidents-marks' });
      expect(incidents.categories).toHaveLength(12);
      expect(incidents.categories.at(-1)).toBe('2026-01');
    }));

  it('a custodian sees their department’s loans; an auditor sees refusals over time, counting the ones above', async () => {
    await as(PEOPLE.custodianC, async (s) => {
      const ids = await listCharts(s);
      expect(ids).toEqual(['loans-by-month', 'overdue-loans']);
      expect((await chartData(s, { id: 'loans-by-month' })).department).toBe('customer-service');
    });
    await as(AUDITOR, async (s) => {
      expect(await listCharts(s)).toEqual(['refusals-after-hours']);
      const chart = await chartData(s, { id: 'refusals-after-hours' });
      const refusals = chart.series.find((x) => x.key === 'refusals')!;
      // The department manager's refused chart above, this month.
      expect(refusals.values.at(-1)).toBeGreaterThanOrEqual(1);
    });
  });

  it('contact cadence (seed 004 服务标准): the department’s classified key persons met, due or overdue this period', async () => {
    const manager = await unlockAs(archive, PEOPLE.manager);
    try {
      const dossier = completeDossier({ customerName: '看板节奏客户有限公司' });
      dossier.keyPersons = [
        { name: '钱总', title: '总经理', contactClass: 'core' },
        { name: '孙经理', title: '采购经理', contactClass: 'influencer' },
        { name: '李前台', title: '前台' },
      ];
      await createDossier(manager, dossier);
    } finally {
      await manager.lock();
    }
    await as(PEOPLE.deptManager, async (s) => {
      const chart = await chartData(s, { id: 'contact-cadence' });
      // First seen this period: due, not yet overdue; the unclassified person is not counted.
      expect(chart).toMatchObject({ department: 'key-accounts', categories: ['core', 'influencer', 'nonCore'], noData: false });
      expect(chart.series).toEqual([
        { key: 'met', values: [0, 0, 0] },
        { key: 'due', values: [1, 1, 0] },
        { key: 'overdueContacts', values: [0, 0, 0] },
      ]);
    });
  });

  it('the lead funnel (seed 004 大客户信息收集): a later report of the same customer never counts', async () => {
    expect((await as(PEOPLE.deptManager, (s) => chartData(s, { id: 'lead-funnel' }))).noData).toBe(true);
    const report = {
      customerName: '合肥市看板出租汽车有限公司',
      need: '更新出租车辆',
      quantity: 12,
      sector: 'taxi',
      contactPerson: '周联系',
      contactDetails: '0551-6000-0000',
    };
    await as(PEOPLE.staff, (s) => reportLead(s, report));
    await as(PEOPLE.collector, (s) => reportLead(s, { ...report, customerName: ' 合肥市看板出租汽车有限公司 ' }));
    const chart = await as(PEOPLE.deptManager, (s) => chartData(s, { id: 'lead-funnel' }));
    expect(chart).toMatchObject({ categories: ['leadsCounted', 'leadsValid', 'leadsProject', 'leadsDossier'], noData: false });
    expect(chart.series).toEqual([{ key: 'leads', values: [1, 0, 0, 0] }]);
  });
});

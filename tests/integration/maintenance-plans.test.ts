/**
 * Yearly maintenance plans (seed 000 第十一条): 计划由客户经理完成; 客户维护计划每年一次…调整权由市场部
 * 经理掌握; 客户维护计划交市场部信息管理员归档. One archive, real and encrypted, on the test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { approvePlan, dossierPlans, listPlans, rejectPlan, savePlan } from '../../src-main/core/plans/service';
import type { Session } from '../../src-main/core/session';
import { lastEntries, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, PEOPLE } from '../helpers/dossiers';
import { collectDue } from '../helpers/relations';
import { asPerson } from '../helpers/as-person';

const MARKETING_MANAGER: TestPerson = {
  login: 'gao.sc',
  name: '高市场经理',
  department: 'marketing',
  rank: 'department-manager',
  password: 'gao.sc-password-1',
};
const FULL = {
  summary: '巩固合作，扩大份额',
  profile: '电子制造龙头；优势：规模',
  competition: '对手甲报价低',
  assessment: '合作三年，关系稳定',
  actions: '每季度拜访一次',
};

let archive: TestArchive;
let number: string;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [PEOPLE.collector, PEOPLE.manager, PEOPLE.custodianM, MARKETING_MANAGER]) await archive.addPerson(p);
  archive.clock.set('2026-03-02T02:00:00Z');
  number = await as(PEOPLE.collector, async (c) => {
    const d = await createDossier(c, completeDossier());
    await fileDossier(c, { number: d.number });
    return d.number;
  });
});
afterAll(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('yearly maintenance plans (seed 000 第十条、第十一条)', () => {
  it('a collector cannot write a maintenance plan, by the plan path or the old dossier field', async () => {
    await as(PEOPLE.collector, async (s) => {
      await expectCode(savePlan(s, { number, year: 2026, parts: FULL }), 'denied.notPlanWriter');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'plan.write', outcome: 'denied', reason: 'denied.notPlanWriter' });
      await expectCode(updateDossier(s, { number, changes: { maintenancePlan: { summary: 'x' } } }), 'dossier.planMoved');
    });
    await as(MARKETING_MANAGER, (s) => expectCode(savePlan(s, { number, year: 2026, parts: FULL }), 'denied.notPlanWriter'));
    await as(PEOPLE.collector, (s) => expectCode(dossierPlans(s, { number }), 'denied.notPlanReader'));
  });

  it('the account manager drafts and files; a change to a filed plan is pending until the marketing department manager approves it', async () => {
    await as(PEOPLE.manager, async (s) => {
      expect(collectDue(s).filter((i) => i.kind === 'plan')).toEqual([expect.objectContaining({ key: `plan:${number}:2026`, overdue: true })]);
      await expectCode(savePlan(s, { number, year: 2026, parts: { summary: FULL.summary }, file: true }), 'plan.incomplete');
      const draft = await savePlan(s, { number, year: 2026, parts: { summary: FULL.summary } });
      expect(draft).toMatchObject({ status: 'draft', revision: 1, mayWrite: true });
      const filed = await savePlan(s, { number, year: 2026, parts: FULL, file: true });
      expect(filed).toMatchObject({ status: 'filed', revision: 2, pending: null });
      expect(collectDue(s).filter((i) => i.kind === 'plan')).toEqual([]);
      // The change waits: the plan still reads as filed.
      const proposed = await savePlan(s, { number, year: 2026, parts: { actions: '每月拜访一次' } });
      expect(proposed.content.actions).toBe(FULL.actions);
      expect(proposed.pending?.actions).toBe('每月拜访一次');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'plan.write', outcome: 'ok' });
      expect(JSON.parse(lastEntries(s)[0]!.details)).toMatchObject({ pending: true, parts: ['actions'] });
      expect(lastEntries(s)[0]!.details).not.toContain('每月');
      await expectCode(approvePlan(s, { number, year: 2026 }), 'denied.notPlanApprover');
    });
    // Marketing's information keeper sees the filed plan (as filed, the change not yet in it).
    await as(PEOPLE.custodianM, async (s) => {
      const filedList = await listPlans(s, { scope: 'filed' });
      expect(filedList.map((p) => `${p.number}/${p.year}`)).toEqual([`${number}/2026`]);
      const plans = await dossierPlans(s, { number });
      expect(plans.plans[0]!.content.actions).toBe(FULL.actions);
      await expectCode(approvePlan(s, { number, year: 2026 }), 'denied.notPlanApprover');
    });
    await as(MARKETING_MANAGER, async (s) => {
      expect(
        collectDue(s)
          .filter((i) => i.kind === 'planApproval')
          .map((i) => i.dossierNumber),
      ).toEqual([number]);
      expect((await listPlans(s, { scope: 'pending' })).map((p) => p.number)).toEqual([number]);
      const approved = await approvePlan(s, { number, year: 2026 });
      expect(approved).toMatchObject({ pending: null, status: 'filed' });
      expect(approved.content.actions).toBe('每月拜访一次');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'plan.approve', outcome: 'ok' });
      await expectCode(approvePlan(s, { number, year: 2026 }), 'plan.noPendingChange');
      expect(collectDue(s).filter((i) => i.kind === 'planApproval')).toEqual([]);
    });
    // A rejected change leaves the plan as it was.
    await as(PEOPLE.manager, (s) => savePlan(s, { number, year: 2026, parts: { summary: '收缩合作' } }));
    await as(MARKETING_MANAGER, async (s) => {
      const rejected = await rejectPlan(s, { number, year: 2026, reason: '与年度策略不符' });
      expect(rejected).toMatchObject({ pending: null });
      expect(rejected.content.summary).toBe(FULL.summary);
    });
    await as(PEOPLE.manager, (s) => {
      const kinds = s.archive.db.prepare('SELECT kind FROM plan_revisions ORDER BY revision').all();
      expect(kinds).toEqual([{ kind: 'draft' }, { kind: 'file' }, { kind: 'propose' }, { kind: 'approve' }, { kind: 'propose' }, { kind: 'reject' }]);
      return Promise.resolve();
    });
  });

  it('plans for the new year are listed from 30 days before 1 January', async () => {
    archive.clock.set('2026-11-30T00:00:00Z');
    await as(PEOPLE.manager, (s) => {
      expect(collectDue(s).filter((i) => i.kind === 'plan')).toEqual([]);
      return Promise.resolve();
    });
    archive.clock.set('2026-12-03T00:00:00Z');
    await as(PEOPLE.manager, (s) => {
      expect(collectDue(s).filter((i) => i.kind === 'plan')).toEqual([
        expect.objectContaining({ key: `plan:${number}:2027`, dueAt: '2026-12-31T16:00:00.000Z', overdue: false, subject: '2027' }),
      ]);
      return Promise.resolve();
    });
  });
});

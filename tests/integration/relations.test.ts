/**
 * Issue 17 points 5–7 on the test clock: the half-yearly survey of transacting customers (seed 004
 * 第8条), satisfaction surveys with a follow-up for every unsatisfied item (seed 001 3.3.3),
 * complaints answered within the hour and solved within 24 hours (seed 003 三(二)3), and quarterly
 * re-grading (seed 003 每季度评估客户等级). Real encrypted archive; journal asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier, openDossier } from '../../src-main/core/dossiers/service';
import { findDossierByNumber } from '../../src-main/core/dossiers/repository';
import { complaintStep, recordComplaint } from '../../src-main/core/relations/complaints';
import { complaintsDue, followUpsDue, regradesDue, surveysDue } from '../../src-main/core/relations/due';
import { dossierRelations, listComplaints, listFollowUps } from '../../src-main/core/relations/lists';
import { recordRegrade } from '../../src-main/core/relations/regrade';
import { closeFollowUp, recordSatisfactionSurvey } from '../../src-main/core/relations/satisfaction';
import { recordPeriodicSurvey, transactingRegister } from '../../src-main/core/relations/surveys';
import { DUE_SOURCES } from '../../src-main/core/due/sources';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

let archive: TestArchive;
let number: string;
let prospect: string;
const MIN = 60_000;

const due = (s: Session) => ({ archive: s.archive, actor: s.actor, now: s.archive.clock.now() });

const as = <T>(who: TestPerson, work: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, who, work);

beforeAll(async () => {
  archive = await makeDossierArchive();
  archive.clock.set('2026-01-05T01:00:00Z');
  await as(PEOPLE.collector, async (s) => {
    number = (await createDossier(s, completeDossier())).number;
    await fileDossier(s, { number });
    const draft = completeDossier({ customerName: '杭州潜在客户有限公司' });
    draft.classification = { ...draft.classification!, lifecycle: 'potential', grade: 'B' };
    prospect = (await createDossier(s, draft)).number;
    await fileDossier(s, { number: prospect });
  });
}, 300_000);
afterAll(() => archive.cleanup());

describe('complaints: 首小时响应，24小时内提供解决方案 (seed 003 三(二)3)', () => {
  it('a complaint not answered within one hour is flagged overdue, and one not solved within 24 hours again', async () => {
    archive.clock.set('2026-01-05T02:00:00Z');
    const made = await as(PEOPLE.collector, async (s) => {
      const r = await recordComplaint(s, { number, subject: '交货延迟', content: '第三批货物晚到五天，客户要求说明原因。' });
      const [entry] = lastEntries(s);
      expect(entry).toMatchObject({ event: 'complaint.record', outcome: 'ok', objectId: number });
      // The complaint's words are content: never in the journal.
      expect(entry!.details).not.toContain('交货延迟');
      return r;
    });
    expect(made.respondBy).toBe('2026-01-05T03:00:00.000Z');
    expect(made.solveBy).toBe('2026-01-06T02:00:00.000Z');

    archive.clock.advance(59 * MIN);
    await as(PEOPLE.manager, async (s) => {
      const [item] = complaintsDue(due(s)).filter((i) => i.key.startsWith(`complaint:${made.id}:`));
      expect(item).toMatchObject({ kind: 'complaint', dueAt: made.respondBy, overdue: false, dossierNumber: number });
    });
    archive.clock.advance(2 * MIN);
    await as(PEOPLE.manager, async (s) => {
      const [item] = complaintsDue(due(s)).filter((i) => i.key.startsWith(`complaint:${made.id}:`));
      expect(item).toMatchObject({ key: `complaint:${made.id}:respond`, overdue: true });
      const view = (await listComplaints(s, { open: true })).find((c) => c.id === made.id)!;
      expect(view).toMatchObject({ state: 'received', overdue: true, responseLate: true, subject: '交货延迟' });
      const responded = await complaintStep(s, { id: made.id, step: 'respond', text: '已致电客户说明情况。' });
      expect(responded).toMatchObject({ state: 'responded', overdue: false, responseLate: true, solutionLate: false });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'complaint.step', outcome: 'ok', objectId: String(made.id) });
      const [next] = complaintsDue(due(s)).filter((i) => i.key.startsWith(`complaint:${made.id}:`));
      expect(next).toMatchObject({ key: `complaint:${made.id}:solve`, dueAt: made.solveBy, overdue: false });
    });
    archive.clock.set('2026-01-06T02:00:01Z');
    await as(PEOPLE.manager, async (s) => {
      const [next] = complaintsDue(due(s)).filter((i) => i.key.startsWith(`complaint:${made.id}:`));
      expect(next).toMatchObject({ overdue: true });
      const solved = await complaintStep(s, { id: made.id, step: 'solve', text: '补发并减免运费。' });
      expect(solved).toMatchObject({ state: 'solved', solutionLate: true, overdue: false });
      expect(complaintsDue(due(s)).filter((i) => i.key.startsWith(`complaint:${made.id}:`))).toEqual([]);
      expect(await complaintStep(s, { id: made.id, step: 'close' })).toMatchObject({ state: 'closed' });
    });
  });

  it('steps go in order, each once; a refused step leaves the archive unchanged and is journaled', async () => {
    archive.clock.set('2026-01-07T02:00:00Z');
    const { id } = await as(PEOPLE.manager, (s) => recordComplaint(s, { number, subject: '发票错误', content: '发票抬头错误。' }));
    await as(PEOPLE.manager, async (s) => {
      await expectCode(complaintStep(s, { id, step: 'solve', text: '重开发票' }), 'relations.complaintStep');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'complaint.step', outcome: 'error', reason: 'relations.complaintStep' });
      await expectCode(complaintStep(s, { id, step: 'respond' }), 'relations.textRequired');
      await expectCode(complaintStep(s, { id, step: 'respond', text: 'x', extra: 1 }), 'input.invalid');
    });
    await as(PEOPLE.manager, async (s) => {
      const view = (await listComplaints(s, {})).find((c) => c.id === id)!;
      expect(view.state).toBe('received');
    });
  });

  it('people without a business duty for the customer can neither record nor work on a complaint', async () => {
    for (const who of [PEOPLE.otherCollector, PEOPLE.otherManager, PEOPLE.custodianC, PEOPLE.staff]) {
      await as(who, async (s) => {
        await expectCode(recordComplaint(s, { number, subject: '测试', content: '测试' }), 'denied.notWriter');
        expect(lastEntries(s)[0]).toMatchObject({ event: 'complaint.record', outcome: 'denied', reason: 'denied.notWriter' });
        await expectCode(complaintStep(s, { id: 1, step: 'close' }), 'denied.notWriter');
      });
    }
    // The complaint's words reach nobody who may not read the dossier and is not named on it.
    await as(PEOPLE.deptManager, async (s) => {
      const views = await listComplaints(s, {});
      expect(views.length).toBeGreaterThan(0);
      expect(views.every((v) => v.subject === null && v.content === null)).toBe(true);
    });
  });

  it('an owner must be someone with a business duty', async () => {
    await as(PEOPLE.collector, async (s) => {
      await expectCode(recordComplaint(s, { number, subject: '测试', content: '测试', ownerLogin: PEOPLE.custodianS.login }), 'relations.badOwner');
      await expectCode(recordComplaint(s, { number, subject: '测试', content: '测试', ownerLogin: 'nobody.here' }), 'relations.badOwner');
    });
  });
});

describe('satisfaction surveys: 针对不满意项制定改进措施并跟踪落实 (seed 001 3.3.3)', () => {
  it('every item scored below the threshold gets a follow-up with an owner and a due date, tracked until closed', async () => {
    archive.clock.set('2026-02-02T02:00:00Z');
    const survey = await as(PEOPLE.collector, (s) =>
      recordSatisfactionSurvey(s, {
        number,
        items: [
          { question: '产品质量', score: 5 },
          { question: '交货及时性', score: 2, comment: '经常延迟', action: '每周通报发货计划' },
          { question: '售后响应', score: 1, comment: '电话难打通', ownerLogin: PEOPLE.collector.login },
          { question: '价格', score: 3 },
        ],
      }),
    );
    expect(survey.followUps).toHaveLength(2);
    await as(PEOPLE.manager, async (s) => {
      const items = followUpsDue(due(s)).filter((i) => survey.followUps.includes(Number(i.subject!.slice(1))));
      expect(items).toEqual([expect.objectContaining({ kind: 'satisfactionFollowUp', dueAt: '2026-02-09T02:00:00.000Z', overdue: false })]);
      const rel = await dossierRelations(s, { number });
      expect(rel.satisfaction[0]!.items.map((i) => i.unsatisfied)).toEqual([false, true, true, false]);
    });
    archive.clock.set('2026-02-09T02:00:01Z');
    await as(PEOPLE.collector, async (s) => {
      const [mine] = followUpsDue(due(s)).filter((i) => survey.followUps.includes(Number(i.subject!.slice(1))));
      expect(mine).toMatchObject({ overdue: true });
      const listed = (await listFollowUps(s, { open: true })).filter((f) => survey.followUps.includes(f.id));
      expect(listed.map((f) => f.question).sort()).toEqual(['交货及时性', '售后响应']);
      const id = Number(mine!.subject!.slice(1));
      await closeFollowUp(s, { id, result: '开通售后专线' });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'followUp.close', outcome: 'ok' });
      expect(followUpsDue(due(s)).some((i) => i.subject === `#${id}`)).toBe(false);
      await expectCode(closeFollowUp(s, { id, result: '再次关闭' }), 'relations.followUpClosed');
    });
    await as(PEOPLE.otherManager, async (s) => {
      await expectCode(closeFollowUp(s, { id: survey.followUps[0]!, result: 'x' }), 'denied.notWriter');
      await expectCode(recordSatisfactionSurvey(s, { number, items: [{ question: 'q', score: 1 }] }), 'denied.notWriter');
    });
  });

  it('bad input is refused in words and changes nothing', async () => {
    await as(PEOPLE.collector, async (s) => {
      await expectCode(recordSatisfactionSurvey(s, { number, items: [] }), 'input.invalid');
      await expectCode(recordSatisfactionSurvey(s, { number, items: [{ question: 'q', score: 6 }] }), 'input.invalid');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'satisfaction.record', outcome: 'error', reason: 'input.invalid' });
    });
  });
});

describe('the half-yearly survey of transacting customers: 一年两次定期调查交易往来客户 (seed 004 第8条)', () => {
  it('is due once in each half-year of the archive calendar, and its changes reach the register and the catalogue', async () => {
    archive.clock.set('2026-03-02T02:00:00Z');
    await as(PEOPLE.manager, async (s) => {
      const items = surveysDue(due(s));
      // 30 June ends at midnight Beijing time: 16:00 UTC.
      expect(items).toEqual([
        expect.objectContaining({ kind: 'survey', dossierNumber: number, subject: '2026-H1', dueAt: '2026-06-30T16:00:00.000Z', overdue: false }),
      ]);
      expect(items.some((i) => i.dossierNumber === prospect)).toBe(false);
      await expectCode(recordPeriodicSurvey(s, { number: prospect, changes: '尚未成交' }), 'relations.notTransacting');
      const done = await recordPeriodicSurvey(s, { number, changes: '采购总监更换；年采购额下降。', grade: 'B' });
      expect(done).toMatchObject({ period: '2026-H1' });
      expect(done.revision).toBeGreaterThan(1);
      expect(lastEntries(s)[0]).toMatchObject({ event: 'survey.record', outcome: 'ok', objectId: number });
      expect(findDossierByNumber(s.archive.db, number)).toMatchObject({ grade: 'B', revision: done.revision });
      expect(surveysDue(due(s))).toEqual([]);
      await expectCode(recordPeriodicSurvey(s, { number, changes: '再次调查' }), 'relations.alreadySurveyed');
      const row = (await transactingRegister(s)).find((r) => r.number === number)!;
      expect(row).toMatchObject({ grade: 'B', surveyDue: false, lastSurvey: { period: '2026-H1', by: { login: PEOPLE.manager.login } } });
      expect((await transactingRegister(s)).some((r) => r.number === prospect)).toBe(false);
    });
    // 1 July 00:00 in Beijing: the second half-year's survey is due.
    archive.clock.set('2026-06-30T16:00:00Z');
    await as(PEOPLE.manager, async (s) => {
      expect(surveysDue(due(s))).toEqual([expect.objectContaining({ subject: '2026-H2', dueAt: '2026-12-31T16:00:00.000Z', overdue: false })]);
    });
    // A half-year passed with no survey: listed overdue beside the new one.
    archive.clock.set('2027-01-04T02:00:00Z');
    await as(PEOPLE.manager, async (s) => {
      const items = surveysDue(due(s));
      expect(items.map((i) => [i.subject, i.overdue])).toEqual([
        ['2026-H2', true],
        ['2027-H1', false],
      ]);
    });
    await as(PEOPLE.otherManager, async (s) => {
      await expectCode(recordPeriodicSurvey(s, { number, changes: 'x' }), 'denied.notWriter');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'survey.record', outcome: 'denied' });
    });
  });
});

describe('quarterly re-grading: 每季度评估客户等级 (seed 003)', () => {
  it('is due every quarter, records the criteria and keeps the grade history', async () => {
    archive.clock.set('2027-01-04T02:00:00Z');
    await as(PEOPLE.manager, async (s) => {
      const mine = regradesDue(due(s)).filter((i) => i.dossierNumber === number);
      expect(mine.map((i) => [i.subject, i.overdue, i.dueAt])).toEqual([
        ['2026-Q4', true, '2026-12-31T16:00:00.000Z'],
        ['2027-Q1', false, '2027-03-31T16:00:00.000Z'],
      ]);
      const r = await recordRegrade(s, { number, value: 5, potential: 4, stability: 4, grade: 'A', note: '复购率回升' });
      expect(r).toMatchObject({ quarter: '2027-Q1', gradeBefore: 'B', gradeAfter: 'A' });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'regrade.record', outcome: 'ok' });
      expect(findDossierByNumber(s.archive.db, number)!.grade).toBe('A');
      expect(
        regradesDue(due(s))
          .filter((i) => i.dossierNumber === number)
          .map((i) => i.subject),
      ).toEqual(['2026-Q4']);
    });
    await as(PEOPLE.collector, async (s) => {
      await expectCode(recordRegrade(s, { number, value: 1, potential: 1, stability: 1, grade: 'C' }), 'denied.notWriter');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'regrade.record', outcome: 'denied', reason: 'denied.notWriter' });
    });
    archive.clock.set('2027-04-01T02:00:00Z');
    await as(PEOPLE.deptManager, async (s) => {
      await recordRegrade(s, { number, value: 3, potential: 3, stability: 2, grade: 'B' });
      const rel = await dossierRelations(s, { number });
      expect(rel.grades.map((g) => [g.quarter, g.gradeBefore, g.gradeAfter])).toEqual([
        ['2027-Q2', 'A', 'B'],
        ['2027-Q1', 'B', 'A'],
      ]);
      // The note is content: a department manager without a loan does not read it.
      expect(rel.grades[1]!.note).toBeNull();
    });
  });

  it('all four kinds reach the one due list through DUE_SOURCES', async () => {
    await as(PEOPLE.manager, async (s) => {
      const kinds = new Set(DUE_SOURCES.flatMap((source) => source(due(s))).map((i) => i.kind));
      expect([...kinds].filter((k) => ['survey', 'regrade', 'complaint'].includes(k)).sort()).toEqual(['complaint', 'regrade', 'survey']);
      // Reading the dossier still works after the revisions surveys and re-gradings made.
      await expectCode(openDossier(s, { number }), 'denied.noContentAccess');
    });
  });
});

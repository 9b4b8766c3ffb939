/**
 * Issue 17's two fixed numbers as archive settings, and partial updates of object settings:
 * - spotCheckDays (seed 004 销售部经理必须不定期地对此工作进行抽查; one a week by default): the next
 *   spot check is due that many days after the last;
 * - planApprovalDays (seed 000 第十一条 调整权由市场部经理掌握; 3 days by default): a plan change waits
 *   that long for the marketing department manager;
 * - a change naming some fields of the working calendar keeps the others.
 * Real encrypted archives on the test clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { savePlan } from '../../src-main/core/plans/service';
import type { Session } from '../../src-main/core/session';
import { readSettings, updateSettings } from '../../src-main/core/settings/service';
import { fileVisitReport, spotCheckVisitReport } from '../../src-main/core/visits/service';
import { ADMIN, lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { collectDue } from '../helpers/relations';
import { asPerson } from '../helpers/as-person';

const SALES_MANAGER: TestPerson = { login: 'qian.xs', name: '钱销售经理', department: 'sales', rank: 'department-manager', password: 'qian.xs-password-1' };
const MARKETING_MANAGER: TestPerson = {
  login: 'gao.sc',
  name: '高市场经理',
  department: 'marketing',
  rank: 'department-manager',
  password: 'gao.sc-password-1',
};
const FULL = { summary: '巩固合作', profile: '龙头企业', competition: '对手甲报价低', assessment: '关系稳定', actions: '每季度拜访一次' };
const visits = [{ customer: '上海华为电子科技有限公司', personMet: '李明', purpose: '续约', result: '同意报价', nextStep: '发报价单' }];

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(SALES_MANAGER);
  await archive.addPerson(MARKETING_MANAGER);
});
afterEach(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);
const asAdmin = <T>(fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, ADMIN, fn);

describe('spot checks and plan approvals follow the archive settings (issue 17 points 3 and 4)', () => {
  it('the next spot check is due one week after the last by default (不定期抽查), and spotCheckDays after it once set', async () => {
    archive.clock.set('2026-01-09T02:00:00Z');
    const filed = await as(PEOPLE.staff, (s) => fileVisitReport(s, { visits }));
    await as(SALES_MANAGER, (s) => spotCheckVisitReport(s, { id: filed.id, findings: '填写完整。' }));
    const spotCheck = (s: Session) => collectDue(s).filter((i) => i.kind === 'spotCheck');
    await as(SALES_MANAGER, async (s) => expect(spotCheck(s)).toEqual([expect.objectContaining({ dueAt: '2026-01-16T02:00:00.000Z', overdue: false })]));
    await asAdmin((s) => updateSettings(s, { spotCheckDays: 3 }));
    await as(SALES_MANAGER, async (s) => expect(spotCheck(s)).toEqual([expect.objectContaining({ dueAt: '2026-01-12T02:00:00.000Z', overdue: false })]));
    archive.clock.set('2026-01-12T02:01:00Z');
    await as(SALES_MANAGER, async (s) => expect(spotCheck(s)[0]).toMatchObject({ overdue: true }));
  });

  it('a plan change is due for approval three days after it was proposed by default, and planApprovalDays after it once set', async () => {
    archive.clock.set('2026-03-02T02:00:00Z');
    const number = await as(PEOPLE.collector, async (c) => {
      const d = await createDossier(c, completeDossier());
      await fileDossier(c, { number: d.number });
      return d.number;
    });
    await as(PEOPLE.manager, async (s) => {
      await savePlan(s, { number, year: 2026, parts: FULL, file: true });
      await savePlan(s, { number, year: 2026, parts: { actions: '每月拜访一次' } });
    });
    const approval = (s: Session) => collectDue(s).filter((i) => i.kind === 'planApproval');
    await as(MARKETING_MANAGER, async (s) =>
      expect(approval(s)).toEqual([expect.objectContaining({ dossierNumber: number, dueAt: '2026-03-05T02:00:00.000Z', overdue: false })]),
    );
    await asAdmin((s) => updateSettings(s, { planApprovalDays: 1 }));
    archive.clock.set('2026-03-03T02:01:00Z');
    await as(MARKETING_MANAGER, async (s) => expect(approval(s)).toEqual([expect.objectContaining({ dueAt: '2026-03-03T02:00:00.000Z', overdue: true })]));
  });

  it('out-of-range values are refused by name and change nothing', () =>
    asAdmin(async (s) => {
      await expectCode(updateSettings(s, { spotCheckDays: 0 }), 'settings.outOfRange');
      await expectCode(updateSettings(s, { planApprovalDays: 31 }), 'settings.outOfRange');
      expect(readSettings(s.archive.db)).toMatchObject({ spotCheckDays: 7, planApprovalDays: 3 });
    }));

  it('`triplicate settings set` changes them like any other setting', async () => {
    const cli = (args: string[]) =>
      runCli([...args, '--archive', archive.folder, '--password-stdin', '--lang', 'en'], `${ADMIN.password}\n`, { TRIPLICATE_STATE_DIR: archive.stateDir });
    const set = cli(['settings', 'set', '--as', ADMIN.login, 'spotCheckDays', '14']);
    expect(set.stderr).toBe('');
    expect(set.stdout.trim()).toBe('spotCheckDays: 7 → 14');
    await asAdmin(async (s) => expect(readSettings(s.archive.db).spotCheckDays).toBe(14));
  }, 300_000);
});

describe('a partial change of an object setting keeps the fields it leaves out', () => {
  it('changing the holidays keeps the weekend, the make-up days and the deadlines', () =>
    asAdmin(async (s) => {
      await updateSettings(s, { workingCalendar: { weekendDays: [0], workdays: ['2026-10-10'], reportDueTime: '17:30', commentDueTime: '10:00' } });
      await updateSettings(s, { workingCalendar: { holidays: ['2026-10-01'] } });
      expect(readSettings(s.archive.db).workingCalendar).toEqual({
        weekendDays: [0],
        holidays: ['2026-10-01'],
        workdays: ['2026-10-10'],
        reportDueTime: '17:30',
        commentDueTime: '10:00',
      });
      // The journal names only what changed, old and new.
      expect(JSON.parse(lastEntries(s, 1)[0]!.details).changes).toEqual({
        workingCalendar: {
          old: { weekendDays: [0], holidays: [], workdays: ['2026-10-10'], reportDueTime: '17:30', commentDueTime: '10:00' },
          new: { weekendDays: [0], holidays: ['2026-10-01'], workdays: ['2026-10-10'], reportDueTime: '17:30', commentDueTime: '10:00' },
        },
      });
    }));

  it('one cadence number changes alone; a bad field is still refused by name', () =>
    asAdmin(async (s) => {
      await updateSettings(s, { contactCadence: { corePerWeek: 2 } });
      expect(readSettings(s.archive.db).contactCadence).toEqual({ corePerWeek: 2, influencerPerMonth: 2, nonCorePerMonth: 1 });
      const error = await expectCode(updateSettings(s, { workingCalendar: { commentDueTime: '9:15am' } }), 'settings.badValue');
      expect(error.params).toMatchObject({ key: 'workingCalendar' });
      await expectCode(updateSettings(s, { workingCalendar: { lunchBreak: '12:00' } }), 'settings.badValue');
      expect(readSettings(s.archive.db).workingCalendar.commentDueTime).toBe('09:15');
    }));
});

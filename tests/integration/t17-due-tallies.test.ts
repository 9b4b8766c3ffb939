/**
 * The due list's counts kept by triggers (migration 0330, issue 17 `due_list_ms`) must equal the
 * counts over the rows they stand for after every kind of write: saves of key persons and contact
 * records, filing, re-grading, surveys, plans, and the writes no service path makes today
 * (a handover, a lost customer, a plan back to draft), on a real encrypted archive. And the list's
 * `more` items, read from the tallies, must count exactly what the full list holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src-main/contract/due';
import { callbackDueSource } from '../../src-main/core/due/callback-source';
import { contactDueSource } from '../../src-main/core/due/contact-source';
import type { DueSource } from '../../src-main/core/due/sources';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { plansDue } from '../../src-main/core/plans/due';
import { savePlan } from '../../src-main/core/plans/service';
import { regradesDue, surveysDue } from '../../src-main/core/relations/due';
import { recordRegrade } from '../../src-main/core/relations/regrade';
import { recordPeriodicSurvey } from '../../src-main/core/relations/surveys';
import type { Session } from '../../src-main/core/session';
import type { TestArchive, TestPerson } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

const PLAN = { summary: '巩固合作', profile: '电子制造', competition: '对手甲', assessment: '关系稳定', actions: '每季度拜访一次' };

let archive: TestArchive;
const numbers: string[] = [];

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

type Row = { responsible_id: string; tally: string; bucket: string; since: string; n: number };

/** What the tallies must hold, counted from the rows themselves. */
function recount(s: Session): Row[] {
  return s.archive.db
    .prepare(
      `SELECT * FROM (
         SELECT responsible_id, 'contact:' || contact_class AS tally, met_until AS bucket, '' AS since, count(*) AS n FROM due_key_persons
         WHERE responsible_id IS NOT NULL AND contact_class IS NOT NULL AND met_until IS NOT NULL GROUP BY 1, 2, 3
         UNION ALL
         SELECT responsible_id, 'birthday', birthday_md, '', count(*) FROM due_key_persons
         WHERE responsible_id IS NOT NULL AND birthday_md IS NOT NULL GROUP BY 1, 3
         UNION ALL
         SELECT d.responsible_id, w.tally, d.lifecycle, s.since, count(DISTINCT d.id) FROM dossiers d JOIN (
           SELECT id AS dossier_id, 'customer' AS tally FROM dossiers
           UNION ALL SELECT dossier_id, 'regrade:' || quarter FROM grade_reviews
           UNION ALL SELECT dossier_id, 'survey:' || period FROM customer_surveys
           UNION ALL SELECT dossier_id, 'plan:' || year FROM maintenance_plans WHERE status = 'filed'
         ) w ON w.dossier_id = d.id
         -- Each customer under its day of filing and under '' (all days).
         JOIN (SELECT id, substr(filed_at, 1, 10) AS since FROM dossiers UNION ALL SELECT id, '' FROM dossiers) s ON s.id = d.id
         WHERE d.status = 'filed' AND d.responsible_id IS NOT NULL GROUP BY 1, 2, 3, 4
       ) ORDER BY 1, 2, 4, 3`,
    )
    .all() as Row[];
}

function kept(s: Session): Row[] {
  return s.archive.db.prepare('SELECT responsible_id, tally, bucket, since, n FROM due_tallies ORDER BY 1, 2, 4, 3').all() as Row[];
}

const expectKept = (s: Session) => expect(kept(s)).toEqual(recount(s));

const read = (s: Session, source: DueSource, limit?: number): DueItem[] => source({ archive: s.archive, actor: s.actor, now: s.archive.clock.now(), limit });

/** With a limit of one, what is shown and what the `more` item counts add up to the full list. */
function expectCountsExact(s: Session): void {
  for (const source of [contactDueSource, callbackDueSource, plansDue, regradesDue, surveysDue]) {
    const all = read(s, source);
    const capped = read(s, source, 1);
    const counted = capped.reduce((n, i) => n + (i.more ?? 1), 0);
    expect([source.name, counted]).toEqual([source.name, all.length]);
  }
}

beforeAll(async () => {
  archive = await makeDossierArchive();
  // Monday 2 March 2026 in Shanghai.
  archive.clock.set('2026-03-02T02:00:00Z');
  await as(PEOPLE.collector, async (c) => {
    for (let d = 0; d < 4; d++) {
      const dossier = completeDossier({ customerName: `无锡第${d + 1}精密有限公司` });
      dossier.keyPersons = Array.from({ length: 3 }, (_, i) => ({
        name: `联系人${d}-${i}`,
        contactClass: (['core', 'influencer', 'nonCore'] as const)[i],
        birthday: `1975-03-${String(5 + d * 3 + i).padStart(2, '0')}`,
      }));
      dossier.celebrations = [
        { date: `2019-03-${20 + d}`, kind: 'anniversary', title: '成立纪念日' },
        { date: `2026-03-${25 + d}`, kind: 'opening', title: '新厂开业' },
      ];
      const { number } = await createDossier(c, dossier);
      if (d < 3) await fileDossier(c, { number });
      numbers.push(number);
    }
  });
}, 600_000);
afterAll(() => archive.cleanup());

describe('the due list counts are kept by triggers on every write (issue 17 due_list_ms)', () => {
  it('after creating and filing dossiers with classified key persons and birthdays', () =>
    as(PEOPLE.manager, async (s) => {
      expect(kept(s).length).toBeGreaterThan(0);
      expectKept(s);
      expectCountsExact(s);
    }));

  it('after a contact record, a re-grading, a survey and a filed plan', () =>
    as(PEOPLE.manager, async (s) => {
      // The draft's collector writes its content (a filed dossier's is read only through a loan).
      await as(PEOPLE.collector, (c) =>
        updateDossier(c, { number: numbers[3], changes: { contactRecords: [{ person: '联系人3-0', date: '2026-03-02', topic: '电话回访' }] } }),
      );
      await recordRegrade(s, { number: numbers[0], value: 4, potential: 4, stability: 4, grade: 'A', note: '稳定' });
      await recordPeriodicSurvey(s, { number: numbers[1], changes: '采购总监更换' });
      await savePlan(s, { number: numbers[2], year: 2026, parts: PLAN, file: true });
      expectKept(s);
      expectCountsExact(s);
    }));

  it('after a handover, a lost customer, a plan back to draft and a removed key person', () =>
    as(PEOPLE.manager, async (s) => {
      const db = s.archive.db;
      const other = (db.prepare('SELECT id FROM people WHERE login = ?').get(PEOPLE.otherManager.login) as { id: string }).id;
      const idOf = (number: string) => (db.prepare('SELECT id FROM dossiers WHERE archive_number = ?').get(number) as { id: number }).id;
      // A second review of the same quarter (the grade history is append-only): counted once.
      db.prepare(
        'INSERT INTO grade_reviews (dossier_id, quarter, value_score, potential_score, stability_score, grade_before, grade_after, reviewed_at, reviewed_by) SELECT dossier_id, quarter, 3, 3, 3, grade_after, grade_after, reviewed_at, reviewed_by FROM grade_reviews',
      ).run();
      expectKept(s);
      db.prepare('UPDATE dossiers SET responsible_id = ? WHERE id = ?').run(other, idOf(numbers[0]!));
      expectKept(s);
      db.prepare("UPDATE dossiers SET lifecycle = 'lost' WHERE id = ?").run(idOf(numbers[1]!));
      expectKept(s);
      db.prepare("UPDATE maintenance_plans SET status = 'draft'").run();
      db.prepare('DELETE FROM due_key_persons WHERE name = ?').run('联系人2-1');
      expectKept(s);
      expectCountsExact(s);
    }));

  it('a week on: met periods end, and a save rewrites the key persons of its dossier', async () => {
    archive.clock.set('2026-03-10T02:00:00Z');
    await as(PEOPLE.collector, (c) =>
      updateDossier(c, { number: numbers[3], changes: { contactRecords: [{ person: '联系人3-1', date: '2026-03-10', topic: '拜访' }] } }),
    );
    await as(PEOPLE.manager, async (s) => {
      expectKept(s);
      expectCountsExact(s);
    });
  });

  it('a new quarter and half-year: the customers filed before the last one ended are counted, the boundary day exactly', async () => {
    // 00:00 on 1 July in Shanghai is 16:00 UTC the day before: a customer filed that afternoon (UTC)
    // belongs to the new half-year, one filed that morning to the old one.
    archive.clock.set('2026-06-30T10:00:00Z');
    await as(PEOPLE.collector, (c) => fileDossier(c, { number: numbers[3]! }));
    archive.clock.set('2026-06-30T17:00:00Z');
    await as(PEOPLE.collector, async (c) => {
      const { number } = await createDossier(c, completeDossier({ customerName: '常州新开精密有限公司' }));
      await fileDossier(c, { number });
    });
    archive.clock.set('2026-07-01T02:00:00Z');
    await as(PEOPLE.manager, async (s) => {
      expectKept(s);
      expectCountsExact(s);
    });
  });
});

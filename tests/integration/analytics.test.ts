/**
 * The information analyst (信息分析员, issue 18 point 2): aggregates only, never a personal field,
 * never a group below the archive's minimum size, and no singling out by differencing two queries.
 * Every query — allowed or refused — is journaled. Real encrypted archive; real SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_GROUP } from '../../src-main/contract/analytics';
import { runAnalytics } from '../../src-main/core/analytics/service';
import type { BulkDossier } from '../../src-main/core/dossiers/bulk';
import type { Session } from '../../src-main/core/session';
import { updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, PEOPLE, unlockAs } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';
import { ANALYST, makeBulkArchive } from '../helpers/bulk-archive';

let archive: TestArchive;
let names: string[] = [];

const monthsAgo = (n: number) => new Date(Date.parse('2026-01-05T09:00:00Z') - n * 30 * 86_400_000).toISOString();

function dossier(i: number, grade: 'A' | 'B' | 'C', industry: string, lifecycle: 'maintained' | 'lost', reviewedMonthsAgo: number): BulkDossier {
  const name = `分析测试客户${String(i).padStart(2, '0')}有限公司`;
  names.push(name);
  const base = completeDossier({ customerName: name, industry, phone: `021-0000-${String(i).padStart(4, '0')}` });
  return {
    content: { ...base, classification: { ...base.classification!, grade, lifecycle } },
    createdAt: monthsAgo(12),
    file: true,
    reviewedAt: monthsAgo(reviewedMonthsAgo),
  };
}

beforeAll(async () => {
  names = [];
  const items: BulkDossier[] = [];
  // 20 grade A electronics, reviewed a month ago; 9 grade B chemicals, reviewed six months ago;
  // and one grade C shipping customer, lost — the one an analyst must never single out.
  for (let i = 0; i < 20; i++) items.push(dossier(i, 'A', '电子制造', 'maintained', 1));
  for (let i = 20; i < 29; i++) items.push(dossier(i, 'B', '化工', 'maintained', 6));
  items.push(dossier(29, 'C', '航运', 'lost', 1));
  archive = (await makeBulkArchive([ANALYST], items)).archive;
}, 240_000);
afterAll(() => archive.cleanup());

const asAnalyst = <T>(body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, ANALYST, body);

describe('the analyst gets aggregates', () => {
  it('counts customers by grade, folding groups below the minimum size', () =>
    asAnalyst(async (s) => {
      const result = await runAnalytics(s, { measure: 'dossiers', dimension: 'grade' });
      expect(result.total).toBe(30);
      // C (1 customer) is below 5; folded alone it would still be below 5, so B joins it.
      expect(result.rows).toEqual([
        { key: 'A', count: 20 },
        { key: OTHER_GROUP, count: 10 },
      ]);
      expect(result.rows.every((r) => r.count >= result.minGroupSize)).toBe(true);
      const entry = lastEntries(s, 1)[0]!;
      expect(entry).toMatchObject({ event: 'analytics.query', outcome: 'ok', actorName: ANALYST.name, actorDuty: 'analyst' });
      expect(JSON.parse(entry.details)).toMatchObject({ measure: 'dossiers', dimension: 'grade', population: 30, folded: 2 });
    }));

  it('answers review compliance as a rate per group, and names no customer anywhere', () =>
    asAnalyst(async (s) => {
      const result = await runAnalytics(s, { measure: 'reviewCompliance', dimension: 'industry' });
      // The folded group comes last, with the weighted rate of what it holds (1 of 10 on time).
      expect(result.rows).toEqual([
        { key: '电子制造', count: 20, rate: 1 },
        { key: OTHER_GROUP, count: 10, rate: 0.1 },
      ]);
      const text = JSON.stringify(result);
      for (const name of names) expect(text).not.toContain(name);
      expect(text).not.toContain('021-0000');
    }));

  it('filters by an aggregate field when the group is large enough', () =>
    asAnalyst(async (s) => {
      const result = await runAnalytics(s, { measure: 'dossiers', dimension: 'lifecycle', filters: { industry: '电子制造' } });
      expect(result).toMatchObject({ total: 20, rows: [{ key: 'maintained', count: 20 }] });
    }));
});

describe('the analyst is refused personal fields and small groups, and every refusal is journaled', () => {
  it('grouping by a customer’s name is refused (denied.personalField)', () =>
    asAnalyst(async (s) => {
      await expectCode(runAnalytics(s, { measure: 'dossiers', dimension: 'customerName' }), 'denied.personalField');
      const entry = lastEntries(s, 1)[0]!;
      expect(entry).toMatchObject({ event: 'analytics.query', outcome: 'denied', reason: 'denied.personalField' });
      expect(JSON.parse(entry.details)).toMatchObject({ dimension: 'customerName' });
    }));

  it('filtering by a phone or a key person is refused too', () =>
    asAnalyst(async (s) => {
      await expectCode(runAnalytics(s, { measure: 'dossiers', dimension: 'grade', filters: { phone: '021-0000-0029' } }), 'denied.personalField');
      await expectCode(runAnalytics(s, { measure: 'dossiers', dimension: 'keyPersons', filters: {} }), 'denied.personalField');
      expect(lastEntries(s, 2).map((e) => e.reason)).toEqual(['denied.personalField', 'denied.personalField']);
    }));

  it('singling out one customer through filters is refused (denied.groupTooSmall)', () =>
    asAnalyst(async (s) => {
      await expectCode(runAnalytics(s, { measure: 'dossiers', dimension: 'lifecycle', filters: { industry: '航运' } }), 'denied.groupTooSmall');
      await expectCode(runAnalytics(s, { measure: 'dossiers', dimension: 'grade', filters: { grade: 'C' } }), 'denied.groupTooSmall');
      const entries = lastEntries(s, 2);
      expect(entries.map((e) => [e.outcome, e.reason])).toEqual([
        ['denied', 'denied.groupTooSmall'],
        ['denied', 'denied.groupTooSmall'],
      ]);
      expect(JSON.parse(entries[0]!.details)).toMatchObject({ filters: { industry: '航运' } });
    }));

  it('singling out by differencing two queries is refused: the second would differ by one customer', () =>
    asAnalyst(async (s) => {
      // Allowed: every filed customer (30).
      const all = await runAnalytics(s, { measure: 'dossiers', dimension: 'grade', filters: { status: 'filed' } });
      expect(all.total).toBe(30);
      // Refused: filed and maintained (29) — subtracting it from the first would reveal the one lost customer.
      await expectCode(
        runAnalytics(s, { measure: 'dossiers', dimension: 'grade', filters: { status: 'filed', lifecycle: 'maintained' } }),
        'denied.groupTooSmall',
      );
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'analytics.query', outcome: 'denied', reason: 'denied.groupTooSmall' });
    }));

  it('someone without the analyst duty is refused (denied.notAnalyst)', async () => {
    const custodian = await unlockAs(archive, PEOPLE.custodianC);
    try {
      await expectCode(runAnalytics(custodian, { measure: 'dossiers', dimension: 'grade' }), 'denied.notAnalyst');
      expect(lastEntries(custodian, 1)[0]).toMatchObject({ event: 'analytics.query', outcome: 'denied', reason: 'denied.notAnalyst' });
    } finally {
      await custodian.lock();
    }
  });

  it('the minimum size is the policy’s setting: raised, a group that was shown is folded', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await updateSettings(admin, { analystMinGroupSize: 21 });
    } finally {
      await admin.lock();
    }
    await asAnalyst(async (s) => {
      const result = await runAnalytics(s, { measure: 'dossiers', dimension: 'grade' });
      expect(result.rows).toEqual([{ key: OTHER_GROUP, count: 30 }]);
    });
    const again = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await updateSettings(again, { analystMinGroupSize: 5 });
    } finally {
      await again.lock();
    }
  });
});

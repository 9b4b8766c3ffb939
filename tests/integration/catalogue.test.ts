/**
 * Catalogue search (一览表) on Chinese text, its filters and paging, and the quarterly review
 * cadence (三个月增补或调整一次).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReviewsDue, searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { createDossier, fileDossier, reviewDossier } from '../../src-main/core/dossiers/service';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
let collector: Session;
const numbers: Record<string, string> = {};
beforeAll(async () => {
  archive = await makeDossierArchive();
  collector = await unlockAs(archive, PEOPLE.collector);
  for (const [name, industry, file] of [
    ['北京京东方光电科技有限公司', '显示面板', true],
    ['深圳腾讯计算机系统有限公司', '互联网', true],
    ['广州光明乳业股份有限公司', '食品', false],
  ] as const) {
    const d = await createDossier(collector, completeDossier({ customerName: name, industry }));
    if (file) await fileDossier(collector, { number: d.number });
    numbers[name.slice(2, 4)] = d.number;
  }
});
afterAll(async () => {
  await collector.lock();
  archive.cleanup();
});

describe('catalogue search', () => {
  it('finds a dossier from a two-character Chinese fragment of its customer name', async () => {
    const page = await searchCatalogue(collector, { text: '腾讯' });
    expect(page.rows.map((r) => r.number)).toEqual([numbers['腾讯']]);
    expect(page.total).toBe(1);
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'catalogue.search', outcome: 'ok', actorDuty: 'collector' });
    // Two characters across a word boundary of the name, and a fragment shared by two names.
    expect((await searchCatalogue(collector, { text: '京东' })).rows.map((r) => r.number)).toEqual([numbers['京东']]);
    expect((await searchCatalogue(collector, { text: '光明' })).total).toBe(1);
    expect((await searchCatalogue(collector, { text: '有限' })).total).toBe(3);
  });

  it('finds by three or more characters, archive number and industry, terms combined', async () => {
    expect((await searchCatalogue(collector, { text: '光电科技' })).rows.map((r) => r.number)).toEqual([numbers['京东']]);
    expect((await searchCatalogue(collector, { text: numbers['光明']!.slice(-5) })).rows.map((r) => r.number)).toEqual([numbers['光明']]);
    expect((await searchCatalogue(collector, { text: '互联网' })).total).toBe(1);
    expect((await searchCatalogue(collector, { text: '有限 食品' })).rows.map((r) => r.number)).toEqual([numbers['光明']]);
  });

  it('refuses a one-character term with a message in both languages, journaled', async () => {
    await expectCode(searchCatalogue(collector, { text: '光' }), 'catalogue.queryTooShort');
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'catalogue.search', outcome: 'error', reason: 'catalogue.queryTooShort' });
  });

  it('filters by grade, secrecy, status and holding department, and pages with a total', async () => {
    expect((await searchCatalogue(collector, { status: 'draft' })).rows.map((r) => r.number)).toEqual([numbers['光明']]);
    expect((await searchCatalogue(collector, { holdingDepartment: 'sales' })).total).toBe(2);
    expect((await searchCatalogue(collector, { grade: ['B', 'C'] })).total).toBe(0);
    expect((await searchCatalogue(collector, { secrecy: ['secret'], grade: ['A'] })).total).toBe(3);
    const first = await searchCatalogue(collector, { limit: 2 });
    const second = await searchCatalogue(collector, { limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect(first.rows).toHaveLength(2);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.number)).size).toBe(3);
  });
});

describe('review cadence', () => {
  it('a filed dossier is overdue three months after its last review; "reviewed, no change" is journaled and restarts the clock; a collector lists the reviews of the customers assigned to them', async () => {
    const deptManager = await unlockAs(archive, PEOPLE.deptManager);
    try {
      expect((await listReviewsDue(deptManager, {})).rows).toEqual([]);
      archive.clock.advance(80 * 86_400_000);
      const soon = await listReviewsDue(deptManager, {});
      expect(soon.rows).toHaveLength(2);
      expect(soon.overdue).toBe(0);
      archive.clock.advance(15 * 86_400_000);
      const late = await listReviewsDue(deptManager, {});
      expect(late.overdue).toBe(2);
      expect((await searchCatalogue(deptManager, { review: 'overdue' })).total).toBe(2);

      const reviewed = await reviewDossier(deptManager, { number: numbers['腾讯'] });
      expect(reviewed.reviewedAt).toBe(archive.clock.now().toISOString());
      const [entry] = lastEntries(deptManager);
      expect(entry).toMatchObject({ event: 'dossier.review', outcome: 'ok', objectId: numbers['腾讯'] });
      expect(JSON.parse(entry!.details)).toMatchObject({ result: 'no-change', revision: 1 });
      expect((await listReviewsDue(deptManager, {})).rows.map((r) => r.number)).toEqual([numbers['京东']]);
      // A draft has no review cadence yet.
      await expectCode(reviewDossier(deptManager, { number: numbers['光明'] }), 'dossier.notFiled');
      // A collector's own list: the customers assigned to them, though another department holds them.
      expect((await listReviewsDue(collector, {})).rows).toEqual([]);
      const assigned = await listReviewsDue(collector, { assigned: true });
      expect(assigned.rows.map((r) => r.number)).toEqual([numbers['京东']]);
      expect(JSON.parse(lastEntries(collector)[0]!.details)).toMatchObject({ assigned: true, due: 1, overdue: 1 });
      const other = await unlockAs(archive, PEOPLE.otherCollector);
      try {
        expect((await listReviewsDue(other, { assigned: true })).rows).toEqual([]);
      } finally {
        await other.lock();
      }
    } finally {
      await deptManager.lock();
    }
    // A manager of another department may not mark it reviewed.
    const staff = await unlockAs(archive, PEOPLE.otherManager);
    try {
      await expectCode(reviewDossier(staff, { number: numbers['京东'] }), 'denied.notWriter');
    } finally {
      await staff.lock();
    }
  });
});

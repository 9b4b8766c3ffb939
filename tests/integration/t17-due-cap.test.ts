/**
 * The due list stays short for a person responsible for thousands of customers (issue 17
 * `due_list_ms`): each kind shows its most urgent items and one `more` item counts the rest, read
 * from the sources with a small limit against a real encrypted archive on the test clock. The
 * count must be the count the source would list without the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src-main/contract/due';
import { callbackDueSource } from '../../src-main/core/due/callback-source';
import { contactDueSource } from '../../src-main/core/due/contact-source';
import { capPerKind } from '../../src-main/core/due/more';
import { listDue } from '../../src-main/core/due/service';
import type { DueSource } from '../../src-main/core/due/sources';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { regradesDue } from '../../src-main/core/relations/due';
import { plansDue } from '../../src-main/core/plans/due';
import type { Session } from '../../src-main/core/session';
import type { TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeDossierArchive();
  // Monday 5 January 2026 in Shanghai: 核心大客户主要负责人每周沟通1-2次, 生日或寿辰的前10天.
  archive.clock.set('2026-01-05T02:00:00Z');
  const manager = await unlockAs(archive, PEOPLE.manager);
  try {
    for (let d = 0; d < 3; d++) {
      const dossier = completeDossier({ customerName: `苏州第${d + 1}电子有限公司` });
      dossier.keyPersons = Array.from({ length: 4 }, (_, i) => ({
        name: `联系人${d}-${i}`,
        contactClass: 'core' as const,
        birthday: `1980-01-${String(10 + d * 4 + i).padStart(2, '0')}`,
      }));
      await createDossier(manager, dossier);
    }
  } finally {
    await manager.lock();
  }
  const collector = await unlockAs(archive, PEOPLE.collector);
  try {
    for (let d = 0; d < 3; d++) {
      const { number } = await createDossier(collector, completeDossier({ customerName: `杭州第${d + 1}机械有限公司` }));
      await fileDossier(collector, { number });
    }
  } finally {
    await collector.lock();
  }
}, 600_000);
afterAll(() => archive.cleanup());

async function asManager<T>(fn: (s: Session) => Promise<T>): Promise<T> {
  const s = await unlockAs(archive, PEOPLE.manager);
  try {
    return await fn(s);
  } finally {
    await s.lock();
  }
}

const read = (s: Session, source: DueSource, limit?: number): DueItem[] => source({ archive: s.archive, actor: s.actor, now: s.archive.clock.now(), limit });

describe('the due list shows the most urgent of each kind and counts the rest', () => {
  it.each([
    ['contact', contactDueSource, 12],
    ['callback', callbackDueSource, 12],
    ['plan', plansDue, 3],
    ['regrade', regradesDue, 3],
  ] as const)('%s: with a limit, the first items in due order and one item counting the rest', (kind, source, expected) =>
    asManager(async (s) => {
      const all = read(s, source).filter((i) => i.kind === kind);
      expect(all).toHaveLength(expected);
      const capped = read(s, source, 2);
      const shown = capped.filter((i) => i.more === undefined);
      const more = capped.filter((i) => i.more !== undefined);
      // Two of the full list, none due later than one left out (equally urgent ones may be either),
      // then the count of what is left.
      const keys = new Set(shown.map((i) => i.key));
      expect(shown).toHaveLength(2);
      expect(shown.every((i) => all.some((a) => a.key === i.key))).toBe(true);
      const left = all.filter((a) => !keys.has(a.key));
      expect(shown.every((i) => left.every((l) => i.dueAt <= l.dueAt))).toBe(true);
      expect(more).toEqual([expect.objectContaining({ kind, key: `more:${kind}`, more: expected - 2, dossierId: null, subject: null })]);
    }),
  );

  it('the callbacks read in due order: the first birthdays are the ones shown', () =>
    asManager(async (s) => {
      const capped = read(s, callbackDueSource, 3).filter((i) => i.more === undefined);
      expect(capped.map((i) => i.key.split(':').at(-1))).toEqual(['2026-01-10', '2026-01-11', '2026-01-12']);
    }));

  it('listDue caps every kind and journals the full counts', () =>
    asManager(async (s) => {
      const items = await listDue(s, {});
      // Fewer than the limit of each kind: nothing stands for more.
      expect(items.filter((i) => i.more !== undefined)).toEqual([]);
      expect(items.filter((i) => i.kind === 'contact')).toHaveLength(12);
    }));

  it('capPerKind adds the overflow of a source that did not cap to the count of one that did', () => {
    const item = (kind: DueItem['kind'], n: number, more?: number): DueItem => ({
      kind,
      key: more === undefined ? `${kind}:${n}` : `more:${kind}`,
      dossierId: null,
      dossierNumber: null,
      customerName: null,
      subject: null,
      dueAt: `2026-01-${String(10 + n).padStart(2, '0')}T00:00:00.000Z`,
      overdue: false,
      ...(more === undefined ? {} : { more }),
    });
    const list = capPerKind([item('review', 3), item('review', 1), item('review', 2), item('lead', 1), item('lead', 5, 40)], 2);
    expect(list.map((i) => [i.key, i.more])).toEqual([
      ['lead:1', undefined],
      ['review:1', undefined],
      ['review:2', undefined],
      ['more:review', 1],
      ['more:lead', 40],
    ]);
  });
});

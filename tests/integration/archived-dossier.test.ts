/**
 * An archived dossier (retention's "archive" decision, issue 16 point 1): read-only — a save or a
 * review is refused by the policy (`denied.dossierArchived`), journaled, and changes nothing — and
 * out of the working lists (the catalogue's default view, a text search, the review due list), yet
 * findable when asked for (`archived: 'include' | 'only'`) by those who may search the catalogue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listReviewsDue, searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { createDossier, fileDossier, reviewDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { decideRetention } from '../../src-main/core/records/retention';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
});
afterEach(() => archive.cleanup());

describe('an archived dossier', () => {
  it('is read-only and out of the working lists, but findable when asked for', async () => {
    const collector = await unlockAs(archive, PEOPLE.collector);
    const head = await unlockAs(archive, PEOPLE.deptManager);
    try {
      const numbers: string[] = [];
      for (const name of ['上海华为电子科技有限公司', '上海华为终端有限公司']) {
        const d = await createDossier(collector, {
          ...completeDossier({ customerName: name }),
          classification: { grade: 'A', secrecy: 'secret', lifecycle: 'maintained', responsibleManager: PEOPLE.manager.login },
        });
        await fileDossier(collector, { number: d.number });
        numbers.push(d.number);
      }
      const [shelved, working] = numbers as [string, string];
      archive.clock.advance(3.1 * 365.25 * 86_400_000);
      await decideRetention(head, { number: shelved, decision: 'archive' });

      const seen = async (query: Record<string, unknown>) => (await searchCatalogue(head, query)).rows.map((r) => r.number).sort();
      expect(await seen({})).toEqual([working]);
      expect(await seen({ text: '上海华为' })).toEqual([working]);
      expect(await seen({ status: 'filed' })).toEqual([working]);
      expect(await seen({ archived: 'include' })).toEqual([...numbers].sort());
      expect(await seen({ text: '上海华为', archived: 'only' })).toEqual([shelved]);
      expect((await searchCatalogue(head, { archived: 'only' })).total).toBe(1);

      const due = await listReviewsDue(head, {});
      expect(due.rows.map((r) => r.number)).toEqual([working]);

      const before = collector.archive.db.prepare('SELECT revision, updated_at FROM dossiers WHERE archive_number = ?').get(shelved);
      await expectCode(updateDossier(collector, { number: shelved, changes: { basic: { phone: '021-0000-0000' } } }), 'denied.dossierArchived');
      expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.update', outcome: 'denied', reason: 'denied.dossierArchived', objectId: shelved });
      await expectCode(reviewDossier(head, { number: shelved }), 'denied.dossierArchived');
      expect(collector.archive.db.prepare('SELECT revision, updated_at FROM dossiers WHERE archive_number = ?').get(shelved)).toEqual(before);
      // The working one is untouched by all this.
      await updateDossier(collector, { number: working, changes: { basic: { phone: '021-0000-0000' } } });
    } finally {
      await collector.lock();
      await head.lock();
    }
  });
});

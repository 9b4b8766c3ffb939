/**
 * The incident timeline reads the journal through the object index (issue 16, point 6): it finds
 * the dossier's, the copy's and the cards' entries in every stretch of the chain (more than one
 * 4096-entry stretch here), and SQLite's plan for it searches the index instead of scanning the
 * journal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { recordIncidentByHand } from '../../src-main/core/records/incidents';
import { timelineSql } from '../../src-main/core/records/timeline';
import type { TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
});
afterEach(() => archive.cleanup());

describe('incident timeline', () => {
  it('finds the entries about the dossier in every stretch of the journal, through the index', async () => {
    const collector = await unlockAs(archive, PEOPLE.collector);
    let number: string;
    try {
      number = (await createDossier(collector, completeDossier())).number;
      await fileDossier(collector, { number });
      // 9000 unrelated entries with one about the dossier every 1000: three stretches and more.
      const journal = collector.archive.journal;
      const actor = { id: collector.actor.id, name: collector.actor.name, duty: null };
      collector.archive.db.transaction(() => {
        for (let i = 1; i <= 9000; i++) {
          const about = i % 1000 === 0;
          journal.append({
            actor,
            event: about ? 'dossier.open' : 'catalogue.search',
            object: about ? { type: 'dossier', id: number } : { type: 'dossier', id: 'X-0' },
            outcome: 'ok',
            reason: null,
            details: { i },
          });
        }
      })();
    } finally {
      await collector.lock();
    }
    const custodian = await unlockAs(archive, PEOPLE.custodianS);
    try {
      const detail = await recordIncidentByHand(custodian, { kind: 'leak', copyNumber: `${number}-S`, login: PEOPLE.manager.login, description: '外传' });
      const events = detail.timeline.map((e) => e.event);
      expect(events.filter((e) => e === 'dossier.open')).toHaveLength(9);
      expect(events).toEqual(expect.arrayContaining(['dossier.create', 'dossier.file']));
      expect(detail.timeline.every((e) => e.object === `dossier:${number}` || e.object === `copy:${number}-S`)).toBe(true);
      const seqs = detail.timeline.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(Math.max(...seqs)).toBeGreaterThan(2 * 4096);

      const plan = (
        custodian.archive.db.prepare(`EXPLAIN QUERY PLAN ${timelineSql(2)}`).all(10, 'dossier', number, 'copy', `${number}-S`) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/journal_by_object/);
      expect(plan).not.toMatch(/SCAN j\b(?! USING)/);
    } finally {
      await custodian.lock();
    }
  });
});

/**
 * Celebration callbacks (seed 004 回访客户: 庆典活动的前30天) are keyed by the celebration's own id,
 * not its place in the list: a contact record that answered the second celebration's callback
 * still answers it after the first celebration is deleted. Migration 280 gives stored
 * celebrations their ids and moves answers keyed by place onto them. Real encrypted archive, test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierContent } from '../../src-main/contract/dossiers';
import { updateToSchemaVersion280 } from '../../src-main/core/db/migrations/0280-celebration-ids';
import { createDossier, openDossier, updateDossier } from '../../src-main/core/dossiers/service';
import type { Session } from '../../src-main/core/session';
import type { TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { collectDue } from '../helpers/relations';

const OPENING = { date: '2026-02-01', kind: 'opening' as const, title: '新厂开业' };
const RELOCATION = { date: '2026-02-10', kind: 'relocation' as const, title: '总部乔迁' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeDossierArchive();
  archive.clock.set('2026-01-05T09:00:00Z');
}, 300_000);
afterAll(() => archive.cleanup());

async function asManager<T>(fn: (s: Session) => Promise<T>): Promise<T> {
  const s = await unlockAs(archive, PEOPLE.manager);
  try {
    return await fn(s);
  } finally {
    await s.lock();
  }
}

const callbacks = (s: Session, number: string) => collectDue(s).filter((i) => i.kind === 'callback' && i.dossierNumber === number);
const storedContent = (s: Session, number: string) =>
  JSON.parse(
    (
      s.archive.db.prepare('SELECT c.content FROM dossier_content c JOIN dossiers d ON d.id = c.dossier_id WHERE d.archive_number = ?').get(number) as {
        content: string;
      }
    ).content,
  ) as DossierContent;

describe('celebration callbacks keyed by the celebration, not its place (seed 004 回访客户)', () => {
  it('deleting the first celebration leaves the second’s answered callback answered', () =>
    asManager(async (s) => {
      const dossier = completeDossier();
      dossier.celebrations = [OPENING, RELOCATION];
      const { number } = await createDossier(s, dossier);
      const ids = storedContent(s, number).celebrations!.map((c) => c.id);
      expect(ids).toHaveLength(2);
      expect(ids.every((id) => /^[0-9a-f]{8}$/.test(id!))).toBe(true);
      expect(new Set(ids).size).toBe(2);

      const due = callbacks(s, number);
      expect(due.map((i) => i.subject)).toEqual(['新厂开业', '总部乔迁']);
      const second = due.find((i) => i.subject === '总部乔迁')!;
      expect(second.key).toBe(`celebration:${number}:${ids[1]}:2026-02-10`);
      await updateDossier(s, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-05', topic: '乔迁祝贺', answers: second.key }] } });
      expect(callbacks(s, number).map((i) => i.subject)).toEqual(['新厂开业']);

      // The form resends the list without the first entry (and without ids, as an older client would).
      await updateDossier(s, { number, changes: { celebrations: [RELOCATION] } });
      expect(storedContent(s, number).celebrations).toEqual([{ ...RELOCATION, id: ids[1] }]);
      expect(callbacks(s, number)).toEqual([]);

      // A new entry above it gets a new id; the answered one stays answered.
      await updateDossier(s, { number, changes: { celebrations: [OPENING, { ...RELOCATION, id: ids[1]! }] } });
      const after = storedContent(s, number).celebrations!;
      expect(after[1]!.id).toBe(ids[1]);
      expect(after[0]!.id).not.toBe(ids[1]);
      expect(callbacks(s, number).map((i) => i.subject)).toEqual(['新厂开业']);
      // The dossier reads back with the ids (the form carries them through an edit).
      expect((await openDossier(s, { number })).content.celebrations?.map((c) => c.id)).toEqual(after.map((c) => c.id));
    }));

  it('migration 280 gives stored celebrations ids and moves answers keyed by place onto them', () =>
    asManager(async (s) => {
      const dossier = completeDossier({ customerName: '苏州旧数据有限公司' });
      dossier.celebrations = [OPENING, RELOCATION];
      const { number } = await createDossier(s, dossier);
      const db = s.archive.db;
      // The archive as the landed main left it: no ids, the second callback answered by its place.
      const legacy = storedContent(s, number);
      legacy.celebrations = [OPENING, RELOCATION];
      legacy.contactRecords = [{ date: '2026-01-05', answers: `celebration:${number}:2:2026-02-10` }];
      db.prepare('UPDATE dossier_content SET content = ? WHERE dossier_id = (SELECT id FROM dossiers WHERE archive_number = ?)').run(
        JSON.stringify(legacy),
        number,
      );
      db.exec('ALTER TABLE due_celebrations DROP COLUMN celebration_id');
      db.transaction(() => updateToSchemaVersion280.up(db))();

      const migrated = storedContent(s, number);
      const ids = migrated.celebrations!.map((c) => c.id!);
      expect(ids.every((id) => /^[0-9a-f]{8}$/.test(id))).toBe(true);
      expect(migrated.contactRecords).toEqual([{ date: '2026-01-05', answers: `celebration:${number}:${ids[1]}:2026-02-10` }]);
      expect(callbacks(s, number).map((i) => i.subject)).toEqual(['新厂开业']);
      await updateDossier(s, { number, changes: { celebrations: [RELOCATION] } });
      expect(callbacks(s, number)).toEqual([]);
    }));
});

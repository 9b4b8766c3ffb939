import type { DossierContent } from '../../../contract/dossiers';
import { withCelebrationIds } from '../../dossiers/celebration-ids';
import { cadenceRulesOf, refreshRelationships } from '../../due/relationships';
import { canonicalJson } from '../../journal/entry';
import type { Migration } from '../migrate';

/**
 * Issue 17 point 2: a celebration callback was keyed by the celebration's place in the list, so
 * removing an entry above it made an answered callback due again (or answered the wrong one).
 * Every stored celebration gets its id, and each contact record answering a callback by place now
 * names that id; the due tables are rewritten from the content as on a save.
 */
export const updateToSchemaVersion280: Migration = {
  version: 280,
  name: 'celebration ids',
  up(db) {
    db.exec('ALTER TABLE due_celebrations ADD COLUMN celebration_id TEXT');
    const rows = db
      .prepare(
        `SELECT d.id, d.archive_number, d.responsible_id, d.updated_at, c.content FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id
         WHERE json_array_length(c.content, '$.celebrations') > 0`,
      )
      .all() as { id: number; archive_number: string; responsible_id: string | null; updated_at: string; content: string }[];
    const write = db.prepare('UPDATE dossier_content SET content = ? WHERE dossier_id = ?');
    const rules = cadenceRulesOf(db);
    for (const r of rows) {
      const content = JSON.parse(r.content) as DossierContent;
      const celebrations = withCelebrationIds(undefined, content.celebrations)!;
      const byPlace = /^celebration:([^:]+):(\d+):(.+)$/;
      const contactRecords = content.contactRecords?.map((c) => {
        const m = c.answers ? byPlace.exec(c.answers) : null;
        const id = m && m[1] === r.archive_number ? celebrations[Number(m[2]) - 1]?.id : undefined;
        return id ? { ...c, answers: `celebration:${m![1]}:${id}:${m![3]}` } : c;
      });
      const next: DossierContent = { ...content, celebrations, ...(contactRecords ? { contactRecords } : {}) };
      write.run(canonicalJson(next), r.id);
      refreshRelationships(db, { dossierId: r.id, responsibleId: r.responsible_id, content: next, at: r.updated_at }, rules);
    }
  },
};

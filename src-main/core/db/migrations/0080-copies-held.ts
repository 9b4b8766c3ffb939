import type { Migration } from '../migrate';

export const updateToSchemaVersion80: Migration = {
  version: 80,
  name: 'departments holding each dossier',
  up(db) {
    // The catalogue filter "held by department X" joined every candidate row to its copies.
    // The departments holding a live copy
    // (in custody or on loan) are kept on the dossier row by trigger, as ' code code ', and sit in
    // the review index, so "overdue reviews of the copies my department holds" reads one index.
    db.exec(`
      ALTER TABLE dossiers ADD COLUMN held_by TEXT NOT NULL DEFAULT '';

      CREATE TRIGGER dossier_copies_held_insert AFTER INSERT ON dossier_copies
      BEGIN
        UPDATE dossiers SET held_by = coalesce((SELECT ' ' || group_concat(department, ' ') || ' ' FROM
          (SELECT department FROM dossier_copies WHERE dossier_id = NEW.dossier_id AND state IN ('in-custody', 'on-loan') ORDER BY department)), '')
        WHERE id = NEW.dossier_id;
      END;
      CREATE TRIGGER dossier_copies_held_update AFTER UPDATE OF state, department ON dossier_copies
      BEGIN
        UPDATE dossiers SET held_by = coalesce((SELECT ' ' || group_concat(department, ' ') || ' ' FROM
          (SELECT department FROM dossier_copies WHERE dossier_id = NEW.dossier_id AND state IN ('in-custody', 'on-loan') ORDER BY department)), '')
        WHERE id = NEW.dossier_id;
      END;

      UPDATE dossiers SET held_by = coalesce((SELECT ' ' || group_concat(department, ' ') || ' ' FROM
        (SELECT department FROM dossier_copies c WHERE c.dossier_id = dossiers.id AND c.state IN ('in-custody', 'on-loan') ORDER BY department)), '');

      DROP INDEX dossiers_by_review;
      CREATE INDEX dossiers_by_review ON dossiers (status, last_reviewed_at, held_by);
    `);
  },
};

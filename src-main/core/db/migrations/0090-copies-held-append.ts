import type { Migration } from '../migrate';

export const updateToSchemaVersion90: Migration = {
  version: 90,
  name: 'cheaper held_by on new copies',
  up(db) {
    // 0080 recomputed held_by from all of a dossier's copies on every new copy: a third of a bulk
    // batch's time. A new copy only ever adds its department, and a batch that writes held_by with
    // the dossier row makes the trigger skip altogether. Changes of state still recompute (0080).
    db.exec(`
      DROP TRIGGER dossier_copies_held_insert;
      CREATE TRIGGER dossier_copies_held_insert AFTER INSERT ON dossier_copies
      WHEN NEW.state IN ('in-custody', 'on-loan')
        AND instr((SELECT held_by FROM dossiers WHERE id = NEW.dossier_id), ' ' || NEW.department || ' ') = 0
      BEGIN
        UPDATE dossiers SET held_by = CASE held_by WHEN '' THEN ' ' ELSE held_by END || NEW.department || ' '
        WHERE id = NEW.dossier_id;
      END;
    `);
  },
};

import type { Migration } from '../migrate';

export const updateToSchemaVersion70: Migration = {
  version: 70,
  name: 'dossier content apart from the catalogue',
  up(db) {
    // The catalogue walks dossier rows by the thousand (counts, filters, deep pages); with the
    // content inline each row spanned pages and every probe decrypted them. The content moves to
    // its own table, read only when a dossier is opened or saved (tests/bench/dossiers.bench.ts).
    db.exec(`
      CREATE TABLE dossier_content (
        dossier_id INTEGER PRIMARY KEY REFERENCES dossiers (id),
        content    TEXT NOT NULL
      ) STRICT;
      INSERT INTO dossier_content (dossier_id, content) SELECT id, content FROM dossiers;
      ALTER TABLE dossiers DROP COLUMN content;
    `);
  },
};

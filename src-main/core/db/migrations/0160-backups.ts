import type { Migration } from '../migrate';

/**
 * Backups taken of this archive (issue 16, point 5): when, by whom, the journal head inside the
 * snapshot and the manifest's hash, so the administrator's dashboard can show the last backup's age.
 * The row is written after the snapshot, so a backup never lists itself; a restored archive lists
 * the backups taken before its snapshot.
 */
export const updateToSchemaVersion160: Migration = {
  version: 160,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        by_person TEXT NOT NULL REFERENCES people (id),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        journal_seq INTEGER NOT NULL CHECK (journal_seq >= 0),
        manifest_sha256 TEXT NOT NULL
      ) STRICT;
    `);
  },
};

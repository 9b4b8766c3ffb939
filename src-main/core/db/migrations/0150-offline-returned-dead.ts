import type { Migration } from '../migrate';

/**
 * Returned packages are dead (issue 15).
 *
 * identity_hash: what identifies the issued file once its key has been destroyed in it (the
 *   signature no longer holds then): SHA-256 over the header without the wrapped key and the
 *   payload's hash (core/offline/package-file.ts `identityHash`). NULL for packages issued before.
 * offline_log_lines: the MAC of every reading-log line already brought into the journal, so a
 *   log coming back a second time (a copy taken before the return, or the original after a copy)
 *   imports only the lines never seen, and flags them, instead of being refused and dropped.
 */
export const updateToSchemaVersion150: Migration = {
  version: 150,
  name: 'offline-returned-dead',
  up(db) {
    db.exec(`
      ALTER TABLE offline_packages ADD COLUMN identity_hash TEXT;
      CREATE TABLE offline_log_lines (
        package_id  TEXT NOT NULL REFERENCES offline_packages (id),
        mac         TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        flag        TEXT CHECK (flag IN ('afterReturn', 'late')),
        PRIMARY KEY (package_id, mac)
      ) STRICT;
    `);
  },
};

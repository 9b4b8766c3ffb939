import type { Migration } from '../migrate';

export const updateToSchemaVersion190: Migration = {
  version: 190,
  name: 'write requests applied through the archive server',
  up(db) {
    // A workstation retries a write whose answer it never got (lost connection, server killed).
    // The request key is recorded in the same transaction as the change and its journal entry,
    // so after any crash the server knows whether the write happened and applies it at most once.
    db.exec(`
      CREATE TABLE remote_requests (
        request_key TEXT PRIMARY KEY,
        actor_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        result TEXT
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

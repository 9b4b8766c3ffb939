import type { Migration } from '../migrate';

/**
 * Departure handover (离职交接, issue 16 point 6): started by the leaver's department manager, with
 * the successor for dossiers and for collector assignments and the checklist of everything handed
 * over; co-signed by the successor and a custodian (or the key-account manager); the account is
 * disabled when both have signed.
 */
export const updateToSchemaVersion185: Migration = {
  version: 185,
  name: 'handovers',
  up(db) {
    db.exec(`
      CREATE TABLE handovers (
        id                     INTEGER PRIMARY KEY,
        leaver_id              TEXT NOT NULL REFERENCES people (id),
        started_by             TEXT NOT NULL REFERENCES people (id),
        started_at             TEXT NOT NULL,
        successor_id           TEXT NOT NULL REFERENCES people (id),
        collector_successor_id TEXT REFERENCES people (id),
        checklist              TEXT NOT NULL,
        successor_signed_at    TEXT,
        witness_id             TEXT REFERENCES people (id),
        witness_signed_at      TEXT,
        completed_at           TEXT
      ) STRICT;
      CREATE UNIQUE INDEX handovers_open ON handovers (leaver_id) WHERE completed_at IS NULL;
    `);
  },
};

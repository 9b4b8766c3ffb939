import type { Migration } from '../migrate';

/**
 * Password resets that need a second person (issue 11, point 5). An administrator requests; a
 * department manager, the general manager or (for an auditor) another auditor approves and gets
 * the one-time code; the owner uses it once to set their own password. `slot_id` is the slot
 * sealed under the code: while a person's slot is an approved, unused reset's slot, unlocking
 * with it only lets them set a new password.
 */
export const updateToSchemaVersion130: Migration = {
  version: 130,
  name: 'password-resets',
  up(db) {
    db.exec(`
      CREATE TABLE password_resets (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'used', 'cancelled')),
        requested_by TEXT NOT NULL REFERENCES people(id),
        requested_at TEXT NOT NULL,
        approved_by TEXT REFERENCES people(id),
        approved_at TEXT,
        slot_id TEXT,
        used_at TEXT
      ) STRICT;
      CREATE INDEX password_resets_by_person ON password_resets (person_id, state);
      CREATE INDEX password_resets_by_slot ON password_resets (slot_id);
    `);
  },
};

import type { Migration } from '../migrate';

export const updateToSchemaVersion20: Migration = {
  version: 20,
  name: 'journal',
  up(db) {
    db.exec(`
      -- Audit trail and access log in one hash-chained sequence (domain.md, Journal).
      CREATE TABLE journal (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        tz_offset   INTEGER NOT NULL,
        actor_id    TEXT,
        actor_name  TEXT,
        actor_duty  TEXT,
        workstation TEXT NOT NULL,
        event       TEXT NOT NULL,
        object_type TEXT,
        object_id   TEXT,
        outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
        reason      TEXT,
        details     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

      CREATE TABLE journal_checkpoints (
        seq             INTEGER PRIMARY KEY,
        head_hash       TEXT NOT NULL,
        at              TEXT NOT NULL,
        signature       TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER checkpoint_no_update BEFORE UPDATE ON journal_checkpoints
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON journal_checkpoints
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

      CREATE INDEX journal_by_actor ON journal (actor_id, seq);
      CREATE INDEX journal_by_object ON journal (object_type, object_id, seq);
      CREATE INDEX journal_by_event ON journal (event, seq);
    `);
  },
};

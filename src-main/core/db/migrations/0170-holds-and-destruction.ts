import type { Migration } from '../migrate';

/**
 * Legal holds, destruction and the destruction record (销毁清册) — issue 16, points 2 and 3.
 *
 * A destroyed dossier keeps its catalogue row as a residual stub (number, customer name, dates) and
 * gains a `dossier_destructions` row saying who destroyed it and under which authority; its content
 * row is deleted and its revisions' old and new values are blanked. Revisions are append-only, so
 * the triggers are replaced by ones that allow exactly that one change, and only once the dossier
 * is recorded as destroyed in the same transaction.
 */
export const updateToSchemaVersion170: Migration = {
  version: 170,
  name: 'holds-and-destruction',
  up(db) {
    db.exec(`
      CREATE TABLE legal_holds (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        reason      TEXT NOT NULL,
        -- A hold on a customer covers every dossier of that customer, present and future.
        customer    TEXT,
        set_by      TEXT NOT NULL REFERENCES people (id),
        set_at      TEXT NOT NULL,
        released_by TEXT REFERENCES people (id),
        released_at TEXT
      ) STRICT;

      CREATE TABLE legal_hold_dossiers (
        hold_id    INTEGER NOT NULL REFERENCES legal_holds (id),
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
        PRIMARY KEY (hold_id, dossier_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX legal_hold_dossiers_by_dossier ON legal_hold_dossiers (dossier_id);

      CREATE TABLE destruction_requests (
        id           INTEGER PRIMARY KEY,
        dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
        -- Which path asked: manual, retention, three-year rule, departure, bulk, server.
        path         TEXT NOT NULL,
        reason       TEXT NOT NULL,
        requested_by TEXT NOT NULL REFERENCES people (id),
        requested_at TEXT NOT NULL,
        -- The holding departments whose managers must each approve (JSON array).
        departments  TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('pending', 'rejected', 'destroyed')),
        decided_at   TEXT
      ) STRICT;
      CREATE UNIQUE INDEX destruction_requests_open ON destruction_requests (dossier_id) WHERE state = 'pending';

      CREATE TABLE destruction_decisions (
        request_id  INTEGER NOT NULL REFERENCES destruction_requests (id),
        department  TEXT NOT NULL,
        approver_id TEXT NOT NULL REFERENCES people (id),
        decision    TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        note        TEXT NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (request_id, department)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dossier_destructions (
        dossier_id   INTEGER PRIMARY KEY REFERENCES dossiers (id),
        request_id   INTEGER NOT NULL REFERENCES destruction_requests (id),
        destroyed_at TEXT NOT NULL,
        destroyed_by TEXT NOT NULL REFERENCES people (id)
      ) STRICT;

      -- 销毁清册: one line per destruction, never changed.
      CREATE TABLE destruction_record (
        id             INTEGER PRIMARY KEY,
        request_id     INTEGER NOT NULL UNIQUE REFERENCES destruction_requests (id),
        archive_number TEXT NOT NULL,
        customer_name  TEXT NOT NULL,
        copies         TEXT NOT NULL,
        revisions      INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL,
        requested_by   TEXT NOT NULL,
        approvers      TEXT NOT NULL,
        destroyed_by   TEXT NOT NULL,
        destroyed_at   TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER destruction_record_no_update BEFORE UPDATE ON destruction_record
      BEGIN SELECT RAISE(ABORT, 'the destruction record is append-only'); END;
      CREATE TRIGGER destruction_record_no_delete BEFORE DELETE ON destruction_record
      BEGIN SELECT RAISE(ABORT, 'the destruction record is append-only'); END;

      DROP TRIGGER dossier_revisions_no_update;
      CREATE TRIGGER dossier_revisions_no_update BEFORE UPDATE ON dossier_revisions
      WHEN NOT (NEW.changes = '[]' AND NEW.dossier_id = OLD.dossier_id AND NEW.revision = OLD.revision
                AND EXISTS (SELECT 1 FROM dossier_destructions WHERE dossier_id = OLD.dossier_id))
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    `);
  },
};

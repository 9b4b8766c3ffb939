import type { Migration } from '../migrate';

export const updateToSchemaVersion30: Migration = {
  version: 30,
  name: 'dossiers and revisions',
  up(db) {
    db.exec(`
      -- Archive numbers KH-<year>-<serial>, issued by the core: one counter per year.
      CREATE TABLE archive_number_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      -- 客户档案. The content (field groups) is canonical JSON; the catalogue's columns (一览表)
      -- are copied out of it on every save so listing never parses content.
      CREATE TABLE dossiers (
        id               INTEGER PRIMARY KEY,
        archive_number   TEXT NOT NULL UNIQUE,
        status           TEXT NOT NULL CHECK (status IN ('draft', 'filed')),
        customer_name    TEXT NOT NULL,
        industry         TEXT NOT NULL DEFAULT '',
        grade            TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C')),
        lifecycle        TEXT NOT NULL CHECK (lifecycle IN ('potential', 'converting', 'maintained', 'lost')),
        secrecy          TEXT NOT NULL CHECK (secrecy IN ('internal', 'secret', 'confidential')),
        responsible_id   TEXT REFERENCES people (id),
        -- The collector this customer is assigned to (信息采集员); the creating collector by default.
        collector_id     TEXT REFERENCES people (id),
        -- The responsible manager's department (else the collector's): whose review list it is on.
        department       TEXT REFERENCES departments (code),
        content          TEXT NOT NULL,
        revision         INTEGER NOT NULL CHECK (revision >= 1),
        created_at       TEXT NOT NULL,
        created_by       TEXT NOT NULL REFERENCES people (id),
        updated_at       TEXT NOT NULL,
        filed_at         TEXT,
        last_reviewed_at TEXT,
        last_reviewed_by TEXT REFERENCES people (id)
      ) STRICT;

      CREATE INDEX dossiers_by_grade ON dossiers (grade, archive_number);
      CREATE INDEX dossiers_by_secrecy ON dossiers (secrecy, archive_number);
      CREATE INDEX dossiers_by_lifecycle ON dossiers (lifecycle, archive_number);
      CREATE INDEX dossiers_by_review ON dossiers (status, last_reviewed_at);
      CREATE INDEX dossiers_by_department ON dossiers (department, last_reviewed_at);
      CREATE INDEX dossiers_by_responsible ON dossiers (responsible_id);
      CREATE INDEX dossiers_by_collector ON dossiers (collector_id);

      -- 档案一旦修改就会存有记录: every save, who, when, which fields, old and new values. Append-only.
      CREATE TABLE dossier_revisions (
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
        revision   INTEGER NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('create', 'update')),
        at         TEXT NOT NULL,
        actor_id   TEXT NOT NULL REFERENCES people (id),
        changes    TEXT NOT NULL,
        PRIMARY KEY (dossier_id, revision)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER dossier_revisions_no_update BEFORE UPDATE ON dossier_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER dossier_revisions_no_delete BEFORE DELETE ON dossier_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    `);
  },
};

import type { Migration } from '../migrate';

export const updateToSchemaVersion40: Migration = {
  version: 40,
  name: 'dossier copies',
  up(db) {
    db.exec(`
      -- 一式三份: one copy per holding department, made when the dossier is filed.
      CREATE TABLE dossier_copies (
        id           INTEGER PRIMARY KEY,
        dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
        department   TEXT NOT NULL REFERENCES departments (code),
        copy_number  TEXT NOT NULL UNIQUE,
        custodian_id TEXT REFERENCES people (id),
        shelf        TEXT NOT NULL,
        -- The dossier revision this copy reflects; copyLag = dossiers.revision - revision.
        revision     INTEGER NOT NULL CHECK (revision >= 1),
        state        TEXT NOT NULL CHECK (state IN ('in-custody', 'on-loan', 'lost', 'destroyed')),
        issued_at    TEXT NOT NULL,
        lost_at      TEXT,
        lost_by      TEXT REFERENCES people (id),
        lost_reason  TEXT,
        UNIQUE (dossier_id, department)
      ) STRICT;

      CREATE INDEX copies_by_department ON dossier_copies (department, state, dossier_id);
    `);
  },
};

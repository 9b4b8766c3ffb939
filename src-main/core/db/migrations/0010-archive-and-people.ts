import type { Migration } from '../migrate';

export const updateToSchemaVersion10: Migration = {
  version: 10,
  name: 'archive and people',
  up(db) {
    db.exec(`
      CREATE TABLE archive_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- The archive's Ed25519 key for journal checkpoints and export manifests.
      -- The private half lives only here, inside the encrypted file.
      CREATE TABLE signing_key (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        public_key  BLOB NOT NULL,
        private_key BLOB NOT NULL,
        fingerprint TEXT NOT NULL
      ) STRICT;

      CREATE TABLE departments (
        code        TEXT PRIMARY KEY,
        name_zh     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        holds_copy  INTEGER NOT NULL DEFAULT 0 CHECK (holds_copy IN (0, 1)),
        copy_suffix TEXT UNIQUE,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id          TEXT PRIMARY KEY,
        login       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name        TEXT NOT NULL,
        department  TEXT NOT NULL REFERENCES departments (code),
        rank        TEXT NOT NULL CHECK (rank IN ('staff', 'account-manager', 'department-manager', 'general-manager')),
        manager_id  TEXT REFERENCES people (id),
        slot_id     TEXT UNIQUE,
        disabled_at TEXT,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE person_duties (
        person_id TEXT NOT NULL REFERENCES people (id),
        duty      TEXT NOT NULL CHECK (duty IN ('admin', 'custodian', 'auditor', 'collector')),
        PRIMARY KEY (person_id, duty)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

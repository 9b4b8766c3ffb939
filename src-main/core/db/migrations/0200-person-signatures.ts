import type { Migration } from '../migrate';

/**
 * Issue 12 (numbered after 190, so archives made before it migrate): entries and checkpoints signed by people instead of one archive-wide key.
 *
 * - `person_keys`: each person's Ed25519 key, the private half sealed to their own key slot (only
 *   their password opens it). A convenience copy: verify never trusts this table, it trusts the
 *   public keys recorded in journal entries (person-signatures.ts).
 * - `journal_signatures`: one row per transaction's run of entries written in one session, signed
 *   by that session's person over the run's last chain hash (which fixes every entry before it).
 * - `journal_heads`: checkpoints signed by people: `session` at every lock and every 1000 entries,
 *   `audit` when an auditor's verify vouches for a head it checked entry by entry.
 * Old archives keep `signing_key` and `journal_checkpoints` so their history stays verifiable.
 */
export const updateToSchemaVersion200: Migration = {
  version: 200,
  name: 'person-signatures',
  up(db) {
    db.exec(`
      CREATE TABLE person_keys (
        person_id   TEXT PRIMARY KEY REFERENCES people (id),
        public_key  BLOB NOT NULL,
        slot_id     TEXT NOT NULL,
        sealed      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE journal_signatures (
        last_seq        INTEGER PRIMARY KEY,
        first_seq       INTEGER NOT NULL,
        person_id       TEXT NOT NULL,
        session_id      TEXT NOT NULL,
        digest          TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        signature       TEXT NOT NULL,
        CHECK (first_seq <= last_seq)
      ) STRICT;
      CREATE INDEX journal_signatures_by_session ON journal_signatures (session_id, last_seq);
      CREATE TRIGGER journal_signatures_no_update BEFORE UPDATE ON journal_signatures
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_signatures_no_delete BEFORE DELETE ON journal_signatures
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

      CREATE TABLE journal_heads (
        id              INTEGER PRIMARY KEY,
        seq             INTEGER NOT NULL,
        head_hash       TEXT NOT NULL,
        at              TEXT NOT NULL,
        signer_id       TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('session', 'audit')),
        key_fingerprint TEXT NOT NULL,
        signature       TEXT NOT NULL,
        UNIQUE (seq, signer_id, role)
      ) STRICT;
      CREATE TRIGGER journal_heads_no_update BEFORE UPDATE ON journal_heads
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_heads_no_delete BEFORE DELETE ON journal_heads
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    `);
  },
};

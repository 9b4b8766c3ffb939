import type { Migration } from '../migrate';

/**
 * Offline packages (core/offline): one row per package file the archive signed.
 *
 * The archive keeps what it needs to account for a package without ever holding its passphrase:
 * the hash of the signed header (a returned file must be the one issued), and the reading log's
 * MAC key — HKDF of the package key, one-way, so it verifies the log on return but opens nothing.
 * It lives here, inside the encrypted database, never in the package or the keyring.
 *
 * state: issued → returned | revoked; a revoked package may still be returned (its log imported).
 * At most one package per loan is out at a time (partial unique index).
 */
export const updateToSchemaVersion100: Migration = {
  version: 100,
  name: 'offline-packages',
  up(db) {
    db.exec(`
      CREATE TABLE offline_packages (
        id             TEXT PRIMARY KEY,            -- UUID, named in the file's header
        loan_id        INTEGER NOT NULL REFERENCES loans (id),
        sections       TEXT NOT NULL,               -- JSON array of the sections packed
        header_hash    TEXT NOT NULL,               -- SHA-256 hex of the signed header message
        log_key        BLOB NOT NULL CHECK (length(log_key) = 32),
        issued_at      TEXT NOT NULL,
        due_at         TEXT NOT NULL,
        issued_by      TEXT NOT NULL REFERENCES people (id),
        state          TEXT NOT NULL CHECK (state IN ('issued', 'returned', 'revoked')),
        revoked_at     TEXT,
        revoked_by     TEXT REFERENCES people (id),
        revoke_reason  TEXT,
        returned_at    TEXT,
        returned_by    TEXT REFERENCES people (id),
        log_status     TEXT CHECK (log_status IN ('intact', 'broken', 'missing')),
        reads_imported INTEGER
      ) STRICT;
      CREATE INDEX offline_packages_by_loan ON offline_packages (loan_id);
      CREATE UNIQUE INDEX offline_packages_one_out ON offline_packages (loan_id) WHERE state = 'issued';
      CREATE INDEX offline_packages_revoked ON offline_packages (revoked_at) WHERE revoked_at IS NOT NULL;
    `);
  },
};

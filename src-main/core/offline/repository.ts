/** SQL for offline packages (migration 0100). No rules here: policy and the services decide. */
import type { Section } from '../../contract/dossiers';
import type { ReadingLogStatus } from '../../contract/offline';
import type { Db } from '../db/connection';

export interface PackageRecord {
  id: string;
  loanId: number;
  sections: Section[];
  headerHash: string;
  logKey: Buffer;
  issuedAt: string;
  dueAt: string;
  state: 'issued' | 'returned' | 'revoked';
  revokedAt: string | null;
  returnedAt: string | null;
  /** package-file.ts `identityHash`; null for packages issued before migration 0150. */
  identityHash: string | null;
}

interface Row {
  id: string;
  loan_id: number;
  sections: string;
  header_hash: string;
  log_key: Buffer;
  issued_at: string;
  due_at: string;
  state: PackageRecord['state'];
  revoked_at: string | null;
  returned_at: string | null;
  identity_hash: string | null;
}

const toRecord = (r: Row): PackageRecord => ({
  id: r.id,
  loanId: r.loan_id,
  sections: JSON.parse(r.sections) as Section[],
  headerHash: r.header_hash,
  logKey: r.log_key,
  issuedAt: r.issued_at,
  dueAt: r.due_at,
  state: r.state,
  revokedAt: r.revoked_at,
  returnedAt: r.returned_at,
  identityHash: r.identity_hash,
});

export function findPackage(db: Db, id: string): PackageRecord | null {
  const row = db.prepare('SELECT * FROM offline_packages WHERE id = ?').get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The package of this loan that is still out, if any (at most one: a partial unique index). */
export function packageOut(db: Db, loanId: number): PackageRecord | null {
  const row = db.prepare(`SELECT * FROM offline_packages WHERE loan_id = ? AND state = 'issued'`).get(loanId) as Row | undefined;
  return row ? toRecord(row) : null;
}

export interface NewPackageRow {
  id: string;
  loanId: number;
  sections: readonly Section[];
  headerHash: string;
  logKey: Buffer;
  issuedAt: string;
  dueAt: string;
  issuedBy: string;
  identityHash: string;
}

export function insertPackage(db: Db, p: NewPackageRow): void {
  db.prepare(
    `INSERT INTO offline_packages (id, loan_id, sections, header_hash, log_key, issued_at, due_at, issued_by, state, identity_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?)`,
  ).run(p.id, p.loanId, JSON.stringify(p.sections), p.headerHash, p.logKey, p.issuedAt, p.dueAt, p.issuedBy, p.identityHash);
}

/**
 * Revokes every package of the loan still out; returns their ids. Called inside the transaction of
 * whatever ends the loan (recall, departure, loss, return), so access and package end together.
 */
export function revokePackagesOfLoan(db: Db, loanId: number, by: string, at: string, reason: string): string[] {
  const ids = (db.prepare(`SELECT id FROM offline_packages WHERE loan_id = ? AND state = 'issued' ORDER BY issued_at, id`).all(loanId) as { id: string }[]).map(
    (r) => r.id,
  );
  const update = db.prepare(`UPDATE offline_packages SET state = 'revoked', revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?`);
  for (const id of ids) update.run(at, by, reason, id);
  return ids;
}

export function revokePackage(db: Db, id: string, by: string, at: string, reason: string): void {
  db.prepare(`UPDATE offline_packages SET state = 'revoked', revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND state = 'issued'`).run(
    at,
    by,
    reason,
    id,
  );
}

export function markReturned(db: Db, id: string, by: string, at: string, log: ReadingLogStatus, imported: number): void {
  db.prepare(
    `UPDATE offline_packages SET state = CASE state WHEN 'issued' THEN 'returned' ELSE state END,
       returned_at = ?, returned_by = ?, log_status = ?, reads_imported = ? WHERE id = ?`,
  ).run(at, by, log, imported, id);
}

/**
 * Every package ever revoked or received back, oldest first: the revocation list. A returned
 * package is on it too (at its return time), so a copy taken before the return dies on any laptop
 * that gets the list.
 */
export function revokedPackages(db: Db): { package: string; revokedAt: string }[] {
  return (
    db
      .prepare(
        `SELECT id, COALESCE(revoked_at, returned_at) AS at FROM offline_packages
         WHERE revoked_at IS NOT NULL OR returned_at IS NOT NULL ORDER BY at, id`,
      )
      .all() as { id: string; at: string }[]
  ).map((r) => ({ package: r.id, revokedAt: r.at }));
}

/** The MACs of the package's log lines already in the journal. */
export function importedMacs(db: Db, packageId: string): Set<string> {
  return new Set((db.prepare('SELECT mac FROM offline_log_lines WHERE package_id = ?').all(packageId) as { mac: string }[]).map((r) => r.mac));
}

export function recordImportedLine(db: Db, packageId: string, mac: string, seq: number, at: string, flag: 'afterReturn' | 'late' | null): void {
  db.prepare('INSERT OR IGNORE INTO offline_log_lines (package_id, mac, seq, imported_at, flag) VALUES (?, ?, ?, ?, ?)').run(packageId, mac, seq, at, flag);
}

/** A log coming back again: the count of lines imported grows, the first return's time stays. */
export function addImported(db: Db, id: string, count: number): void {
  db.prepare('UPDATE offline_packages SET reads_imported = COALESCE(reads_imported, 0) + ? WHERE id = ?').run(count, id);
}

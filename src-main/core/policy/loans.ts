/**
 * The policy's hook into borrowing (rule 3, rule 4). Loans arrive in a later issue; until their
 * table exists nobody holds one, so these answer "no".
 *
 * Plugging in: the loans migration creates `loans` with at least
 *   dossier_id INTEGER → dossiers(id), borrower_id TEXT → people(id), state TEXT,
 *   starts_at TEXT, due_at TEXT (ISO 8601 UTC)
 * and a loan is active while state = 'on-loan' and starts_at <= now < due_at — checked at every
 * read, never by a timer (rule 4). If the loans work settles on another shape, it changes the two
 * queries below and nothing else: every content decision asks through these functions.
 */
import type { Db } from '../db/connection';

const present = new WeakMap<Db, boolean>();

function loansTableExists(db: Db): boolean {
  // Once it exists it stays (migrations are append-only); until then ask again, cheaply.
  if (present.get(db)) return true;
  const found = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'loans'").get() !== undefined;
  if (found) present.set(db, true);
  return found;
}

export function hasActiveLoan(db: Db, personId: string, dossierId: number, now: Date): boolean {
  if (!loansTableExists(db)) return false;
  const at = now.toISOString();
  return (
    db
      .prepare(
        `SELECT 1 FROM loans WHERE borrower_id = ? AND dossier_id = ? AND state = 'on-loan' AND starts_at <= ? AND due_at > ? LIMIT 1`,
      )
      .get(personId, dossierId, at, at) !== undefined
  );
}

/** Every dossier the person holds an active loan for now (search over key-person names uses it). */
export function activeLoanDossierIds(db: Db, personId: string, now: Date): number[] {
  if (!loansTableExists(db)) return [];
  const at = now.toISOString();
  return (
    db
      .prepare(`SELECT DISTINCT dossier_id AS id FROM loans WHERE borrower_id = ? AND state = 'on-loan' AND starts_at <= ? AND due_at > ?`)
      .all(personId, at, at) as { id: number }[]
  ).map((r) => r.id);
}

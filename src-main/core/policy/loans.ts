/**
 * The policy's hook into borrowing (rule 3, rule 4). A loan is active while its state is
 * 'on-loan' and starts_at <= now < due_at — decided at every read with the clock's `now`, never
 * by a timer, so a loan ends at its due time by itself and a recall ends it at once.
 *
 * The `loans` table comes from migration 0060 (core/loans). Every content decision asks through
 * these functions; `isLoanActive` is the same test for one card already in hand.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

interface LoanTiming {
  state: string;
  startsAt: string | null;
  dueAt: string | null;
}

/** One card's loan at this moment (ISO 8601 UTC strings compare in time order). */
export function isLoanActive(loan: LoanTiming, now: Date): boolean {
  const at = now.toISOString();
  return loan.state === 'on-loan' && loan.startsAt !== null && loan.dueAt !== null && loan.startsAt <= at && at < loan.dueAt;
}

// The per-read check runs on every open: prepare once per connection (closed archives let go).
const statements = new WeakMap<Db, { one: Statement; all: Statement }>();

function prepared(db: Db): { one: Statement; all: Statement } {
  let s = statements.get(db);
  if (!s) {
    s = {
      one: db.prepare(`SELECT 1 FROM loans WHERE borrower_id = ? AND dossier_id = ? AND state = 'on-loan' AND starts_at <= ? AND due_at > ? LIMIT 1`),
      all: db.prepare(`SELECT DISTINCT dossier_id AS id FROM loans WHERE borrower_id = ? AND state = 'on-loan' AND starts_at <= ? AND due_at > ?`),
    };
    statements.set(db, s);
  }
  return s;
}

export function hasActiveLoan(db: Db, personId: string, dossierId: number, now: Date): boolean {
  const at = now.toISOString();
  return prepared(db).one.get(personId, dossierId, at, at) !== undefined;
}

/** Every dossier the person holds an active loan for now (search over key-person names uses it). */
export function activeLoanDossierIds(db: Db, personId: string, now: Date): number[] {
  const at = now.toISOString();
  return (prepared(db).all.all(personId, at, at) as { id: number }[]).map((r) => r.id);
}

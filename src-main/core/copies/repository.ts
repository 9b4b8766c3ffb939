/** SQL for the three copies (一式三份). No rules here. */
import type { CopyState, CopyStatusView, CopyView } from '../../contract/dossiers';
import type { Db } from '../db/connection';
import { stmt } from '../dossiers/statements';

export interface CopyRecord {
  id: number;
  dossierId: number;
  department: string;
  copyNumber: string;
  custodianId: string | null;
  shelf: string;
  revision: number;
  state: CopyState;
  issuedAt: string;
  lostAt: string | null;
  lostReason: string | null;
  /** The dossier's current revision, for copyLag. */
  dossierRevision: number;
}

interface CopyRow {
  id: number;
  dossier_id: number;
  department: string;
  copy_number: string;
  custodian_id: string | null;
  shelf: string;
  revision: number;
  state: CopyState;
  issued_at: string;
  lost_at: string | null;
  lost_reason: string | null;
  dossier_revision: number;
}

const SELECT_COPY = `SELECT c.*, d.revision AS dossier_revision FROM dossier_copies c JOIN dossiers d ON d.id = c.dossier_id`;

function toRecord(r: CopyRow): CopyRecord {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    department: r.department,
    copyNumber: r.copy_number,
    custodianId: r.custodian_id,
    shelf: r.shelf,
    revision: r.revision,
    state: r.state,
    issuedAt: r.issued_at,
    lostAt: r.lost_at,
    lostReason: r.lost_reason,
    dossierRevision: r.dossier_revision,
  };
}

/** copyLag (落后版本数): how many revisions the copy is behind its dossier. */
export function copyLag(copy: { revision: number; dossierRevision: number }): number {
  return copy.dossierRevision - copy.revision;
}

export function findCopy(db: Db, copyNumber: string): CopyRecord | null {
  const row = stmt(db, `${SELECT_COPY} WHERE c.copy_number = ?`).get(copyNumber) as CopyRow | undefined;
  return row ? toRecord(row) : null;
}

export function copiesOf(db: Db, dossierId: number): CopyRecord[] {
  return (stmt(db, `${SELECT_COPY} WHERE c.dossier_id = ? ORDER BY c.copy_number`).all(dossierId) as CopyRow[]).map(toRecord);
}

/**
 * Copy status of many dossiers at once (one catalogue page), given their current revisions (the
 * page has just read them), so the copies are read from their own index without a join.
 */
export function copyStatusOf(db: Db, dossiers: readonly { id: number; revision: number }[]): Map<number, CopyStatusView[]> {
  const out = new Map<number, CopyStatusView[]>();
  if (!dossiers.length) return out;
  const revisions = new Map(dossiers.map((d) => [d.id, d.revision]));
  // Rows as arrays, only the columns the status needs: every search answer carries its page's
  // copies, and making an object per row was much of this query's cost.
  const rows = stmt(db, `SELECT dossier_id, copy_number, department, state, revision FROM dossier_copies WHERE dossier_id IN (SELECT value FROM json_each(?))`)
    .raw(true)
    .all(JSON.stringify(dossiers.map((d) => d.id))) as [number, string, string, CopyState, number][];
  for (const [dossierId, copyNumber, department, state, revision] of rows) {
    let list = out.get(dossierId);
    if (!list) out.set(dossierId, (list = []));
    list.push({ copyNumber, department, state, revision, lag: revisions.get(dossierId)! - revision });
  }
  // A dossier's three copies, in copy-number order, as the catalogue shows them.
  for (const list of out.values()) list.sort((a, b) => (a.copyNumber < b.copyNumber ? -1 : a.copyNumber > b.copyNumber ? 1 : 0));
  return out;
}

export function toView(c: CopyRecord, custodian: { login: string; name: string } | null): CopyView {
  return {
    copyNumber: c.copyNumber,
    department: c.department,
    state: c.state,
    revision: c.revision,
    lag: copyLag(c),
    custodian,
    shelf: c.shelf,
    issuedAt: c.issuedAt,
    lostAt: c.lostAt,
    lostReason: c.lostReason,
  };
}

interface Holding {
  code: string;
  suffix: string;
  custodianId: string | null;
}

/** Each holding department with the custodian who receives new copies (the first active one by login). */
export function holdingDepartments(db: Db): Holding[] {
  return stmt(
    db,
    `SELECT d.code, d.copy_suffix AS suffix,
         (SELECT p.id FROM people p JOIN person_duties t ON t.person_id = p.id
          WHERE p.department = d.code AND t.duty = 'custodian' AND p.disabled_at IS NULL ORDER BY p.login LIMIT 1) AS custodianId
       FROM departments d WHERE d.holds_copy = 1 ORDER BY d.code`,
  ).all() as Holding[];
}

/** Shelf position for the printed form: cabinet by hundreds of the serial, slot within it. */
export function defaultShelf(suffix: string, number: string): string {
  const serial = Number(number.slice(-5));
  return `${suffix}-${number.slice(3, 7)}-${String(Math.floor(serial / 100) + 1).padStart(4, '0')}-${String(serial % 100).padStart(2, '0')}`;
}

/** Filing makes one copy per holding department, each reflecting the filed revision. */
export function fileCopies(db: Db, dossierId: number, number: string, revision: number, at: string, holdings = holdingDepartments(db)): string[] {
  const insert = stmt(
    db,
    `INSERT INTO dossier_copies (dossier_id, department, copy_number, custodian_id, shelf, revision, state, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, 'in-custody', ?)`,
  );
  return holdings.map((h) => {
    const copyNumber = `${number}-${h.suffix}`;
    insert.run(dossierId, h.code, copyNumber, h.custodianId, defaultShelf(h.suffix, number), revision, at);
    return copyNumber;
  });
}

export function reissue(db: Db, copyId: number, revision: number, custodianId: string, shelf: string, at: string): void {
  stmt(
    db,
    `UPDATE dossier_copies SET revision = ?, custodian_id = ?, shelf = ?, state = 'in-custody', issued_at = ?,
       lost_at = NULL, lost_by = NULL, lost_reason = NULL WHERE id = ?`,
  ).run(revision, custodianId, shelf, at, copyId);
}

export function markLost(db: Db, copyId: number, by: string, reason: string, at: string): void {
  stmt(db, `UPDATE dossier_copies SET state = 'lost', lost_at = ?, lost_by = ?, lost_reason = ? WHERE id = ?`).run(at, by, reason, copyId);
}

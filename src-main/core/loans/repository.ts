/** SQL for borrow cards and loans (借阅卡). No rules here: the policy and the services decide. */
import type { LoanForm, LoanState, LoanView, LoanViewState, PersonRef } from '../../contract/loans';
import type { SecrecyLevel } from '../../contract/dossiers';
import type { Db } from '../db/connection';
import { isLoanActive } from '../policy/loans';

export interface LoanRecord {
  id: number;
  card: string;
  dossierId: number;
  number: string;
  customerName: string;
  secrecy: SecrecyLevel;
  dossierDepartment: string | null;
  copyId: number;
  copyNumber: string;
  copyState: string;
  copyRevision: number;
  borrowerId: string;
  borrower: PersonRef;
  borrowerDepartment: string;
  borrowerManagerId: string | null;
  department: string;
  purpose: string;
  form: LoanForm;
  periodDays: number;
  readingPlace: string;
  needsSecond: boolean;
  state: LoanState;
  submittedAt: string;
  custodianBy: string | null;
  custodianAt: string | null;
  managerBy: string | null;
  managerAt: string | null;
  approvedAt: string | null;
  rejectReason: string | null;
  startsAt: string | null;
  dueAt: string | null;
  renewalState: 'requested' | 'approved' | 'rejected' | null;
  renewalDays: number | null;
  renewalCustodianBy: string | null;
  renewalManagerBy: string | null;
  endedAt: string | null;
  endNote: string | null;
}

interface LoanRow {
  id: number;
  card_number: string;
  dossier_id: number;
  archive_number: string;
  customer_name: string;
  secrecy: SecrecyLevel;
  dossier_department: string | null;
  copy_id: number;
  copy_number: string;
  copy_state: string;
  copy_revision_now: number;
  borrower_id: string;
  borrower_login: string;
  borrower_name: string;
  borrower_department: string;
  borrower_manager_id: string | null;
  department: string;
  purpose: string;
  form: LoanForm;
  period_days: number;
  reading_place: string;
  needs_second: number;
  state: LoanState;
  submitted_at: string;
  custodian_by: string | null;
  custodian_at: string | null;
  manager_by: string | null;
  manager_at: string | null;
  approved_at: string | null;
  reject_reason: string | null;
  starts_at: string | null;
  due_at: string | null;
  renewal_state: LoanRecord['renewalState'];
  renewal_days: number | null;
  renewal_custodian_by: string | null;
  renewal_manager_by: string | null;
  ended_at: string | null;
  end_note: string | null;
}

export const SELECT_LOAN = `
  SELECT l.*, d.archive_number, d.customer_name, d.secrecy, d.department AS dossier_department,
         c.copy_number, c.state AS copy_state, c.revision AS copy_revision_now,
         p.login AS borrower_login, p.name AS borrower_name, p.department AS borrower_department, p.manager_id AS borrower_manager_id
  FROM loans l
  JOIN dossiers d ON d.id = l.dossier_id
  JOIN dossier_copies c ON c.id = l.copy_id
  JOIN people p ON p.id = l.borrower_id`;

export function toRecord(r: LoanRow): LoanRecord {
  return {
    id: r.id,
    card: r.card_number,
    dossierId: r.dossier_id,
    number: r.archive_number,
    customerName: r.customer_name,
    secrecy: r.secrecy,
    dossierDepartment: r.dossier_department,
    copyId: r.copy_id,
    copyNumber: r.copy_number,
    copyState: r.copy_state,
    copyRevision: r.copy_revision_now,
    borrowerId: r.borrower_id,
    borrower: { login: r.borrower_login, name: r.borrower_name },
    borrowerDepartment: r.borrower_department,
    borrowerManagerId: r.borrower_manager_id,
    department: r.department,
    purpose: r.purpose,
    form: r.form,
    periodDays: r.period_days,
    readingPlace: r.reading_place,
    needsSecond: r.needs_second === 1,
    state: r.state,
    submittedAt: r.submitted_at,
    custodianBy: r.custodian_by,
    custodianAt: r.custodian_at,
    managerBy: r.manager_by,
    managerAt: r.manager_at,
    approvedAt: r.approved_at,
    rejectReason: r.reject_reason,
    startsAt: r.starts_at,
    dueAt: r.due_at,
    renewalState: r.renewal_state,
    renewalDays: r.renewal_days,
    renewalCustodianBy: r.renewal_custodian_by,
    renewalManagerBy: r.renewal_manager_by,
    endedAt: r.ended_at,
    endNote: r.end_note,
  };
}

export function findLoan(db: Db, card: string): LoanRecord | null {
  const row = db.prepare(`${SELECT_LOAN} WHERE l.card_number = ?`).get(card) as LoanRow | undefined;
  return row ? toRecord(row) : null;
}

export function findLoanById(db: Db, id: number): LoanRecord | null {
  const row = db.prepare(`${SELECT_LOAN} WHERE l.id = ?`).get(id) as LoanRow | undefined;
  return row ? toRecord(row) : null;
}

export function queryLoans(db: Db, where: string, params: unknown[], order = 'l.submitted_at DESC, l.id DESC', limit = 10_000): LoanRecord[] {
  return (db.prepare(`${SELECT_LOAN} WHERE ${where} ORDER BY ${order} LIMIT ${Math.floor(limit)}`).all(...params) as LoanRow[]).map(toRecord);
}

/** 'overdue' is an on-loan card past due at this moment; everything else is the stored state. */
export function viewState(loan: LoanRecord, now: Date): LoanViewState {
  if (loan.state === 'on-loan' && loan.dueAt !== null && now.toISOString() >= loan.dueAt) return 'overdue';
  return loan.state;
}

export function isActive(loan: LoanRecord, now: Date): boolean {
  return isLoanActive(loan, now);
}

/** JY-<year>-<serial>: one counter per year, in the same transaction as the card. */
export function issueCardNumber(db: Db, year: number): string {
  const row = db
    .prepare('INSERT INTO loan_card_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
    .get(year) as { last: number };
  return `JY-${year}-${String(row.last).padStart(5, '0')}`;
}

export interface NewCardRow {
  card: string;
  dossierId: number;
  copyId: number;
  borrowerId: string;
  department: string;
  purpose: string;
  form: LoanForm;
  periodDays: number;
  readingPlace: string;
  needsSecond: boolean;
  at: string;
}

export function insertCard(db: Db, c: NewCardRow): number {
  return Number(
    db
      .prepare(
        `INSERT INTO loans (card_number, dossier_id, copy_id, borrower_id, department, purpose, form, period_days, reading_place,
           acknowledged, needs_second, state, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'submitted', ?)`,
      )
      .run(c.card, c.dossierId, c.copyId, c.borrowerId, c.department, c.purpose, c.form, c.periodDays, c.readingPlace, c.needsSecond ? 1 : 0, c.at)
      .lastInsertRowid,
  );
}

/** A card of this borrower for this copy that has not ended (submitted, queued or on loan). */
export function openCardFor(db: Db, borrowerId: string, copyId: number): string | null {
  const row = db
    .prepare(`SELECT card_number FROM loans WHERE borrower_id = ? AND copy_id = ? AND state IN ('submitted', 'queued', 'on-loan') LIMIT 1`)
    .get(borrowerId, copyId) as { card_number: string } | undefined;
  return row?.card_number ?? null;
}

export function recordApproval(db: Db, id: number, role: 'custodian' | 'manager', by: string, at: string): void {
  const column = role === 'custodian' ? 'custodian' : 'manager';
  db.prepare(`UPDATE loans SET ${column}_by = ?, ${column}_at = ? WHERE id = ?`).run(by, at, id);
}

export function copyOnLoan(db: Db, copyId: number): boolean {
  return db.prepare(`SELECT 1 FROM loans WHERE copy_id = ? AND state = 'on-loan' LIMIT 1`).get(copyId) !== undefined;
}

/** The copy goes to this card: one borrower at a time, the copy's state follows. */
export function issueCopy(db: Db, id: number, copyId: number, approvedAt: string, startsAt: string, dueAt: string, revision: number): void {
  db.prepare(`UPDATE loans SET state = 'on-loan', approved_at = coalesce(approved_at, ?), starts_at = ?, due_at = ?, copy_revision = ? WHERE id = ?`).run(
    approvedAt,
    startsAt,
    dueAt,
    revision,
    id,
  );
  db.prepare(`UPDATE dossier_copies SET state = 'on-loan' WHERE id = ?`).run(copyId);
}

export function queueCard(db: Db, id: number, approvedAt: string): void {
  db.prepare(`UPDATE loans SET state = 'queued', approved_at = ? WHERE id = ?`).run(approvedAt, id);
}

/** The next in the holds queue (预约) for a copy: first fully approved, first served. */
export function nextQueued(db: Db, copyId: number): LoanRecord | null {
  return queryLoans(db, `l.copy_id = ? AND l.state = 'queued'`, [copyId], 'l.approved_at, l.id', 1)[0] ?? null;
}

export function queuePosition(db: Db, loan: LoanRecord): number | null {
  if (loan.state !== 'queued') return null;
  const row = db
    .prepare(`SELECT count(*) AS n FROM loans WHERE copy_id = ? AND state = 'queued' AND (approved_at < ? OR (approved_at = ? AND id < ?))`)
    .get(loan.copyId, loan.approvedAt, loan.approvedAt, loan.id) as { n: number };
  return row.n + 1;
}

export function rejectCard(db: Db, id: number, by: string, reason: string, at: string): void {
  db.prepare(`UPDATE loans SET state = 'rejected', rejected_by = ?, reject_reason = ?, ended_at = ?, ended_by = ? WHERE id = ?`).run(by, reason, at, by, id);
}

/** Ends a card; the copy comes back into custody unless it is lost. */
export function endLoan(db: Db, loan: LoanRecord, state: LoanState, by: string, at: string, note: string | null): void {
  db.prepare(`UPDATE loans SET state = ?, ended_at = ?, ended_by = ?, end_note = ? WHERE id = ?`).run(state, at, by, note, loan.id);
  if (loan.state === 'on-loan' && state !== 'lost') db.prepare(`UPDATE dossier_copies SET state = 'in-custody' WHERE id = ?`).run(loan.copyId);
}

export function markCopyLost(db: Db, copyId: number, by: string, reason: string, at: string): void {
  db.prepare(`UPDATE dossier_copies SET state = 'lost', lost_at = ?, lost_by = ?, lost_reason = ? WHERE id = ?`).run(at, by, reason, copyId);
}

export function requestRenewal(db: Db, id: number, days: number): void {
  db.prepare(`UPDATE loans SET renewal_state = 'requested', renewal_days = ? WHERE id = ?`).run(days, id);
}

export function recordRenewalApproval(db: Db, id: number, role: 'custodian' | 'manager', by: string): void {
  db.prepare(`UPDATE loans SET ${role === 'custodian' ? 'renewal_custodian_by' : 'renewal_manager_by'} = ? WHERE id = ?`).run(by, id);
}

export function grantRenewal(db: Db, id: number, dueAt: string): void {
  db.prepare(`UPDATE loans SET renewal_state = 'approved', due_at = ? WHERE id = ?`).run(dueAt, id);
}

export function refuseRenewal(db: Db, id: number, reason: string): void {
  db.prepare(`UPDATE loans SET renewal_state = 'rejected', renewal_reason = ? WHERE id = ?`).run(reason, id);
}

/** Who is told of an incident: the direct manager, else a department manager of the person's department. */
export function responsibleManagerOf(db: Db, personId: string): string | null {
  const row = db
    .prepare(
      `SELECT coalesce(p.manager_id,
         (SELECT m.id FROM people m WHERE m.department = p.department AND m.rank = 'department-manager' AND m.disabled_at IS NULL
            AND m.id <> p.id ORDER BY m.login LIMIT 1)) AS id
       FROM people p WHERE p.id = ?`,
    )
    .get(personId) as { id: string | null } | undefined;
  return row?.id ?? null;
}

export function custodiansOf(db: Db, department: string): string[] {
  return (
    db
      .prepare(
        `SELECT p.id FROM people p JOIN person_duties t ON t.person_id = p.id
         WHERE p.department = ? AND t.duty = 'custodian' AND p.disabled_at IS NULL ORDER BY p.login`,
      )
      .all(department) as { id: string }[]
  ).map((r) => r.id);
}

export function personRef(db: Db, id: string | null): PersonRef | null {
  if (!id) return null;
  const row = db.prepare('SELECT login, name FROM people WHERE id = ?').get(id) as PersonRef | undefined;
  return row ?? null;
}

export function toView(db: Db, loan: LoanRecord, now: Date): LoanView {
  const approval = (by: string | null, at: string | null) => {
    const who = personRef(db, by);
    return who && at ? { by: who, at } : null;
  };
  return {
    card: loan.card,
    state: viewState(loan, now),
    borrower: loan.borrower,
    number: loan.number,
    customerName: loan.customerName,
    secrecy: loan.secrecy,
    copyNumber: loan.copyNumber,
    department: loan.department,
    purpose: loan.purpose,
    form: loan.form,
    periodDays: loan.periodDays,
    readingPlace: loan.readingPlace,
    needsSecondApproval: loan.needsSecond,
    submittedAt: loan.submittedAt,
    custodianApproval: approval(loan.custodianBy, loan.custodianAt),
    managerApproval: approval(loan.managerBy, loan.managerAt),
    rejectReason: loan.rejectReason,
    startsAt: loan.startsAt,
    dueAt: loan.dueAt,
    renewal: loan.renewalState && loan.renewalDays !== null ? { state: loan.renewalState, days: loan.renewalDays } : null,
    endedAt: loan.endedAt,
    endNote: loan.endNote,
    queuePosition: queuePosition(db, loan),
  };
}

/** SQL for yearly maintenance plans and their revisions. No rules here: the service and the policy decide. */
import type { PlanContent, PlanStatus } from '../../contract/visits-plans';
import type { Db } from '../db/connection';
import { canonicalJson } from '../journal/entry';
import { customers } from '../due/tallies';

export interface PlanRecord {
  id: number;
  dossierId: number;
  number: string;
  customerName: string;
  responsibleId: string | null;
  year: number;
  status: PlanStatus;
  content: PlanContent;
  authorId: string;
  revision: number;
  filedAt: string | null;
  pending: PlanContent | null;
  pendingBy: string | null;
  pendingAt: string | null;
}

interface Row {
  id: number;
  dossier_id: number;
  archive_number: string;
  customer_name: string;
  responsible_id: string | null;
  year: number;
  status: PlanStatus;
  content: string;
  author_id: string;
  revision: number;
  filed_at: string | null;
  pending: string | null;
  pending_by: string | null;
  pending_at: string | null;
}

const SELECT = `SELECT p.*, d.archive_number, d.customer_name, d.responsible_id FROM maintenance_plans p JOIN dossiers d ON d.id = p.dossier_id`;

function toRecord(r: Row): PlanRecord {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    number: r.archive_number,
    customerName: r.customer_name,
    responsibleId: r.responsible_id,
    year: r.year,
    status: r.status,
    content: JSON.parse(r.content) as PlanContent,
    authorId: r.author_id,
    revision: r.revision,
    filedAt: r.filed_at,
    pending: r.pending === null ? null : (JSON.parse(r.pending) as PlanContent),
    pendingBy: r.pending_by,
    pendingAt: r.pending_at,
  };
}

export function findPlan(db: Db, dossierId: number, year: number): PlanRecord | null {
  const row = db.prepare(`${SELECT} WHERE p.dossier_id = ? AND p.year = ?`).get(dossierId, year) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function plansOf(db: Db, dossierId: number): PlanRecord[] {
  return (db.prepare(`${SELECT} WHERE p.dossier_id = ? ORDER BY p.year DESC`).all(dossierId) as Row[]).map(toRecord);
}

export function pendingPlans(db: Db): PlanRecord[] {
  return (db.prepare(`${SELECT} WHERE p.pending IS NOT NULL ORDER BY p.pending_at`).all() as Row[]).map(toRecord);
}

export function filedPlans(db: Db, year: number | undefined): PlanRecord[] {
  const rows =
    year === undefined
      ? db.prepare(`${SELECT} WHERE p.status = 'filed' ORDER BY p.year DESC, d.archive_number LIMIT 2000`).all()
      : db.prepare(`${SELECT} WHERE p.status = 'filed' AND p.year = ? ORDER BY d.archive_number LIMIT 2000`).all(year);
  return (rows as Row[]).map(toRecord);
}

export function plansWrittenBy(db: Db, responsibleId: string, year: number | undefined): PlanRecord[] {
  const rows =
    year === undefined
      ? db.prepare(`${SELECT} WHERE d.responsible_id = ? ORDER BY p.year DESC, d.archive_number LIMIT 2000`).all(responsibleId)
      : db.prepare(`${SELECT} WHERE d.responsible_id = ? AND p.year = ? ORDER BY d.archive_number LIMIT 2000`).all(responsibleId, year);
  return (rows as Row[]).map(toRecord);
}

/** The filed customers of a responsible manager that have no filed plan for `year`. */
export function customersWithoutPlan(db: Db, responsibleId: string, year: number, limit = 500): { id: number; number: string; customerName: string }[] {
  return db
    .prepare(
      `SELECT d.id, d.archive_number AS number, d.customer_name AS customerName FROM dossiers d
       WHERE d.responsible_id = ? AND d.status = 'filed' AND d.lifecycle <> 'lost'
         AND NOT EXISTS (SELECT 1 FROM maintenance_plans p WHERE p.dossier_id = d.id AND p.year = ? AND p.status = 'filed')
       ORDER BY d.archive_number LIMIT ?`,
    )
    .all(responsibleId, year, limit) as { id: number; number: string; customerName: string }[];
}

/** How many customers of the person have no filed plan for the year: customers less plans filed, from the kept tallies. */
export function countWithoutPlan(db: Db, responsibleId: string, year: number): number {
  return customers(db, responsibleId, 'customer', { not: 'lost' }) - customers(db, responsibleId, `plan:${year}`, { not: 'lost' });
}

export function insertPlan(db: Db, p: { dossierId: number; year: number; status: PlanStatus; content: PlanContent; authorId: string; at: string }): number {
  const result = db
    .prepare(
      `INSERT INTO maintenance_plans (dossier_id, year, status, content, author_id, revision, created_at, updated_at, filed_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(p.dossierId, p.year, p.status, canonicalJson(p.content), p.authorId, p.at, p.at, p.status === 'filed' ? p.at : null);
  return Number(result.lastInsertRowid);
}

export function updatePlan(db: Db, id: number, p: { status: PlanStatus; content: PlanContent; revision: number; at: string; filedAt: string | null }): void {
  db.prepare(
    'UPDATE maintenance_plans SET status = ?, content = ?, revision = ?, updated_at = ?, filed_at = ?, pending = NULL, pending_by = NULL, pending_at = NULL WHERE id = ?',
  ).run(p.status, canonicalJson(p.content), p.revision, p.at, p.filedAt, id);
}

export function setPending(db: Db, id: number, pending: PlanContent | null, by: string | null, at: string | null, revision: number): void {
  db.prepare('UPDATE maintenance_plans SET pending = ?, pending_by = ?, pending_at = ?, revision = ? WHERE id = ?').run(
    pending === null ? null : canonicalJson(pending),
    by,
    at,
    revision,
    id,
  );
}

export type PlanRevisionKind = 'draft' | 'file' | 'propose' | 'approve' | 'reject';

export function insertPlanRevision(db: Db, planId: number, revision: number, kind: PlanRevisionKind, at: string, actorId: string, changes: unknown): void {
  db.prepare('INSERT INTO plan_revisions (plan_id, revision, kind, at, actor_id, changes) VALUES (?, ?, ?, ?, ?, ?)').run(
    planId,
    revision,
    kind,
    at,
    actorId,
    canonicalJson(changes),
  );
}

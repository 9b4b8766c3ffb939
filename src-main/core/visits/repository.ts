/** SQL for visit reports, their spot checks and revisions. No rules here: the service and the policy decide. */
import type { Visit } from '../../contract/visits-plans';
import type { Db } from '../db/connection';
import { canonicalJson } from '../journal/entry';

export interface VisitReportRecord {
  id: number;
  authorId: string;
  date: string;
  visits: Visit[];
  supervisorId: string | null;
  filedAt: string;
  dueAt: string;
  late: boolean;
  commentDueAt: string;
  comment: string | null;
  commentedAt: string | null;
  commentedBy: string | null;
  commentLate: boolean;
  revision: number;
  spotChecks: number;
}

interface Row {
  id: number;
  author_id: string;
  report_date: string;
  visits: string;
  supervisor_id: string | null;
  filed_at: string;
  due_at: string;
  late: number;
  comment_due_at: string;
  comment: string | null;
  commented_at: string | null;
  commented_by: string | null;
  comment_late: number;
  revision: number;
  spot_checks: number;
}

const SELECT = `SELECT r.*, (SELECT count(*) FROM visit_report_checks c WHERE c.report_id = r.id) AS spot_checks FROM visit_reports r`;

function toRecord(r: Row): VisitReportRecord {
  return {
    id: r.id,
    authorId: r.author_id,
    date: r.report_date,
    visits: JSON.parse(r.visits) as Visit[],
    supervisorId: r.supervisor_id,
    filedAt: r.filed_at,
    dueAt: r.due_at,
    late: r.late === 1,
    commentDueAt: r.comment_due_at,
    comment: r.comment,
    commentedAt: r.commented_at,
    commentedBy: r.commented_by,
    commentLate: r.comment_late === 1,
    revision: r.revision,
    spotChecks: r.spot_checks,
  };
}

export function findReport(db: Db, id: number): VisitReportRecord | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function findReportOf(db: Db, authorId: string, date: string): VisitReportRecord | null {
  const row = db.prepare(`${SELECT} WHERE r.author_id = ? AND r.report_date = ?`).get(authorId, date) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function reportsOf(db: Db, authorId: string, from: string, to: string): VisitReportRecord[] {
  return (db.prepare(`${SELECT} WHERE r.author_id = ? AND r.report_date BETWEEN ? AND ? ORDER BY r.report_date DESC`).all(authorId, from, to) as Row[]).map(
    toRecord,
  );
}

/** Reports a supervisor comments on: named to them, or (none named) to the key-account managers. */
export function reportsSupervisedBy(db: Db, supervisorId: string, orUnassigned: boolean, from: string, to: string): VisitReportRecord[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (r.supervisor_id = ? OR (? AND r.supervisor_id IS NULL)) AND r.author_id <> ? AND r.report_date BETWEEN ? AND ?
       ORDER BY r.commented_at IS NOT NULL, r.report_date DESC`,
    )
    .all(supervisorId, orUnassigned ? 1 : 0, supervisorId, from, to) as Row[];
  return rows.map(toRecord);
}

export function uncommentedFor(db: Db, supervisorId: string, orUnassigned: boolean): VisitReportRecord[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (r.supervisor_id = ? OR (? AND r.supervisor_id IS NULL)) AND r.author_id <> ? AND r.commented_at IS NULL ORDER BY r.comment_due_at`,
    )
    .all(supervisorId, orUnassigned ? 1 : 0, supervisorId) as Row[];
  return rows.map(toRecord);
}

export function allReports(db: Db, from: string, to: string): VisitReportRecord[] {
  return (db.prepare(`${SELECT} WHERE r.report_date BETWEEN ? AND ? ORDER BY r.report_date DESC, r.id LIMIT 2000`).all(from, to) as Row[]).map(toRecord);
}

export interface NewReport {
  authorId: string;
  date: string;
  visits: Visit[];
  supervisorId: string | null;
  filedAt: string;
  dueAt: string;
  late: boolean;
  commentDueAt: string;
}

export function insertReport(db: Db, r: NewReport): number {
  const result = db
    .prepare(
      `INSERT INTO visit_reports (author_id, report_date, visits, visit_count, supervisor_id, filed_at, due_at, late, comment_due_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    .run(r.authorId, r.date, canonicalJson(r.visits), r.visits.length, r.supervisorId, r.filedAt, r.dueAt, r.late ? 1 : 0, r.commentDueAt);
  return Number(result.lastInsertRowid);
}

/** An amendment before the comment: the visits change; the first filing time (and its lateness) stays. */
export function amendReport(db: Db, id: number, visits: Visit[], revision: number): void {
  db.prepare('UPDATE visit_reports SET visits = ?, visit_count = ?, revision = ? WHERE id = ?').run(canonicalJson(visits), visits.length, revision, id);
}

export function commentReport(db: Db, id: number, comment: string, at: string, by: string, late: boolean, revision: number): void {
  db.prepare('UPDATE visit_reports SET comment = ?, commented_at = ?, commented_by = ?, comment_late = ?, revision = ? WHERE id = ?').run(
    comment,
    at,
    by,
    late ? 1 : 0,
    revision,
    id,
  );
}

export function insertCheck(db: Db, reportId: number, checkerId: string, at: string, findings: string, revision: number): void {
  db.prepare('INSERT INTO visit_report_checks (report_id, checker_id, at, findings) VALUES (?, ?, ?, ?)').run(reportId, checkerId, at, findings);
  db.prepare('UPDATE visit_reports SET revision = ? WHERE id = ?').run(revision, reportId);
}

export function checksOf(db: Db, reportId: number): { checkerId: string; at: string; findings: string }[] {
  return db.prepare('SELECT checker_id AS checkerId, at, findings FROM visit_report_checks WHERE report_id = ? ORDER BY id').all(reportId) as {
    checkerId: string;
    at: string;
    findings: string;
  }[];
}

export function lastCheckBy(db: Db, checkerId: string): string | null {
  const row = db.prepare('SELECT max(at) AS at FROM visit_report_checks WHERE checker_id = ?').get(checkerId) as { at: string | null };
  return row.at;
}

export function insertReportRevision(
  db: Db,
  reportId: number,
  revision: number,
  kind: 'file' | 'amend' | 'comment' | 'spotCheck',
  at: string,
  actorId: string,
  changes: unknown,
): void {
  db.prepare('INSERT INTO visit_report_revisions (report_id, revision, kind, at, actor_id, changes) VALUES (?, ?, ?, ?, ?, ?)').run(
    reportId,
    revision,
    kind,
    at,
    actorId,
    canonicalJson(changes),
  );
}

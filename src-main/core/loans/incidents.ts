/**
 * Incidents (leaks and losses) and integrity marks (诚信黑点): who, which copy and revision, when,
 * and the person's manager (直接上级承担领导责任). Three marks flag a person to management
 * (大客户信息管理办法 7.3.4). SQL only; the services decide.
 */
import { FLAG_AT_MARKS, type FlaggedPerson, type IncidentView } from '../../contract/loans';
import type { Db } from '../db/connection';

export interface NewIncident {
  kind: 'lost' | 'leak';
  loanId: number | null;
  dossierId: number;
  copyId: number;
  revision: number;
  personId: string;
  managerId: string | null;
  description: string;
  at: string;
  recordedBy: string;
}

/** The incident and the mark against the person responsible, together. */
export function recordIncident(db: Db, i: NewIncident): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO incidents (kind, loan_id, dossier_id, copy_id, revision, person_id, manager_id, description, at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(i.kind, i.loanId, i.dossierId, i.copyId, i.revision, i.personId, i.managerId, i.description, i.at, i.recordedBy).lastInsertRowid,
  );
  db.prepare('INSERT INTO integrity_marks (person_id, incident_id, at) VALUES (?, ?, ?)').run(i.personId, id, i.at);
  return id;
}

export function countMarks(db: Db, personId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM integrity_marks WHERE person_id = ?').get(personId) as { n: number }).n;
}

export function countIncidents(db: Db, personId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM incidents WHERE person_id = ?').get(personId) as { n: number }).n;
}

interface IncidentRow {
  id: number;
  kind: 'lost' | 'leak';
  card_number: string | null;
  archive_number: string;
  copy_number: string;
  revision: number;
  person_login: string;
  person_name: string;
  manager_login: string | null;
  manager_name: string | null;
  description: string;
  at: string;
}

export function listIncidents(db: Db, personId?: string): IncidentView[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.kind, l.card_number, d.archive_number, c.copy_number, i.revision, p.login AS person_login, p.name AS person_name,
              m.login AS manager_login, m.name AS manager_name, i.description, i.at
       FROM incidents i
       JOIN dossiers d ON d.id = i.dossier_id
       JOIN dossier_copies c ON c.id = i.copy_id
       JOIN people p ON p.id = i.person_id
       LEFT JOIN people m ON m.id = i.manager_id
       LEFT JOIN loans l ON l.id = i.loan_id
       ${personId ? 'WHERE i.person_id = ?' : ''}
       ORDER BY i.at DESC, i.id DESC LIMIT 1000`,
    )
    .all(...(personId ? [personId] : [])) as IncidentRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    card: r.card_number,
    number: r.archive_number,
    copyNumber: r.copy_number,
    revision: r.revision,
    person: { login: r.person_login, name: r.person_name },
    manager: r.manager_login && r.manager_name ? { login: r.manager_login, name: r.manager_name } : null,
    description: r.description,
    at: r.at,
  }));
}

/** People with three or more integrity marks: the query management asks. */
export function flaggedPeople(db: Db): FlaggedPerson[] {
  return (
    db
      .prepare(
        `SELECT p.login, p.name, p.department, count(*) AS marks FROM integrity_marks k JOIN people p ON p.id = k.person_id
         GROUP BY k.person_id HAVING count(*) >= ? ORDER BY marks DESC, p.login`,
      )
      .all(FLAG_AT_MARKS) as { login: string; name: string; department: string; marks: number }[]
  ).map((r) => ({ person: { login: r.login, name: r.name }, department: r.department, marks: r.marks }));
}

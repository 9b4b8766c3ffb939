/** SQL for people and departments. No rules here: the service and the policy decide, this only reads and writes. */
import type { Db } from '../db/connection';
import type { DepartmentView, Duty, PersonView, Rank } from '../../contract/people';
import type { Actor } from '../policy';

interface PersonRow {
  id: string;
  login: string;
  name: string;
  department: string;
  rank: Rank;
  manager_id: string | null;
  slot_id: string | null;
  disabled_at: string | null;
  created_at: string;
  duties: string | null;
}

const SELECT_PERSON = `
  SELECT p.*, (SELECT group_concat(duty, ',') FROM person_duties d WHERE d.person_id = p.id) AS duties
  FROM people p`;

export interface PersonRecord extends PersonView {
  slotId: string | null;
}

function toRecord(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    department: row.department,
    rank: row.rank,
    duties: row.duties ? (row.duties.split(',').sort() as Duty[]) : [],
    managerId: row.manager_id,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    slotId: row.slot_id,
  };
}

export function toActor(person: PersonRecord): Actor {
  return {
    id: person.id,
    login: person.login,
    name: person.name,
    department: person.department,
    rank: person.rank,
    duties: person.duties,
    disabled: person.disabled,
  };
}

export function toView({ slotId: _slot, ...view }: PersonRecord): PersonView {
  return view;
}

export function findPersonByLogin(db: Db, login: string): PersonRecord | null {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.login = ? COLLATE NOCASE`).get(login) as PersonRow | undefined;
  return row ? toRecord(row) : null;
}

export function findPersonById(db: Db, id: string): PersonRecord | null {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return row ? toRecord(row) : null;
}

export function findPersonBySlot(db: Db, slotId: string): PersonRecord | null {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.slot_id = ?`).get(slotId) as PersonRow | undefined;
  return row ? toRecord(row) : null;
}

export function listPeople(db: Db): PersonRecord[] {
  return (db.prepare(`${SELECT_PERSON} ORDER BY p.department, p.login`).all() as PersonRow[]).map(toRecord);
}

export function insertPerson(db: Db, person: Omit<PersonRecord, 'disabled' | 'duties'> & { duties: readonly Duty[] }): void {
  db.prepare(
    `INSERT INTO people (id, login, name, department, rank, manager_id, slot_id, disabled_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  ).run(person.id, person.login, person.name, person.department, person.rank, person.managerId, person.slotId, person.createdAt);
  replaceDuties(db, person.id, person.duties);
}

export function replaceDuties(db: Db, personId: string, duties: readonly Duty[]): void {
  db.prepare('DELETE FROM person_duties WHERE person_id = ?').run(personId);
  const insert = db.prepare('INSERT INTO person_duties (person_id, duty) VALUES (?, ?)');
  for (const duty of new Set(duties)) insert.run(personId, duty);
}

export function setSlot(db: Db, personId: string, slotId: string | null): void {
  db.prepare('UPDATE people SET slot_id = ? WHERE id = ?').run(slotId, personId);
}

export function markDisabled(db: Db, personId: string, at: string): void {
  db.prepare('UPDATE people SET disabled_at = ?, slot_id = NULL WHERE id = ?').run(at, personId);
}

export function countActiveWithDuty(db: Db, duty: Duty): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM people p JOIN person_duties d ON d.person_id = p.id
         WHERE d.duty = ? AND p.disabled_at IS NULL`,
      )
      .get(duty) as { n: number }
  ).n;
}

export function activeSlotIds(db: Db): Set<string> {
  return new Set(
    (db.prepare('SELECT slot_id FROM people WHERE slot_id IS NOT NULL AND disabled_at IS NULL').all() as { slot_id: string }[]).map((r) => r.slot_id),
  );
}

interface DepartmentRow {
  code: string;
  name_zh: string;
  name_en: string;
  holds_copy: number;
  copy_suffix: string | null;
}

export function listDepartments(db: Db): DepartmentView[] {
  return (db.prepare('SELECT * FROM departments ORDER BY holds_copy DESC, code').all() as DepartmentRow[]).map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    holdsCopy: r.holds_copy === 1,
    copySuffix: r.copy_suffix,
  }));
}

export function findDepartment(db: Db, code: string): DepartmentView | null {
  return listDepartments(db).find((d) => d.code === code) ?? null;
}

export function insertDepartment(db: Db, d: DepartmentView, createdAt: string): void {
  db.prepare('INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    d.code,
    d.nameZh,
    d.nameEn,
    d.holdsCopy ? 1 : 0,
    d.copySuffix,
    createdAt,
  );
}

/** SQL for dossiers, their revisions and their search rows. No rules here: the service and the policy decide. */
import { refreshRelationships } from '../due/relationships';
import { stampCelebrations } from './celebration-ids';
import type { DossierContent, DossierStatus, Grade, LifecycleStage, SecrecyLevel } from '../../contract/dossiers';
import type { Db } from '../db/connection';
import { stmt } from './statements';
import { ArchiveError } from '../errors';
import { canonicalJson } from '../journal/entry';
import type { StoredChange } from './fields';
import type { SearchDocument } from './search-text';
import { insertSearchRows, replaceSearchRows } from './search-index';

export interface DossierRecord {
  id: number;
  number: string;
  status: DossierStatus;
  customerName: string;
  industry: string;
  grade: Grade;
  lifecycle: LifecycleStage;
  secrecy: SecrecyLevel;
  responsibleId: string | null;
  collectorId: string | null;
  department: string | null;
  content: DossierContent;
  revision: number;
  createdAt: string;
  updatedAt: string;
  filedAt: string | null;
  lastReviewedAt: string | null;
}

interface DossierRow {
  id: number;
  archive_number: string;
  status: DossierStatus;
  customer_name: string;
  industry: string;
  grade: Grade;
  lifecycle: LifecycleStage;
  secrecy: SecrecyLevel;
  responsible_id: string | null;
  collector_id: string | null;
  department: string | null;
  content: string;
  revision: number;
  created_at: string;
  updated_at: string;
  filed_at: string | null;
  last_reviewed_at: string | null;
}

function toRecord(r: DossierRow): DossierRecord {
  return {
    id: r.id,
    number: r.archive_number,
    status: r.status,
    customerName: r.customer_name,
    industry: r.industry,
    grade: r.grade,
    lifecycle: r.lifecycle,
    secrecy: r.secrecy,
    responsibleId: r.responsible_id,
    collectorId: r.collector_id,
    department: r.department,
    content: JSON.parse(r.content) as DossierContent,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    filedAt: r.filed_at,
    lastReviewedAt: r.last_reviewed_at,
  };
}

const SELECT_DOSSIER = 'SELECT d.*, c.content FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id';

export function findDossierByNumber(db: Db, number: string): DossierRecord | null {
  const row = stmt(db, `${SELECT_DOSSIER} WHERE d.archive_number = ?`).get(number) as DossierRow | undefined;
  return row ? toRecord(row) : null;
}

export function findDossierById(db: Db, id: number): DossierRecord | null {
  const row = stmt(db, `${SELECT_DOSSIER} WHERE d.id = ?`).get(id) as DossierRow | undefined;
  return row ? toRecord(row) : null;
}

/** Issues the next archive number of the year (KH-2026-00017). Call inside the creating transaction. */
export function issueArchiveNumber(db: Db, year: number): string {
  return issueArchiveNumbers(db, year, 1)[0]!;
}

/** Issues `count` consecutive numbers of the year at once (a bulk batch). */
export function issueArchiveNumbers(db: Db, year: number, count: number): string[] {
  const row = stmt(
    db,
    `INSERT INTO archive_number_counters (year, last) VALUES (?, ?)
     ON CONFLICT (year) DO UPDATE SET last = last + excluded.last RETURNING last`,
  ).get(year, count) as { last: number };
  if (row.last > 99_999) throw new ArchiveError('dossier.numbersExhausted', { year });
  const first = row.last - count + 1;
  return Array.from({ length: count }, (_, i) => `KH-${year}-${String(first + i).padStart(5, '0')}`);
}

/** The catalogue columns a save copies out of the content. */
export interface CatalogueColumns {
  customerName: string;
  industry: string;
  grade: Grade;
  lifecycle: LifecycleStage;
  secrecy: SecrecyLevel;
  responsibleId: string | null;
  department: string | null;
}

export interface NewDossierRow extends CatalogueColumns {
  number: string;
  collectorId: string | null;
  content: DossierContent;
  createdAt: string;
  createdBy: string;
  /** Bulk only: a dossier inserted already filed, reviewed last at `lastReviewedAt`, its copies held by `heldBy`. */
  filed?: { at: string; lastReviewedAt: string; heldBy: string };
}

export function insertDossier(db: Db, d: NewDossierRow): number {
  const info = stmt(
    db,
    `INSERT INTO dossiers (archive_number, status, customer_name, industry, grade, lifecycle, secrecy, responsible_id,
         collector_id, department, revision, created_at, created_by, updated_at, filed_at, last_reviewed_at, last_reviewed_by, held_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.number,
    d.filed ? 'filed' : 'draft',
    d.customerName,
    d.industry,
    d.grade,
    d.lifecycle,
    d.secrecy,
    d.responsibleId,
    d.collectorId,
    d.department,
    d.createdAt,
    d.createdBy,
    d.createdAt,
    d.filed?.at ?? null,
    d.filed?.lastReviewedAt ?? null,
    d.filed ? d.createdBy : null,
    d.filed?.heldBy ?? '',
  );
  const id = Number(info.lastInsertRowid);
  // Every writer's celebrations get their ids here too (bulk imports, the demo), not only the service's.
  const content = stampCelebrations(undefined, d.content);
  stmt(db, 'INSERT INTO dossier_content (dossier_id, content) VALUES (?, ?)').run(id, canonicalJson(content));
  refreshRelationships(db, { dossierId: id, responsibleId: d.responsibleId, content, at: d.createdAt });
  return id;
}

export function updateDossier(db: Db, id: number, c: CatalogueColumns & { content: DossierContent; revision: number; at: string; reviewed: boolean }): void {
  stmt(
    db,
    `UPDATE dossiers SET customer_name = ?, industry = ?, grade = ?, lifecycle = ?, secrecy = ?, responsible_id = ?, department = ?,
       revision = ?, updated_at = ?,
       last_reviewed_at = CASE WHEN ? AND status = 'filed' THEN ? ELSE last_reviewed_at END
     WHERE id = ?`,
  ).run(c.customerName, c.industry, c.grade, c.lifecycle, c.secrecy, c.responsibleId, c.department, c.revision, c.at, c.reviewed ? 1 : 0, c.at, id);
  stmt(db, 'UPDATE dossier_content SET content = ? WHERE dossier_id = ?').run(canonicalJson(c.content), id);
  refreshRelationships(db, { dossierId: id, responsibleId: c.responsibleId, content: c.content, at: c.at });
}

export function markFiled(db: Db, id: number, at: string, by: string): void {
  stmt(db, `UPDATE dossiers SET status = 'filed', filed_at = ?, last_reviewed_at = ?, last_reviewed_by = ? WHERE id = ?`).run(at, at, by, id);
}

export function setCollector(db: Db, id: number, collectorId: string): void {
  stmt(db, 'UPDATE dossiers SET collector_id = ? WHERE id = ?').run(collectorId, id);
}

export function markReviewed(db: Db, id: number, at: string, by: string): void {
  stmt(db, 'UPDATE dossiers SET last_reviewed_at = ?, last_reviewed_by = ? WHERE id = ?').run(at, by, id);
}

export function insertRevision(
  db: Db,
  dossierId: number,
  revision: number,
  kind: 'create' | 'update',
  at: string,
  actorId: string,
  changes: readonly StoredChange[],
): void {
  stmt(db, 'INSERT INTO dossier_revisions (dossier_id, revision, kind, at, actor_id, changes) VALUES (?, ?, ?, ?, ?, ?)').run(
    dossierId,
    revision,
    kind,
    at,
    actorId,
    JSON.stringify(changes),
  );
}

export interface RevisionRecord {
  revision: number;
  kind: 'create' | 'update';
  at: string;
  actorId: string;
  changes: StoredChange[];
}

export function findRevision(db: Db, dossierId: number, revision: number): RevisionRecord | null {
  const row = stmt(db, 'SELECT revision, kind, at, actor_id, changes FROM dossier_revisions WHERE dossier_id = ? AND revision = ?').get(dossierId, revision) as
    { revision: number; kind: 'create' | 'update'; at: string; actor_id: string; changes: string } | undefined;
  return row ? { revision: row.revision, kind: row.kind, at: row.at, actorId: row.actor_id, changes: JSON.parse(row.changes) as StoredChange[] } : null;
}

export function searchDocument(number: string, content: DossierContent): SearchDocument {
  return {
    number,
    name: content.basic?.customerName ?? '',
    industry: content.basic?.industry ?? '',
    persons: (content.keyPersons ?? []).map((p) => p.name).join(' '),
  };
}

/** Replaces the dossier's rows in both search indexes. */
export function indexDossier(db: Db, id: number, doc: SearchDocument, replacing: boolean): void {
  if (replacing) replaceSearchRows(db, id, doc);
  else insertSearchRows(db, id, doc);
}

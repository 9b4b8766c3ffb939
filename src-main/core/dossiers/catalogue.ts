/**
 * The catalogue (一览表): number, customer name, grade, industry, secrecy level, responsible manager
 * and copy status — never content — searched and paged so a virtualized table scrolls any number
 * of rows. Key-person names are searched only within dossiers whose content the searcher may see,
 * and that is decided dossier by dossier by the policy (`dossier.open`), not here.
 */
import { catalogueQuerySchema, reviewListSchema, type CataloguePage, type CatalogueRow, type ReviewDueRow } from '../../contract/dossiers';
import { can, activeLoanDossierIds } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { addMonthsInZone, DEFAULT_TIME_ZONE } from '../time-zone';
import { parseInput } from '../validate';
import { copyStatusOf } from '../copies/repository';
import { parseTerms, type TermQuery } from './search-text';
import { askedFor } from './context';
import type { Db } from '../db/connection';
import { stmt } from './statements';

/** Months on the archive's calendar (core/time-zone.ts): 31 Jan + 1 month is the last day of February. */
export function addMonths(iso: string | Date, months: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return addMonthsInZone(iso, months, timeZone);
}

/** A review is due once last review + period ≤ the moment: last review ≤ moment − period. */
export function reviewCutoffs(now: Date, periodMonths: number, withinDays: number, timeZone: string = DEFAULT_TIME_ZONE): { overdue: string; due: string } {
  const soon = new Date(now.getTime() + withinDays * 86_400_000);
  return { overdue: addMonths(now, -periodMonths, timeZone).toISOString(), due: addMonths(soon, -periodMonths, timeZone).toISOString() };
}

/** Dossiers whose key persons match a term and whose content this searcher may read now. */
function readableByPersons(session: Session, term: TermQuery, loans: Set<number>, standingAccess: boolean): number[] {
  const candidates = stmt(
    session.archive.db,
    `SELECT id, status, collector_id AS collectorId, responsible_id AS responsibleId, department
       FROM dossiers WHERE id IN (SELECT rowid FROM ${term.table} WHERE ${term.table} MATCH ?)`,
  ).all(term.personsMatch) as { id: number; status: 'draft' | 'filed'; collectorId: string | null; responsibleId: string | null; department: string | null }[];
  return candidates
    .filter((c) => can(session.actor, 'dossier.open', { dossier: { ...c, activeLoan: loans.has(c.id), standingAccess } }).allowed)
    .map((c) => c.id);
}

interface Row {
  id: number;
  archive_number: string;
  customer_name: string;
  grade: CatalogueRow['grade'];
  industry: string;
  secrecy: CatalogueRow['secrecy'];
  status: CatalogueRow['status'];
  lifecycle: CatalogueRow['lifecycle'];
  revision: number;
  last_reviewed_at: string | null;
  login: string | null;
  name: string | null;
  collector_id: string | null;
  responsible_id: string | null;
  department: string | null;
}

/**
 * The total without counting, when the first page came back short: it holds every match. (A search
 * that fits one page is the common case, and the count would run the whole match a second time.)
 */
function knownTotal(q: { offset: number; limit: number }, ids: readonly number[]): number | null {
  return q.offset === 0 && ids.length < q.limit ? ids.length : null;
}

export async function searchCatalogue(session: Session, raw: unknown = {}): Promise<CataloguePage> {
  return session.perform({ action: 'catalogue.search', details: { query: askedFor(raw ?? {}) } }, (ctx) => {
    const q = parseInput(catalogueQuerySchema, raw ?? {});
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const settings = readSettings(db);
    const where: string[] = [];
    const params: unknown[] = [];
    // Each term is a set of ids: its matches in the catalogue columns, plus the dossiers whose key
    // persons match and whose content this searcher may read.
    const sets: { sql: string; params: unknown[] }[] = [];
    const terms = parseTerms(q.text);
    if (terms.length) {
      const loans = new Set(activeLoanDossierIds(db, session.actor.id, now));
      for (const term of terms) {
        const persons = readableByPersons(session, term, loans, settings.standingAccess);
        const fts = `SELECT rowid AS id FROM ${term.table} WHERE ${term.table} MATCH ?`;
        sets.push(
          persons.length
            ? { sql: `${fts} UNION SELECT value FROM json_each(?)`, params: [term.publicMatch, JSON.stringify(persons)] }
            : { sql: fts, params: [term.publicMatch] },
        );
      }
    }
    const inList = (column: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      where.push(`d.${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    inList('grade', q.grade);
    inList('secrecy', q.secrecy);
    inList('lifecycle', q.lifecycle);
    if (q.status) {
      where.push('d.status = ?');
      params.push(q.status);
    }
    if (q.holdingDepartment) {
      // held_by is kept by trigger from the copies (migration 0080): no join per row.
      where.push(`instr(d.held_by, ?) > 0`);
      params.push(` ${q.holdingDepartment} `);
    }
    if (q.review) {
      const cut = reviewCutoffs(now, settings.reviewPeriodMonths, 30, settings.timeZone);
      where.push(`d.status = 'filed' AND d.last_reviewed_at <= ?`);
      params.push(q.review === 'overdue' ? cut.overdue : cut.due);
    }
    // Archived dossiers (retention) leave the working lists but stay findable when asked for.
    const ARCHIVED = `SELECT dossier_id FROM dossier_retention WHERE archived_at IS NOT NULL`;
    if (q.archived === 'only') where.push(`d.id IN (${ARCHIVED})`);
    // Newest first. Ids are given in creation order, as archive numbers are (year, then serial),
    // so id order is number order — and it is the order FTS5 returns matches in, which lets a
    // text-only search be answered from the index alone, without touching a dossier row.
    let total: number;
    let ids: number[];
    if (sets.length && !where.length) {
      const source = sets.map((t) => t.sql).join(' INTERSECT ') + (q.archived === 'exclude' ? ` EXCEPT ${ARCHIVED}` : '');
      const sourceParams = sets.flatMap((t) => t.params);
      ids = (stmt(db, `SELECT id FROM (${source}) ORDER BY id DESC LIMIT ? OFFSET ?`).all(...sourceParams, q.limit, q.offset) as { id: number }[]).map(
        (r) => r.id,
      );
      total = knownTotal(q, ids) ?? (stmt(db, `SELECT count(*) AS n FROM (${source})`).get(...sourceParams) as { n: number }).n;
    } else {
      for (const t of sets) {
        where.unshift(`d.id IN (${t.sql})`);
        params.unshift(...t.params);
      }
      if (q.archived === 'exclude') where.push(`d.id NOT IN (${ARCHIVED})`);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      // The same order two ways, whichever an index already holds (tests/bench/dossiers.bench.ts): the
      // (grade|secrecy|lifecycle, archive_number) indexes and the archive-number index stream pages
      // in number order, so a deep offset skips index entries rather than rows; a text match or
      // the review range yields rowids, which sort without touching a row.
      const order = sets.length || q.review ? 'd.id DESC' : 'd.archive_number DESC';
      ids = (stmt(db, `SELECT d.id FROM dossiers d ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as { id: number }[]).map(
        (r) => r.id,
      );
      total = knownTotal(q, ids) ?? (stmt(db, `SELECT count(*) AS n FROM dossiers d ${clause}`).get(...params) as { n: number }).n;
    }
    const byId = new Map(
      (
        stmt(
          db,
          `SELECT d.id, d.archive_number, d.customer_name, d.grade, d.industry, d.secrecy, d.status, d.lifecycle, d.revision,
                  d.last_reviewed_at, p.login, p.name, d.collector_id, d.responsible_id, d.department
           FROM dossiers d LEFT JOIN people p ON p.id = d.responsible_id WHERE d.id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(ids)) as Row[]
      ).map((r) => [r.id, r]),
    );
    const rows = ids.map((id) => byId.get(id)!);
    const copies = copyStatusOf(db, rows);
    ctx.addDetails({ total, returned: rows.length });
    return {
      total,
      offset: q.offset,
      rows: rows.map((r) => ({
        number: r.archive_number,
        customerName: r.customer_name,
        grade: r.grade,
        industry: r.industry,
        secrecy: r.secrecy,
        status: r.status,
        lifecycle: r.lifecycle,
        responsibleManager: r.login ? { login: r.login, name: r.name! } : null,
        revision: r.revision,
        nextReviewAt: r.last_reviewed_at ? addMonths(r.last_reviewed_at, settings.reviewPeriodMonths, settings.timeZone).toISOString() : null,
        copies: copies.get(r.id) ?? [],
        mayWrite: can(session.actor, 'dossier.update', {
          dossier: { status: r.status, collectorId: r.collector_id, responsibleId: r.responsible_id, department: r.department },
        }).allowed,
      })),
    };
  });
}

/** Reviews due within `withinDays` and overdue, for one department (the actor's unless named). */
export async function listReviewsDue(session: Session, raw: unknown = {}): Promise<{ overdue: number; rows: ReviewDueRow[] }> {
  return session.perform({ action: 'review.list' }, (ctx) => {
    const q = parseInput(reviewListSchema, raw ?? {});
    const department = q.department ?? session.actor.department;
    const db: Db = session.archive.db;
    const now = session.archive.clock.now();
    const { reviewPeriodMonths: months, timeZone } = readSettings(db);
    const cut = reviewCutoffs(now, months, q.withinDays, timeZone);
    // A collector's own list: the customers assigned to them, whichever department holds them.
    const [column, key] = q.assigned ? ['d.collector_id', session.actor.id] : ['d.department', department];
    const rows = stmt(
      db,
      `SELECT d.archive_number, d.customer_name, d.department, d.last_reviewed_at, p.login, p.name
         FROM dossiers d LEFT JOIN people p ON p.id = d.responsible_id
         WHERE ${column} = ? AND d.status = 'filed' AND d.last_reviewed_at <= ?
           AND d.id NOT IN (SELECT dossier_id FROM dossier_retention WHERE archived_at IS NOT NULL)
         ORDER BY d.last_reviewed_at LIMIT 5000`,
    ).all(key, cut.due) as {
      archive_number: string;
      customer_name: string;
      department: string | null;
      last_reviewed_at: string;
      login: string | null;
      name: string | null;
    }[];
    const out: ReviewDueRow[] = rows.map((r) => ({
      number: r.archive_number,
      customerName: r.customer_name,
      department: r.department,
      responsibleManager: r.login ? { login: r.login, name: r.name! } : null,
      lastReviewedAt: r.last_reviewed_at,
      nextReviewAt: addMonths(r.last_reviewed_at, months, timeZone).toISOString(),
      overdue: r.last_reviewed_at <= cut.overdue,
    }));
    const overdue = out.filter((r) => r.overdue).length;
    ctx.addDetails({ ...(q.assigned ? { assigned: true } : { department }), due: out.length, overdue });
    return { overdue, rows: out };
  });
}

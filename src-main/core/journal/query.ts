/**
 * Reading the journal a page at a time. Paging is by key (`seq > last seen`), never OFFSET, so page
 * 10,000 costs what page 1 costs; a whole-journal pass (export, reports) walks pages and never holds
 * more than one in memory. Every read is bounded by `maxSeq`, so a pass sees one consistent prefix
 * of the chain even while new entries are appended between pages.
 */
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { ENTRY_COLUMNS, fromRow, type EntryRow, type JournalEntry } from './entry';
import { whereClause, type JournalFilter } from './filter';
import { TIME_BLOCK } from './journal';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;

export interface PageRequest {
  /** Return entries after this sequence number (the previous page's `nextAfterSeq`). */
  afterSeq?: number;
  limit?: number;
  /** Ignore entries above this sequence number (defaults to the current head). */
  maxSeq?: number;
}

export interface JournalPage {
  entries: JournalEntry[];
  /** Pass as `afterSeq` for the next page; null when this was the last. */
  nextAfterSeq: number | null;
}

export function headSeq(db: Db): number {
  const row = db.prepare('SELECT max(seq) AS seq FROM journal').get() as { seq: number | null };
  return row.seq ?? 0;
}

/**
 * The dossier index's leading expression (migration 0110): entries are indexed per 4096-entry
 * stretch of the chain. SQLite uses an expression index only for the same expression, so a
 * dossier filter names one stretch at a time with exactly this text.
 */
export const OBJECT_PARTITION = 'seq >> 12';
const PARTITION_BITS = 12;

/** One page of raw rows in chain order (the form the hash is computed over). */
export function queryRows(db: Db, filter: JournalFilter, afterSeq: number, limit: number, maxSeq: number, columns = ENTRY_COLUMNS): EntryRow[] {
  const plan = pagePlan(db, filter, afterSeq, maxSeq);
  const statement = db.prepare(`SELECT ${columns} FROM journal WHERE ${plan.where} ORDER BY seq LIMIT ?`).raw(true);
  const rows: EntryRow[] = [];
  for (const params of plan.segments()) {
    for (const row of statement.all(...params, limit - rows.length) as EntryRow[]) rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * How a page is read: `where` for a statement `… FROM journal WHERE ${where} ORDER BY seq LIMIT ?`,
 * run once per segment, in order, with the segment's parameters and the rows still wanted, until
 * the page is full. queryRows reads rows this way; the CSV export (export/pages.ts) reads the same
 * rows aggregated, so both always read a page the same way.
 */
export interface PagePlan {
  where: string;
  segments(): Generator<unknown[]>;
}

export function pagePlan(db: Db, filter: JournalFilter, afterSeq: number, maxSeq: number): PagePlan {
  const byObject = filter.object !== undefined;
  // A dossier filter walks stretch by stretch up to the real head, not to an open-ended bound.
  if (byObject) maxSeq = Math.min(maxSeq, headSeq(db));
  const where = whereClause(filter, 0, 0);
  const rest = where.params.slice(2);
  return {
    where: `${byObject ? `${OBJECT_PARTITION} = ? AND ` : ''}${where.sql}`,
    *segments() {
      // A time filter reads only the `seq` ranges whose blocks can hold a match, instead of walking
      // or sorting the journal to find where the range starts.
      const ranges: [number, number][] = filter.from === undefined && filter.to === undefined ? [[afterSeq, maxSeq]] : timeRanges(db, filter, afterSeq, maxSeq);
      for (const [after, upTo] of ranges) {
        if (after >= upTo) continue;
        if (!byObject) {
          yield [after, upTo, ...rest];
          continue;
        }
        for (let part = (after + 1) >> PARTITION_BITS; part <= upTo >> PARTITION_BITS; part++) yield [part, after, upTo, ...rest];
      }
    },
  };
}

/**
 * The `(after, upTo]` seq ranges, in order, that may hold entries in the filter's time range: all of
 * `(afterSeq, maxSeq]` except the recorded blocks (migration 0095) whose whole span lies outside it.
 * A block without a row (the unfinished last one) is always read.
 */
export function timeRanges(db: Db, filter: JournalFilter, afterSeq: number, maxSeq: number): [number, number][] {
  if (afterSeq >= maxSeq) return [];
  const firstBlock = Math.floor(afterSeq / TIME_BLOCK);
  const lastBlock = Math.floor((maxSeq - 1) / TIME_BLOCK);
  const skipped = db
    .prepare('SELECT block FROM journal_time_blocks WHERE block BETWEEN ? AND ? AND (max_at < ? OR min_at >= ?) ORDER BY block')
    .pluck()
    .all(firstBlock, lastBlock, filter.from ?? '', filter.to ?? '\uffff') as number[];
  const ranges: [number, number][] = [];
  let cursor = afterSeq;
  for (const block of skipped) {
    const start = block * TIME_BLOCK;
    if (start > cursor) push(ranges, cursor, Math.min(start, maxSeq));
    cursor = Math.max(cursor, start + TIME_BLOCK);
  }
  if (cursor < maxSeq) push(ranges, cursor, maxSeq);
  return ranges;
}

function push(ranges: [number, number][], after: number, upTo: number): void {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === after) last[1] = upTo;
  else ranges.push([after, upTo]);
}

export function queryPage(db: Db, filter: JournalFilter, request: PageRequest = {}): JournalPage {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new ArchiveError('input.invalid', { detail: `limit: 1–${MAX_PAGE_SIZE}` });
  const afterSeq = request.afterSeq ?? 0;
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw new ArchiveError('input.invalid', { detail: 'afterSeq' });
  const rows = queryRows(db, filter, afterSeq, limit, request.maxSeq ?? Number.MAX_SAFE_INTEGER);
  const last = rows[rows.length - 1];
  return { entries: rows.map(fromRow), nextAfterSeq: rows.length === limit && last ? last[0] : null };
}

export interface PassOptions {
  maxSeq: number;
  pageSize?: number;
  signal?: AbortSignal;
  /** What to select; ENTRY_COLUMNS first (the default), extra columns after them. */
  columns?: string;
}

/**
 * Every matching row up to `maxSeq`, a page at a time. Between pages it yields to the event loop
 * (so the window stays responsive and a cancel can arrive) and no statement is left open across
 * the await: better-sqlite3 refuses other statements on a connection with an iterator open.
 */
export async function* allRows(db: Db, filter: JournalFilter, options: PassOptions): AsyncGenerator<EntryRow[]> {
  const pageSize = options.pageSize ?? 5000;
  let afterSeq = 0;
  for (;;) {
    if (options.signal?.aborted) throw new ArchiveError('export.cancelled');
    const rows = queryRows(db, filter, afterSeq, pageSize, options.maxSeq, options.columns);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    afterSeq = rows[rows.length - 1]![0];
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The analyst's aggregate SQL. Every column comes from the fixed map below (never from the
 * request), so a field name can only select one of these expressions; values are bound parameters.
 * Nothing here returns a row about one customer: only counts per group.
 */
import type { AnalyticDimension, AnalyticMeasure } from '../../contract/analytics';
import type { Db } from '../db/connection';

/**
 * One dimension over a measure's rows: the raw column grouped on (so an index can serve it), the
 * key shown for a raw value, and the raw value a filter's key stands for. Industry '' and
 * department NULL read as '-'.
 */
interface Column {
  sql: string;
  key?: (raw: string | null) => string;
  raw?: (key: string) => string | null;
  /** Compare with IS (NULL-safe, still an index seek) rather than =. */
  nullable?: boolean;
  /**
   * Two to four values, each a large share of the rows: a filter on it is checked (unary +) rather
   * than sought, so the planner picks an index that hands rows over already grouped; a seek would
   * visit most rows anyway and then sort them.
   */
  broad?: boolean;
}

/** A measure's rows and the column of each dimension over them. */
interface MeasureSql {
  from: string;
  where: string;
  /** The customer behind each row: groups are sized in customers, not rows. */
  customer: string;
  /** One row per customer (dossier measures): customers are counted without DISTINCT. */
  onePerCustomer: boolean;
  columns: Record<AnalyticDimension, Column>;
  /** Needs the review cutoff bound first (reviewCompliance). */
  rate?: string;
}

const dash = (raw: string | null): string => (raw === null || raw === '' ? '-' : raw);

const dossierColumns = (month: string): Record<AnalyticDimension, Column> => ({
  grade: { sql: 'd.grade' },
  industry: { sql: 'd.industry', key: dash, raw: (key) => (key === '-' ? '' : key) },
  // A real column kept from the content by triggers (migration 290): no JSON read here.
  sourceChannel: { sql: 'd.source_channel', key: dash, raw: (key) => (key === '-' ? '' : key) },
  department: { sql: 'd.department', key: dash, raw: (key) => (key === '-' ? null : key), nullable: true },
  lifecycle: { sql: 'd.lifecycle', broad: true },
  secrecy: { sql: 'd.secrecy', broad: true },
  status: { sql: 'd.status', broad: true },
  month: { sql: `substr(${month}, 1, 7)`, key: dash },
});

const MEASURES: Record<AnalyticMeasure, MeasureSql> = {
  dossiers: { from: 'dossiers d', where: '1', customer: 'd.id', onePerCustomer: true, columns: dossierColumns('d.created_at') },
  // Reviewed within the period, like the review lists (catalogue.ts): last review after the overdue cutoff.
  reviewCompliance: {
    from: 'dossiers d',
    // Unary +: see Column.broad.
    where: `+d.status = 'filed'`,
    customer: 'd.id',
    onePerCustomer: true,
    columns: dossierColumns('d.filed_at'),
    rate: `avg(CASE WHEN d.last_reviewed_at > :cutoff THEN 1.0 ELSE 0.0 END)`,
  },
  loans: {
    from: 'loans l JOIN dossiers d ON d.id = l.dossier_id',
    where: '1',
    customer: 'd.id',
    onePerCustomer: false,
    columns: { ...dossierColumns('l.submitted_at'), department: { sql: 'l.department', key: dash, raw: (key) => (key === '-' ? null : key), nullable: true } },
  },
  overdueLoans: {
    from: 'loans l JOIN dossiers d ON d.id = l.dossier_id',
    where: `l.state = 'on-loan' AND l.due_at <= :now`,
    customer: 'd.id',
    onePerCustomer: false,
    columns: { ...dossierColumns('l.due_at'), department: { sql: 'l.department', key: dash, raw: (key) => (key === '-' ? null : key), nullable: true } },
  },
};

export interface GroupRow {
  key: string;
  count: number;
  customers: number;
  rate?: number;
}

export interface Bindings {
  cutoff: string;
  now: string;
}

type Params = Record<string, string | null>;

/** Each filter as a predicate on its raw column, with its bound value; `skip` leaves one out. */
function filterSql(m: MeasureSql, filters: readonly [AnalyticDimension, string][], skip = -1): { sql: string; params: Params } {
  const parts = [m.where];
  const params: Params = {};
  filters.forEach(([name, value], i) => {
    if (i === skip) return;
    const column = m.columns[name];
    parts.push(`${column.broad ? '+' : ''}${column.sql} ${column.nullable ? 'IS' : '='} :f${i}`);
    params[`f${i}`] = column.raw ? column.raw(value) : value;
  });
  return { sql: parts.join(' AND '), params };
}

/** Only the named parameters a statement uses may be bound (better-sqlite3 refuses extra ones). */
function bind(sql: string, all: Params): Params {
  return Object.fromEntries(Object.entries(all).filter(([name]) => sql.includes(`:${name}`)));
}

/** Customers counted where `condition` holds (plain count when each row is one customer). */
function customersWhere(m: MeasureSql, condition: string): string {
  return m.onePerCustomer ? `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)` : `count(DISTINCT CASE WHEN ${condition} THEN ${m.customer} END)`;
}

function countWhere(db: Db, m: MeasureSql, filters: readonly [AnalyticDimension, string][], b: Bindings, skip = -1): number {
  const where = filterSql(m, filters, skip);
  const sql = `SELECT count(*) AS n FROM ${m.from} WHERE ${where.sql}`;
  return (db.prepare(sql).get(bind(sql, { ...where.params, ...b })) as { n: number }).n;
}

/**
 * Customers matching all the filters, and for each filter the customers matching all the others
 * but not it. For dossier measures (one row per customer) each is a difference of plain counts
 * over equality filters, which the indexes answer by seeking; loans count distinct customers, in
 * one pass over the rows that miss at most one filter.
 */
export function populations(
  db: Db,
  measure: AnalyticMeasure,
  filters: readonly [AnalyticDimension, string][],
  b: Bindings,
): { population: number; differences: number[] } {
  const m = MEASURES[measure];
  if (m.onePerCustomer) {
    const population = countWhere(db, m, filters, b);
    return { population, differences: filters.map((_, i) => countWhere(db, m, filters, b, i) - population) };
  }
  const params: Params = {};
  const hits = filters.map(([name, value], i) => {
    const column = m.columns[name];
    params[`f${i}`] = column.raw ? column.raw(value) : value;
    return `coalesce(${column.sql} ${column.nullable ? 'IS' : '='} :f${i}, 0)`;
  });
  const n = filters.length;
  const matched = n === 0 ? '1' : hits.join(' + ');
  const all = n === 0 ? `count(DISTINCT ${m.customer})` : customersWhere(m, `${matched} = ${n}`);
  const looser = hits.map((hit) => customersWhere(m, `${matched} - ${hit} = ${n - 1} AND ${hit} = 0`));
  const sql = `SELECT ${[`${all} AS p`, ...looser.map((expression, i) => `${expression} AS d${i}`)].join(', ')}
               FROM ${m.from} WHERE ${m.where}${n > 0 ? ` AND ${matched} >= ${n - 1}` : ''}`;
  const row = db.prepare(sql).get(bind(sql, { ...params, ...b })) as Record<string, number | null>;
  return { population: row.p ?? 0, differences: filters.map((_, i) => row[`d${i}`] ?? 0) };
}

/** One row per group: rows counted, customers behind them and, for rates, the rate. */
export function groups(
  db: Db,
  measure: AnalyticMeasure,
  dimension: AnalyticDimension,
  filters: readonly [AnalyticDimension, string][],
  b: Bindings,
): GroupRow[] {
  const m = MEASURES[measure];
  const column = m.columns[dimension];
  const where = filterSql(m, filters);
  const rate = m.rate ? `, ${m.rate} AS rate` : '';
  const customers = m.onePerCustomer ? 'count(*)' : `count(DISTINCT ${m.customer})`;
  const sql = `SELECT ${column.sql} AS key, count(*) AS count, ${customers} AS customers${rate}
               FROM ${m.from} WHERE ${where.sql} GROUP BY ${column.sql}`;
  const rows = db.prepare(sql).all(bind(sql, { ...where.params, ...b })) as { key: string | null; count: number; customers: number; rate?: number }[];
  const key = column.key ?? dash;
  return rows.map((r) => ({ key: key(r.key), count: r.count, customers: r.customers, ...(m.rate ? { rate: r.rate ?? 0 } : {}) }));
}

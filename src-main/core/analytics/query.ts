/**
 * The analyst's aggregate SQL. Every column comes from the fixed map below (never from the
 * request), so a field name can only select one of these expressions; values are bound parameters.
 * Nothing here returns a row about one customer: only counts per group.
 */
import type { AnalyticDimension, AnalyticMeasure } from '../../contract/analytics';
import type { Db } from '../db/connection';

/** A measure's rows and the expression of each dimension over them. */
interface MeasureSql {
  from: string;
  where: string;
  /** The customer behind each row: groups are sized in customers, not rows. */
  customer: string;
  /** One row per customer (dossier measures): customers are counted without DISTINCT. */
  onePerCustomer: boolean;
  columns: Record<AnalyticDimension, string>;
  /** Needs the review cutoff bound first (reviewCompliance). */
  rate?: string;
}

const SOURCE_CHANNEL = `coalesce((SELECT json_extract(c.content, '$.basic.sourceChannel') FROM dossier_content c WHERE c.dossier_id = d.id), '')`;

const dossierColumns = (month: string): Record<AnalyticDimension, string> => ({
  grade: 'd.grade',
  industry: `coalesce(nullif(d.industry, ''), '-')`,
  sourceChannel: SOURCE_CHANNEL,
  department: `coalesce(d.department, '-')`,
  lifecycle: 'd.lifecycle',
  secrecy: 'd.secrecy',
  status: 'd.status',
  month: `substr(${month}, 1, 7)`,
});

const MEASURES: Record<AnalyticMeasure, MeasureSql> = {
  dossiers: { from: 'dossiers d', where: '1', customer: 'd.id', onePerCustomer: true, columns: dossierColumns('d.created_at') },
  // Reviewed within the period, like the review lists (catalogue.ts): last review after the overdue cutoff.
  reviewCompliance: {
    from: 'dossiers d',
    where: `d.status = 'filed'`,
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
    columns: { ...dossierColumns('l.submitted_at'), department: 'l.department' },
  },
  overdueLoans: {
    from: 'loans l JOIN dossiers d ON d.id = l.dossier_id',
    where: `l.state = 'on-loan' AND l.due_at <= :now`,
    customer: 'd.id',
    onePerCustomer: false,
    columns: { ...dossierColumns('l.due_at'), department: 'l.department' },
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

function whereOf(m: MeasureSql, filters: readonly [AnalyticDimension, string][]): { sql: string; params: Record<string, string> } {
  const parts = [m.where];
  const params: Record<string, string> = {};
  filters.forEach(([name, value], i) => {
    parts.push(`${m.columns[name]} = :f${i}`);
    params[`f${i}`] = value;
  });
  return { sql: parts.join(' AND '), params };
}

/** Only the named parameters a statement uses may be bound (better-sqlite3 refuses extra ones). */
function bind(sql: string, all: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(all).filter(([name]) => sql.includes(`:${name}`)));
}

/** Customers counted where `condition` holds (plain count when each row is one customer). */
function customersWhere(m: MeasureSql, condition: string): string {
  return m.onePerCustomer ? `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)` : `count(DISTINCT CASE WHEN ${condition} THEN ${m.customer} END)`;
}

/**
 * Customers matching all the filters, and for each filter the customers matching all the others
 * but not it — in one pass over the rows that miss at most one filter, rather than one scan each.
 */
export function populations(db: Db, measure: AnalyticMeasure, filters: readonly [AnalyticDimension, string][], b: Bindings): { population: number; differences: number[] } {
  const m = MEASURES[measure];
  const params: Record<string, string> = {};
  const hits = filters.map(([name, value], i) => {
    params[`f${i}`] = value;
    return `coalesce(${m.columns[name]} = :f${i}, 0)`;
  });
  const n = filters.length;
  const matched = n === 0 ? '1' : hits.join(' + ');
  const all = n === 0 ? (m.onePerCustomer ? 'count(*)' : `count(DISTINCT ${m.customer})`) : customersWhere(m, `${matched} = ${n}`);
  const looser = hits.map((hit) => customersWhere(m, `${matched} - ${hit} = ${n - 1} AND ${hit} = 0`));
  const sql = `SELECT ${[`${all} AS p`, ...looser.map((expression, i) => `${expression} AS d${i}`)].join(', ')}
               FROM ${m.from} WHERE ${m.where}${n > 0 ? ` AND ${matched} >= ${n - 1}` : ''}`;
  const row = db.prepare(sql).get(bind(sql, { ...params, ...b })) as Record<string, number | null>;
  return { population: row.p ?? 0, differences: filters.map((_, i) => row[`d${i}`] ?? 0) };
}

/** One row per group: rows counted, customers behind them and, for rates, the rate. */
export function groups(db: Db, measure: AnalyticMeasure, dimension: AnalyticDimension, filters: readonly [AnalyticDimension, string][], b: Bindings): GroupRow[] {
  const m = MEASURES[measure];
  const where = whereOf(m, filters);
  const rate = m.rate ? `, ${m.rate} AS rate` : '';
  const customers = m.onePerCustomer ? 'count(*)' : `count(DISTINCT ${m.customer})`;
  const sql = `SELECT ${m.columns[dimension]} AS key, count(*) AS count, ${customers} AS customers${rate}
               FROM ${m.from} WHERE ${where.sql} GROUP BY 1 ORDER BY 1`;
  const rows = db.prepare(sql).all(bind(sql, { ...where.params, ...b })) as { key: string | null; count: number; customers: number; rate?: number }[];
  return rows.map((r) => ({ key: r.key ?? '-', count: r.count, customers: r.customers, ...(m.rate ? { rate: r.rate ?? 0 } : {}) }));
}

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
  dossiers: { from: 'dossiers d', where: '1', customer: 'd.id', columns: dossierColumns('d.created_at') },
  // Reviewed within the period, like the review lists (catalogue.ts): last review after the overdue cutoff.
  reviewCompliance: {
    from: 'dossiers d',
    where: `d.status = 'filed'`,
    customer: 'd.id',
    columns: dossierColumns('d.filed_at'),
    rate: `avg(CASE WHEN d.last_reviewed_at > :cutoff THEN 1.0 ELSE 0.0 END)`,
  },
  loans: {
    from: 'loans l JOIN dossiers d ON d.id = l.dossier_id',
    where: '1',
    customer: 'd.id',
    columns: { ...dossierColumns('l.submitted_at'), department: 'l.department' },
  },
  overdueLoans: {
    from: 'loans l JOIN dossiers d ON d.id = l.dossier_id',
    where: `l.state = 'on-loan' AND l.due_at <= :now`,
    customer: 'd.id',
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

/** Customers matching the filters. */
export function population(db: Db, measure: AnalyticMeasure, filters: readonly [AnalyticDimension, string][], b: Bindings): number {
  const m = MEASURES[measure];
  const where = whereOf(m, filters);
  const sql = `SELECT count(DISTINCT ${m.customer}) AS n FROM ${m.from} WHERE ${where.sql}`;
  return (db.prepare(sql).get(bind(sql, { ...where.params, ...b })) as { n: number }).n;
}

/** One row per group: rows counted, customers behind them and, for rates, the rate. */
export function groups(db: Db, measure: AnalyticMeasure, dimension: AnalyticDimension, filters: readonly [AnalyticDimension, string][], b: Bindings): GroupRow[] {
  const m = MEASURES[measure];
  const where = whereOf(m, filters);
  const rate = m.rate ? `, ${m.rate} AS rate` : '';
  const sql = `SELECT ${m.columns[dimension]} AS key, count(*) AS count, count(DISTINCT ${m.customer}) AS customers${rate}
               FROM ${m.from} WHERE ${where.sql} GROUP BY 1 ORDER BY 1`;
  const rows = db.prepare(sql).all(bind(sql, { ...where.params, ...b })) as { key: string | null; count: number; customers: number; rate?: number }[];
  return rows.map((r) => ({ key: r.key ?? '-', count: r.count, customers: r.customers, ...(m.rate ? { rate: r.rate ?? 0 } : {}) }));
}

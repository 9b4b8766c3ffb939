/**
 * One dashboard chart: whom it is for, which department it covers for a given viewer, and how its
 * data is computed. Adding a chart is one file under charts/ and one line in registry.ts; whether a
 * viewer may see it is decided by core/policy (`dashboard.chart`) from `audience` and `scope`.
 */
import type { ChartAudience, ChartData } from '../../contract/analytics';
import type { ArchiveSettings } from '../../contract/settings';
import type { Db } from '../db/connection';
import type { Actor } from '../policy';

export interface ChartContext {
  db: Db;
  now: Date;
  settings: ArchiveSettings;
  /** The department the chart covers, or null for the whole archive. */
  department: string | null;
}

export type ChartBody = Omit<ChartData, 'id' | 'department'>;

export interface ChartDefinition {
  id: string;
  audience: ChartAudience;
  /** The department this viewer's chart covers (null: the whole archive). */
  scope(actor: Actor): string | null;
  compute(ctx: ChartContext): ChartBody;
}

/** The last `count` calendar months (UTC, "YYYY-MM"), oldest first. */
export function lastMonths(now: Date, count = 12): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** Counts keyed by month, laid along `months` (0 where a month has none). */
export function alongMonths(months: readonly string[], rows: readonly { month: string; n: number }[]): number[] {
  const byMonth = new Map(rows.map((r) => [r.month, r.n]));
  return months.map((m) => byMonth.get(m) ?? 0);
}

/** The viewer's own department for managers and custodians; the whole archive for the general manager. */
export const ownDepartment = (actor: Actor): string | null => (actor.rank === 'general-manager' ? null : actor.department);

/** A chart whose source has not landed yet: it says so rather than show zeros. */
export const noData = (kind: ChartBody['kind'] = 'bar'): ChartBody => ({ kind, categoryKind: 'code', categories: [], series: [], noData: true });

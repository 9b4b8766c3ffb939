/**
 * The information analyst (信息分析员, seed 004) and the dashboards' charts (issue 18, points 2–3).
 * Pure decisions over facts the analytics service measures before deciding: which fields a query
 * names, how many customers it covers, and how many a one-filter-looser query would add.
 */
import { ANALYTIC_DIMENSIONS, OTHER_GROUP, type AnalyticsRow, type ChartAudience } from '../../contract/analytics';
import { rankAtLeast } from '../../contract/people';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

/** What an analytics decision depends on. */
export interface AnalyticsFacts {
  /** The dimension and every filter name the query uses. */
  fields: readonly string[];
  /** Customers matching the filters; null when the query was not measured (a field was refused). */
  population: number | null;
  /** For each filter: customers matching all the other filters but not this one. */
  differences: readonly number[];
  minGroupSize: number;
}

/** What a chart decision depends on: whom the chart is for, and the department it is limited to. */
export interface ChartFacts {
  audience: ChartAudience;
  /** null: the whole archive. */
  department: string | null;
}

const AGGREGATE_FIELDS: readonly string[] = ANALYTIC_DIMENSIONS;

/** True when `n` customers may be shown as a group: none at all, or at least the minimum. */
export const isSafeGroup = (n: number, min: number): boolean => n === 0 || n >= min;

/**
 * Aggregates only, for analysts only. A name, phone, key person or content field is refused by
 * name; so is a population below the minimum, and a filter whose removal would add fewer than the
 * minimum customers — comparing the two answers (differencing) would single those few out.
 */
export function canQueryAnalytics(actor: Actor, facts: AnalyticsFacts | undefined): Decision {
  if (!actor.duties.includes('analyst')) return deny('denied.notAnalyst');
  if (!facts) return deny('denied.notAnalyst');
  if (facts.fields.some((field) => !AGGREGATE_FIELDS.includes(field))) return deny('denied.personalField');
  // An empty answer describes nobody; anything else must cover at least the minimum.
  if (facts.population === null || !isSafeGroup(facts.population, facts.minGroupSize)) return deny('denied.groupTooSmall');
  if (facts.differences.some((n) => !isSafeGroup(n, facts.minGroupSize))) return deny('denied.groupTooSmall');
  return allow('analyst');
}

/**
 * Groups below the minimum are folded into OTHER_GROUP; while that group is itself below the
 * minimum the next smallest group joins it, so subtracting the shown groups from the total never
 * reveals a group smaller than the minimum. `size` is the customers behind a row (its count for
 * dossier measures, distinct customers for loans).
 */
export function foldSmallGroups<R extends AnalyticsRow>(rows: readonly (R & { customers: number })[], min: number): { rows: AnalyticsRow[]; folded: number } {
  const sorted = [...rows].sort((a, b) => a.customers - b.customers || a.key.localeCompare(b.key));
  const small = sorted.filter((row) => row.customers < min);
  let kept = sorted.filter((row) => row.customers >= min);
  const foldedRows = [...small];
  let customers = small.reduce((sum, row) => sum + row.customers, 0);
  while (foldedRows.length > 0 && customers < min && kept.length > 0) {
    const next = kept[0]!;
    kept = kept.slice(1);
    foldedRows.push(next);
    customers += next.customers;
  }
  const strip = (row: R & { customers: number }): AnalyticsRow =>
    row.rate === undefined ? { key: row.key, count: row.count } : { key: row.key, count: row.count, rate: row.rate };
  const out = kept.map(strip).sort((a, b) => a.key.localeCompare(b.key));
  if (foldedRows.length > 0 && customers >= min) {
    const count = foldedRows.reduce((sum, row) => sum + row.count, 0);
    const withRate = foldedRows.filter((row) => row.rate !== undefined);
    const other: AnalyticsRow = { key: OTHER_GROUP, count };
    // A rate over folded groups is their weighted mean, so it too describes at least `min` customers.
    if (withRate.length > 0 && count > 0) other.rate = withRate.reduce((sum, row) => sum + (row.rate ?? 0) * row.count, 0) / count;
    out.push(other);
  } else if (foldedRows.length > 0) {
    // Everything together is still below the minimum: nothing is shown (the policy refuses such a population anyway).
    return { rows: [], folded: rows.length };
  }
  return { rows: out, folded: foldedRows.length };
}

/** Each chart to those it is for, limited to what their duty or rank covers. */
export function canSeeChart(actor: Actor, chart: ChartFacts | undefined): Decision {
  if (!chart) return deny('denied.notChartAudience');
  const gm = actor.rank === 'general-manager';
  switch (chart.audience) {
    case 'custodian':
      return actor.duties.includes('custodian') && chart.department === actor.department ? allow('custodian') : deny('denied.notChartAudience');
    case 'department-manager':
      if (gm) return allow();
      return actor.rank === 'department-manager' && chart.department === actor.department ? allow() : deny('denied.notChartAudience');
    case 'auditor':
      return actor.duties.includes('auditor') && chart.department === null ? allow('auditor') : deny('denied.notChartAudience');
    case 'general-manager':
      return gm ? allow() : deny('denied.notChartAudience');
    case 'analyst':
      return actor.duties.includes('analyst') ? allow('analyst') : deny('denied.notChartAudience');
    // The key-account department's managers (leads); the general manager sees it too.
    case 'key-account':
      return gm || (rankAtLeast(actor.rank, 'department-manager') && chart.department === actor.department) ? allow() : deny('denied.notChartAudience');
    default:
      return deny('denied.notChartAudience');
  }
}

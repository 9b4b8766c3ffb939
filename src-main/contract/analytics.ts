/**
 * The information analyst's aggregates (信息分析员, issue 18 point 2) and the dashboards' charts
 * (point 3), as every layer sees them. Runs anywhere: zod only.
 *
 * A query names a measure, the dimension to group by and equality filters. Dimension and filter
 * names are plain strings on purpose: a name outside `ANALYTIC_DIMENSIONS` (a customer's name, a
 * phone, a key person) must reach the core's policy and be refused there, journaled, rather than
 * bounce off the schema.
 */
import { z } from 'zod';

/** Catalogue-level attributes an aggregate may group or filter by; never a name, phone or content field. */
export const ANALYTIC_DIMENSIONS = ['grade', 'industry', 'sourceChannel', 'department', 'lifecycle', 'secrecy', 'status', 'month'] as const;
export type AnalyticDimension = (typeof ANALYTIC_DIMENSIONS)[number];

/**
 * dossiers: how many customers; reviewCompliance: share of filed dossiers reviewed within the review
 * period; loans: borrow cards filed (loan activity); overdueLoans: loans past their due time now.
 */
export const ANALYTIC_MEASURES = ['dossiers', 'reviewCompliance', 'loans', 'overdueLoans'] as const;
export type AnalyticMeasure = (typeof ANALYTIC_MEASURES)[number];

const fieldName = z.string().trim().min(1).max(64);

export const analyticsQuerySchema = z
  .object({
    measure: z.enum(ANALYTIC_MEASURES),
    dimension: fieldName,
    filters: z.record(fieldName, z.string().trim().max(200)).default({}),
  })
  .strict()
  .refine((q) => Object.keys(q.filters).length <= 6, { message: 'at most 6 filters', path: ['filters'] });
export type AnalyticsQuery = z.input<typeof analyticsQuerySchema>;

/** One group: its key (a code, a month "YYYY-MM", or OTHER_GROUP), its count and, for rates, the rate in [0, 1]. */
export interface AnalyticsRow {
  key: string;
  count: number;
  rate?: number;
}

/** Groups smaller than the minimum are folded into this one (and it is never itself below the minimum). */
export const OTHER_GROUP = '(other)';

export interface AnalyticsResult {
  measure: AnalyticMeasure;
  dimension: AnalyticDimension;
  rows: AnalyticsRow[];
  /** Customers in the filtered population. */
  total: number;
  /** How many groups were folded into OTHER_GROUP. */
  folded: number;
  minGroupSize: number;
}

/** Who a dashboard chart is for; core/policy decides who that is. */
export const CHART_AUDIENCES = ['custodian', 'department-manager', 'auditor', 'general-manager', 'analyst', 'key-account'] as const;
export type ChartAudience = (typeof CHART_AUDIENCES)[number];

/**
 * A chart's data: categories along the x axis, one value list per series. Series and category keys
 * are codes the renderer translates. `noData` marks a chart whose source has not landed yet.
 */
export interface ChartData {
  id: string;
  kind: 'bar' | 'line';
  /** How the renderer translates categories: months, grades, plain codes… */
  categoryKind: 'month' | 'grade' | 'code';
  categories: string[];
  series: { key: string; values: number[] }[];
  noData: boolean;
  /** The department the chart is limited to, or null for the whole archive. */
  department: string | null;
}

export const chartRequestSchema = z.object({ id: z.string().trim().min(1).max(64) }).strict();

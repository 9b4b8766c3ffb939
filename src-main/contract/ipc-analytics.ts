/**
 * IPC channels of the information analyst and the dashboards' charts (issue 18, points 2–3).
 * contract/ipc.ts merges these into REQUESTS, Responses and the generated API; the handlers are in
 * src-main/ipc/handlers/analytics.ts. The core decides who sees what (policy/analytics.ts).
 */
import { z } from 'zod';
import { analyticsQuerySchema, chartRequestSchema, type AnalyticsResult, type ChartData } from './analytics';

export const ANALYTICS_REQUESTS = {
  /** One aggregate (the analyst's): refused for a personal field or a group below the minimum. */
  'analytics:query': analyticsQuerySchema,
  /** The ids of the charts this viewer's dashboard shows. */
  'dashboards:list': z.object({}).strict(),
  /** One chart's data. */
  'dashboards:chart': chartRequestSchema,
} as const satisfies Record<string, z.ZodType>;

export interface AnalyticsResponses {
  'analytics:query': AnalyticsResult;
  'dashboards:list': string[];
  'dashboards:chart': ChartData;
}

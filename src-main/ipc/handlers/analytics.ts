/** analytics:* and dashboards:* — the analyst's aggregates and the dashboards' charts. */
import { runAnalytics } from '../../core/analytics/service';
import { chartData, listCharts } from '../../core/dashboards/service';
import { open, type DomainHandlers } from './context';

export const analyticsHandlers: DomainHandlers<'analytics'> = {
  'analytics:query': async (input, ctx) => runAnalytics(open(ctx), input),
};

export const dashboardHandlers: DomainHandlers<'dashboards'> = {
  'dashboards:list': async (_input, ctx) => listCharts(open(ctx)),
  'dashboards:chart': async (input, ctx) => chartData(open(ctx), input),
};

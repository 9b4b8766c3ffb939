/** Every dashboard chart, in the order dashboards show them. Add a chart: one file in charts/, one line here. */
import type { ChartDefinition } from './chart';
import { contactCadence } from './charts/contact-cadence';
import { incidentsMarks } from './charts/incidents-marks';
import { leadFunnel } from './charts/lead-funnel';
import { loansByMonth } from './charts/loans-by-month';
import { overdueLoans } from './charts/overdue-loans';
import { refusalsAfterHours } from './charts/refusals-after-hours';
import { reviewCompliance } from './charts/review-compliance';

export const CHARTS: readonly ChartDefinition[] = [
  loansByMonth,
  overdueLoans,
  reviewCompliance,
  contactCadence,
  refusalsAfterHours,
  incidentsMarks,
  leadFunnel,
];

/**
 * IPC channels for daily visit reports and yearly maintenance plans (issue 17 points 3 and 4).
 * contract/ipc.ts merges these into REQUESTS, Responses and the generated API; the router demands a
 * handler for every channel (ipc/handlers/visits-plans.ts). No request names the acting person.
 */
import {
  commentVisitReportSchema,
  dossierPlansSchema,
  fileVisitReportSchema,
  planListSchema,
  planRefSchema,
  rejectPlanSchema,
  savePlanSchema,
  spotCheckSchema,
  visitReportListSchema,
  visitReportRefSchema,
  type DossierPlansView,
  type PlanSummary,
  type PlanView,
  type VisitReportSummary,
  type VisitReportView,
} from './visits-plans';

/** channel → request schema */
export const VISIT_PLAN_REQUESTS = {
  'visits:file': fileVisitReportSchema,
  'visits:list': visitReportListSchema,
  'visits:open': visitReportRefSchema,
  'visits:comment': commentVisitReportSchema,
  'visits:spotCheck': spotCheckSchema,
  'plans:save': savePlanSchema,
  'plans:ofDossier': dossierPlansSchema,
  'plans:list': planListSchema,
  'plans:approve': planRefSchema,
  'plans:reject': rejectPlanSchema,
} as const;

export interface VisitPlanResponses {
  'visits:file': VisitReportSummary;
  'visits:list': VisitReportSummary[];
  'visits:open': VisitReportView;
  'visits:comment': VisitReportSummary;
  'visits:spotCheck': VisitReportView;
  'plans:save': PlanView;
  'plans:ofDossier': DossierPlansView;
  'plans:list': PlanSummary[];
  'plans:approve': PlanView;
  'plans:reject': PlanView;
}

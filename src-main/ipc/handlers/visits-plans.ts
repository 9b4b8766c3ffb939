/** visits:* and plans:* (issue 17 points 3 and 4). Handlers translate; the core decides and records. */
import { approvePlan, dossierPlans, listPlans, rejectPlan, savePlan } from '../../core/plans/service';
import { commentVisitReport, fileVisitReport, listVisitReports, openVisitReport, spotCheckVisitReport } from '../../core/visits/service';
import { open, type DomainHandlers } from './context';

export const visitHandlers: DomainHandlers<'visits'> = {
  'visits:file': async (input, ctx) => fileVisitReport(open(ctx), input),
  'visits:list': async (input, ctx) => listVisitReports(open(ctx), input),
  'visits:open': async (input, ctx) => openVisitReport(open(ctx), input),
  'visits:comment': async (input, ctx) => commentVisitReport(open(ctx), input),
  'visits:spotCheck': async (input, ctx) => spotCheckVisitReport(open(ctx), input),
};

export const planHandlers: DomainHandlers<'plans'> = {
  'plans:save': async (input, ctx) => savePlan(open(ctx), input),
  'plans:ofDossier': async (input, ctx) => dossierPlans(open(ctx), input),
  'plans:list': async (input, ctx) => listPlans(open(ctx), input),
  'plans:approve': async (input, ctx) => approvePlan(open(ctx), input),
  'plans:reject': async (input, ctx) => rejectPlan(open(ctx), input),
};

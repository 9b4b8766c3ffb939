/** leads:* (issue 18 point 1). Handlers translate; the core decides (policy) and records (journal). */
import { leadConversion, leadPublication } from '../../core/leads/reports';
import { checkLead, leadToDossier, listLeads, mergeLeads, openProject, recordDelivery, reportLead } from '../../core/leads/service';
import { open, type DomainHandlers } from './context';

export const leadHandlers: DomainHandlers<'leads'> = {
  'leads:report': async (input, ctx) => reportLead(open(ctx), input),
  'leads:list': async (input, ctx) => listLeads(open(ctx), input),
  'leads:check': async (input, ctx) => checkLead(open(ctx), input),
  'leads:merge': async (input, ctx) => mergeLeads(open(ctx), input),
  'leads:project': async (input, ctx) => openProject(open(ctx), input),
  'leads:deliver': async (input, ctx) => recordDelivery(open(ctx), input),
  'leads:dossier': async (input, ctx) => leadToDossier(open(ctx), input),
  'leads:publication': async (input, ctx) => leadPublication(open(ctx), input),
  'leads:conversion': async (input, ctx) => leadConversion(open(ctx), input),
};

/**
 * IPC channels for lead intake (issue 18 point 1). contract/ipc.ts merges these into REQUESTS and
 * Responses; ipc/handlers/leads.ts answers every one. No request names the acting person.
 */
import {
  leadCheckSchema,
  leadConversionSchema,
  leadDeliverySchema,
  leadIdSchema,
  leadListSchema,
  leadMergeSchema,
  leadPublicationSchema,
  leadReportSchema,
  type LeadConversion,
  type LeadPublication,
  type LeadView,
} from './leads';

/** channel → request schema */
export const LEAD_REQUESTS = {
  'leads:report': leadReportSchema,
  'leads:list': leadListSchema,
  'leads:check': leadCheckSchema,
  'leads:merge': leadMergeSchema,
  'leads:project': leadIdSchema,
  'leads:deliver': leadDeliverySchema,
  'leads:dossier': leadIdSchema,
  'leads:publication': leadPublicationSchema,
  'leads:conversion': leadConversionSchema,
} as const;

export interface LeadResponses {
  'leads:report': LeadView;
  'leads:list': LeadView[];
  'leads:check': LeadView;
  'leads:merge': LeadView;
  'leads:project': LeadView;
  'leads:deliver': LeadView;
  'leads:dossier': LeadView;
  'leads:publication': LeadPublication;
  'leads:conversion': LeadConversion;
}

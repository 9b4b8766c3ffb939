/**
 * IPC channels for surveys, complaints and re-grading (issue 17, points 5–7). contract/ipc.ts
 * merges these tables into REQUESTS, Responses and the generated API; the router demands a
 * handler for every channel (ipc/handlers/relations.ts). No request names the acting person.
 */
import { z } from 'zod';
import type { Grade } from './dossiers';
import {
  closeFollowUpSchema,
  complaintListSchema,
  complaintStepSchema,
  newComplaintSchema,
  periodicSurveySchema,
  regradeSchema,
  relationsRefSchema,
  satisfactionSurveySchema,
  type ComplaintView,
  type DossierRelationsView,
  type FollowUpView,
  type RegisterRow,
} from './relations';

/** channel → request schema */
export const RELATIONS_REQUESTS = {
  'relations:dossier': relationsRefSchema,
  'relations:register': z.object({}).strict(),
  'relations:survey': periodicSurveySchema,
  'relations:satisfaction': satisfactionSurveySchema,
  'relations:followUps': complaintListSchema,
  'relations:closeFollowUp': closeFollowUpSchema,
  'relations:complaint': newComplaintSchema,
  'relations:complaints': complaintListSchema,
  'relations:complaintStep': complaintStepSchema,
  'relations:regrade': regradeSchema,
} as const;

export interface RelationsResponses {
  'relations:dossier': DossierRelationsView;
  'relations:register': RegisterRow[];
  'relations:survey': { id: number; period: string; revision: number | null };
  'relations:satisfaction': { id: number; followUps: number[] };
  'relations:followUps': FollowUpView[];
  'relations:closeFollowUp': { id: number; closedAt: string };
  'relations:complaint': { id: number; respondBy: string; solveBy: string };
  'relations:complaints': ComplaintView[];
  'relations:complaintStep': ComplaintView;
  'relations:regrade': { id: number; quarter: string; gradeBefore: Grade; gradeAfter: Grade; revision: number | null };
}

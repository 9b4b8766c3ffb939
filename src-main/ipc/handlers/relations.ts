/**
 * relations:* — surveys, complaints and re-grading (issue 17, points 5–7). Handlers translate;
 * the core decides (policy/relations.ts) and records (journal) inside `session.perform`.
 */
import { complaintStep, recordComplaint } from '../../core/relations/complaints';
import { dossierRelations, listComplaints, listFollowUps } from '../../core/relations/lists';
import { recordRegrade } from '../../core/relations/regrade';
import { closeFollowUp, recordSatisfactionSurvey } from '../../core/relations/satisfaction';
import { recordPeriodicSurvey, transactingRegister } from '../../core/relations/surveys';
import { open, type DomainHandlers } from './context';

export const relationsHandlers: DomainHandlers<'relations'> = {
  'relations:dossier': async (input, ctx) => dossierRelations(open(ctx), input),
  'relations:register': async (_input, ctx) => transactingRegister(open(ctx)),
  'relations:survey': async (input, ctx) => recordPeriodicSurvey(open(ctx), input),
  'relations:satisfaction': async (input, ctx) => recordSatisfactionSurvey(open(ctx), input),
  'relations:followUps': async (input, ctx) => listFollowUps(open(ctx), input),
  'relations:closeFollowUp': async (input, ctx) => closeFollowUp(open(ctx), input),
  'relations:complaint': async (input, ctx) => recordComplaint(open(ctx), input),
  'relations:complaints': async (input, ctx) => listComplaints(open(ctx), input),
  'relations:complaintStep': async (input, ctx) => complaintStep(open(ctx), input),
  'relations:regrade': async (input, ctx) => recordRegrade(open(ctx), input),
};

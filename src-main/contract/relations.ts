/**
 * Surveys, satisfaction, complaints and quarterly re-grading (issue 17, points 5–7): request
 * schemas and the views main answers with. Runs anywhere (zod only).
 *
 * What counts as content (rule 3): what the customer said and what was done about it — a survey's
 * changes, item comments, a complaint's subject, content, response and solution, a follow-up's
 * action and result, a re-grading note. Views carry those fields only to people who may read the
 * dossier's content or are named on the record (who recorded it, its owner); `null` otherwise.
 */
import { z } from 'zod';
import { archiveNumberSchema, GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from './dossiers';
import { loginSchema } from './people';
import { text } from './text';

const contentText = (max: number) => text().trim().min(1).max(max);
const score = z.number().int().min(1).max(5);
const idSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * 一年两次定期调查交易往来客户: the half-year's survey of a transacting customer. What changed is
 * written down; a changed grade or lifecycle stage is also a revision of the dossier, so the
 * catalogue (一览表) and the register show it.
 */
export const periodicSurveySchema = z
  .object({
    number: archiveNumberSchema,
    changes: contentText(4000),
    grade: z.enum(GRADES).optional(),
    lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
  })
  .strict();
export type PeriodicSurveyInput = z.input<typeof periodicSurveySchema>;

export const satisfactionItemSchema = z
  .object({
    question: contentText(200),
    score,
    comment: text().trim().max(2000).optional(),
    /** For an unsatisfied item: the improvement to make; a default sentence when left out. */
    action: text().trim().max(1000).optional(),
    /** For an unsatisfied item: who follows it up; the responsible account manager when left out. */
    ownerLogin: loginSchema.optional(),
  })
  .strict();

export const satisfactionSurveySchema = z
  .object({
    number: archiveNumberSchema,
    items: z.array(satisfactionItemSchema).min(1).max(50),
    /** When the follow-ups are due (ISO date-time); the archive's followUpDays from now when left out. */
    followUpDueAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type SatisfactionSurveyInput = z.input<typeof satisfactionSurveySchema>;

export const closeFollowUpSchema = z.object({ id: idSchema, result: contentText(2000) }).strict();

export const newComplaintSchema = z
  .object({
    number: archiveNumberSchema,
    subject: contentText(200),
    content: contentText(4000),
    /** Who handles it; the responsible account manager when left out. */
    ownerLogin: loginSchema.optional(),
  })
  .strict();
export type NewComplaintInput = z.input<typeof newComplaintSchema>;

export const complaintStepSchema = z
  .object({
    id: idSchema,
    step: z.enum(['respond', 'solve', 'close']),
    /** The response (respond) or the solution (solve); not used to close. */
    text: text().trim().max(4000).optional(),
  })
  .strict();
export type ComplaintStepInput = z.input<typeof complaintStepSchema>;

/** 每季度评估客户等级: the criteria (1–5 each) and the grade they lead to. */
export const regradeSchema = z
  .object({
    number: archiveNumberSchema,
    value: score,
    potential: score,
    stability: score,
    grade: z.enum(GRADES),
    note: text().trim().max(2000).optional(),
  })
  .strict();
export type RegradeInput = z.input<typeof regradeSchema>;

export const relationsRefSchema = z.object({ number: archiveNumberSchema }).strict();
export const complaintListSchema = z.object({ open: z.boolean().optional() }).strict();

export interface PersonRef {
  login: string;
  name: string;
}

export interface PeriodicSurveyView {
  id: number;
  period: string;
  conductedAt: string;
  recordedBy: PersonRef;
  changes: string | null;
  gradeBefore: Grade;
  gradeAfter: Grade;
  lifecycleBefore: LifecycleStage;
  lifecycleAfter: LifecycleStage;
  revision: number | null;
}

export interface FollowUpView {
  id: number;
  surveyId: number;
  number: string;
  customerName: string;
  question: string;
  score: number;
  action: string | null;
  owner: PersonRef;
  dueAt: string;
  closedAt: string | null;
  closedBy: PersonRef | null;
  result: string | null;
  overdue: boolean;
}

export interface SatisfactionSurveyView {
  id: number;
  conductedAt: string;
  recordedBy: PersonRef;
  threshold: number;
  items: { position: number; question: string; score: number; comment: string | null; unsatisfied: boolean }[];
}

export const COMPLAINT_STATES = ['received', 'responded', 'solved', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export interface ComplaintView {
  id: number;
  number: string;
  customerName: string;
  state: ComplaintState;
  subject: string | null;
  content: string | null;
  owner: PersonRef;
  receivedAt: string;
  receivedBy: PersonRef;
  respondBy: string;
  respondedAt: string | null;
  response: string | null;
  solveBy: string;
  solvedAt: string | null;
  solution: string | null;
  closedAt: string | null;
  /** The first response came (or has not yet come) after its hour. */
  responseLate: boolean;
  /** The solution came (or has not yet come) after its 24 hours. */
  solutionLate: boolean;
  /** Open and past the deadline of its current step. */
  overdue: boolean;
}

export interface GradeReviewView {
  id: number;
  quarter: string;
  value: number;
  potential: number;
  stability: number;
  gradeBefore: Grade;
  gradeAfter: Grade;
  note: string | null;
  reviewedAt: string;
  reviewedBy: PersonRef;
}

/** A dossier's relationship records, for its detail view. */
export interface DossierRelationsView {
  number: string;
  transacting: boolean;
  currentHalf: string;
  currentQuarter: string;
  surveyDue: boolean;
  regradeDue: boolean;
  /** The signed-in person may record surveys, complaints and follow-ups here / re-grade it. */
  mayWrite: boolean;
  mayRegrade: boolean;
  surveys: PeriodicSurveyView[];
  satisfaction: SatisfactionSurveyView[];
  followUps: FollowUpView[];
  complaints: ComplaintView[];
  grades: GradeReviewView[];
}

/** 交易往来客户名册: one line per transacting customer with its latest half-year survey. */
export interface RegisterRow {
  number: string;
  customerName: string;
  grade: Grade;
  lifecycle: LifecycleStage;
  industry: string;
  responsible: PersonRef | null;
  lastSurvey: { period: string; conductedAt: string; by: PersonRef } | null;
  /** Not yet surveyed this half-year. */
  surveyDue: boolean;
}
